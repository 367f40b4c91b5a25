import type { PointInTimeRecoveryDescription } from '@aws-sdk/client-dynamodb';
import type { StoredTable } from './state.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PitrWindow {
  earliest: Date;
  latest: Date;
}

/**
 * The PITR window, computed at read time as AWS does: the latest restorable time trails now by
 * `lagMs`; the earliest is when PITR was enabled, or the start of the recovery period if later.
 */
export function pitrWindow(table: StoredTable, now: Date, lagMs: number): PitrWindow | undefined {
  if (!table.pitr) return undefined;
  const periodStart = now.getTime() - table.pitr.recoveryPeriodInDays * DAY_MS;
  const earliest = Math.max(table.pitr.enabledAt.getTime(), periodStart);
  // Just after PITR is enabled the lag would put `latest` before `earliest`.
  const latest = Math.max(earliest, now.getTime() - lagMs);
  return { earliest: new Date(earliest), latest: new Date(latest) };
}

export function describePitr(table: StoredTable, now: Date, lagMs: number): PointInTimeRecoveryDescription {
  const window = pitrWindow(table, now, lagMs);
  if (!window || !table.pitr) return { PointInTimeRecoveryStatus: 'DISABLED' };
  return {
    PointInTimeRecoveryStatus: 'ENABLED',
    RecoveryPeriodInDays: table.pitr.recoveryPeriodInDays,
    EarliestRestorableDateTime: window.earliest,
    LatestRestorableDateTime: window.latest,
  };
}
