import type { JobHarness } from './job-harness.js';

/** Operations that create, rename or delete something: each must succeed exactly once per job. */
const EFFECTFUL = /^(Restore|CreateDBInstance|CopyDBClusterSnapshot|DeleteDB)/;

/** Successful calls of each effectful operation (and renames), by operation. */
export function effectfulCalls(harness: JobHarness): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of harness.env.sim.calls) {
    const input = call.input as Record<string, unknown>;
    const isRename =
      call.operation.startsWith('Modify') && ('NewDBClusterIdentifier' in input || 'NewDBInstanceIdentifier' in input);
    if (call.outcome !== 'ok' || !(EFFECTFUL.test(call.operation) || isRename)) continue;
    const key = isRename
      ? `${call.operation}(rename to ${String(input.NewDBClusterIdentifier ?? input.NewDBInstanceIdentifier)})`
      : call.operation;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
