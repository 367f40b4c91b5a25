import { describeDuration } from '../duration.js';
import type { RestoreMethod } from '../plan.js';
import type { RestoreRequest } from '../restore-request.js';
import { achievedObjectives, type DrRun } from './dr-run.js';
import type { RecoveryPlanPolicy } from './dr-schema.js';

/**
 * A DR run's restore, through the same planner, job and worker as any restore: into the DR
 * environment (its subnet group, security groups and key from its restoreDefaults), under the name
 * the plan gives. A recovered production database never expires; a drill's copy expires at once
 * when validated.
 */
export function drRestoreRequest(run: DrRun): RestoreRequest {
  return {
    kind: run.database.kind,
    source: { environment: run.environment, identifier: run.database.identifier },
    target: { environment: run.drEnvironment, identifier: run.database.restoreAs },
    restorePoint: run.at ? { type: 'time', at: run.at } : { type: 'latest' },
    ifTargetExists: 'fail',
    ...(run.drill ? {} : { expiresIn: 'never' }),
    reason: `${run.drill ? 'DR drill' : 'Disaster recovery'} ${run.id} of ${run.database.identifier} into ${run.drRegion}`,
    requester: { userId: run.requestedBy, userGroupIds: [], timeZone: 'UTC', channelId: run.channelId },
  };
}

/** The restore method the run's path is, handed to the planner as chosen. */
export function drRestoreMethod(run: Pick<DrRun, 'path' | 'at'>): RestoreMethod {
  const { path, at } = run;
  switch (path.type) {
    case 'replicated-backups': {
      const from = { automatedBackupsArn: path.automatedBackupsArn };
      return at ? { type: 'point-in-time', at, from } : { type: 'latest', from };
    }
    case 'point-in-time':
      return at ? { type: 'point-in-time', at } : { type: 'latest' };
    case 'snapshot-copy':
      return { type: 'snapshot', snapshot: path.snapshot, copyFirst: false };
    case 'global-failover':
    case 'global-replica':
      throw new Error(`a ${path.type} recovery restores nothing`);
  }
}

/** A drill's one-line result: the RPO and RTO it would have achieved, against the objectives. */
export function drillScorecard(run: DrRun, plan: RecoveryPlanPolicy): string {
  const achieved = achievedObjectives(run, plan);
  const rpo = `RPO ${describeDuration(achieved.rpoMs)} (objective ${plan.objectives.rpo}, ${achieved.rpoMet ? 'met' : 'missed'})`;
  const rto =
    achieved.rtoMs === undefined
      ? 'RTO not measured'
      : `time to a validated database ${describeDuration(achieved.rtoMs)} (RTO ${plan.objectives.rto}, ${achieved.rtoMet ? 'met' : 'missed'})`;
  return `drill done: ${rpo}, ${rto}; nothing was switched`;
}
