import { describeDuration } from '../duration.js';
import type { DatabaseKind } from '../kinds.js';
import { policyDuration } from '../policy.js';
import type { RecoveryPlanPolicy } from './dr-schema.js';
import { chooseRecoveryPath, type PathChoice, type RecoveryFacts, type RecoveryPath } from './recovery-path.js';

/** One database's readiness: its DR path now, the newest point it recovers to, and the RPO that implies. */
export interface DatabaseReadiness {
  kind: DatabaseKind;
  identifier: string;
  choice: PathChoice;
  /** Data a recovery now would lose: now minus the newest recoverable point. */
  rpoMs?: number;
  /** No path, or an RPO past the objective. */
  warning?: string;
}

export const PATH_LABELS: Record<RecoveryPath['type'], string> = {
  'replicated-backups': 'replicated automated backups',
  'snapshot-copy': 'cross-Region snapshot copy',
  'global-failover': 'global database failover',
  'global-replica': 'global table replica (switch only)',
  'point-in-time': 'cross-Region point-in-time restore',
};

export function readinessOf(
  database: { kind: DatabaseKind; identifier: string },
  facts: RecoveryFacts,
  context: { plan: RecoveryPlanPolicy; drRegion: string; now: Date },
): DatabaseReadiness {
  const { plan, now } = context;
  const choice = chooseRecoveryPath(facts, {
    kind: database.kind,
    identifier: database.identifier,
    drRegion: context.drRegion,
    now,
    drill: false,
    copyInterval: plan.snapshotCopyEvery,
  });
  if (!choice.path) return { ...database, choice, warning: choice.problem };
  const rpoMs = Math.max(0, now.getTime() - choice.recoversTo.getTime());
  const objective = policyDuration(plan.objectives.rpo);
  return {
    ...database,
    choice,
    rpoMs,
    ...(rpoMs > objective && {
      warning: `a recovery now would lose ${describeDuration(rpoMs)} of data, more than the RPO of ${plan.objectives.rpo}`,
    }),
  };
}
