import { refreshActor } from '../actors.js';
import type { Job } from '../job/job.js';
import type { ScheduledApproval } from '../job/transitions.js';
import { formatInstant } from '../restore-point.js';
import type { RestoreRequest } from '../restore-request.js';
import type { RefreshCycle, RefreshDatabase } from './cycle.js';
import type { CycleRun, DatabasePick, RestoreResult } from './cycle-run.js';

/**
 * Mode restore: the replace a run asks for, per database, through the same planner, job and
 * worker as an ad-hoc "replace": rename the acceptance database aside, restore the snapshot under
 * its name, validate, and delete the old one with a final snapshot (or put it back on failure).
 */
export function refreshRestoreRequest(
  cycle: RefreshCycle,
  database: RefreshDatabase,
  pick: DatabasePick,
  run: Pick<CycleRun, 'occurrence'>,
): RestoreRequest {
  if (!pick.snapshotId) throw new Error(`no snapshot was found for ${database.target.identifier}`);
  return {
    kind: database.kind,
    source: { ...database.source },
    target: { ...database.target },
    restorePoint: { type: 'snapshot', id: pick.snapshotId },
    ifTargetExists: 'replace',
    reason: `Scheduled refresh ${cycle.name} of ${formatInstant(run.occurrence)}`,
    requester: {
      userId: refreshActor(cycle.name),
      userGroupIds: [],
      timeZone: cycle.cadence.timeZone,
      channelId: cycle.channelId,
    },
  };
}

/** Who let the restores start: the approver on the card when the cycle asks for one, else the policy. */
export function refreshApproval(run: Pick<CycleRun, 'decisions'>, cycle: RefreshCycle): ScheduledApproval {
  const decision = run.decisions.findLast((candidate) => candidate.type === 'approve' || candidate.type === 'run-now');
  if (decision) {
    const how = decision.type === 'approve' ? 'approved' : 'run now';
    return { approvedBy: decision.userId, detail: `${how} on the ${cycle.name} refresh card` };
  }
  return { detail: `the policy's ${cycle.name} cycle runs without approval` };
}

/** How one database's replace ended, or undefined while it is still running. */
export function restoreResultOf(job: Job): RestoreResult | undefined {
  if (job.status === 'awaiting_approval' || job.status === 'running') return undefined;
  const started = job.events.find((event) => event.type === 'started')?.at ?? job.createdAt;
  const durationMs = job.finishedAt ? job.finishedAt.getTime() - started.getTime() : undefined;
  const timed = durationMs === undefined ? {} : { durationMs };
  if (job.status !== 'succeeded') {
    const failure = job.execution?.failure ?? `the restore was ${job.status}`;
    const putBack = job.execution?.rolledBack ? '; the previous database has its name back' : '';
    return { outcome: 'failed', detail: `${failure}${putBack}`, ...timed };
  }
  const checks = job.execution?.validation ?? [];
  const failed = checks.filter((check) => check.result === 'failed').length;
  const warnings = checks.filter((check) => check.result === 'warning').length;
  const summary =
    checks.length === 0
      ? 'restored'
      : `restored and validated: ${checks.length - failed - warnings} of ${checks.length} checks passed${warnings ? `, ${warnings} with a warning` : ''}`;
  return { outcome: 'refreshed', detail: summary, ...timed };
}

/** The run's one-line outcome once every database's replace ended. */
export function refreshOutcome(picks: readonly DatabasePick[]): { phase: 'succeeded' | 'failed'; outcome: string } {
  const failed = picks.filter((pick) => pick.result?.outcome !== 'refreshed');
  if (failed.length === 0) return { phase: 'succeeded', outcome: `${picks.length} of ${picks.length} refreshed` };
  const refreshed = picks.length - failed.length;
  return {
    phase: 'failed',
    outcome: `${failed.map((pick) => `${pick.target}: ${pick.result?.detail ?? pick.problem ?? 'not restored'}`).join('; ')} (${refreshed} of ${picks.length} refreshed; current was written only for those)`,
  };
}
