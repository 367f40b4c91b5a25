import type { StepStartResult, StepStatus } from '../steps.js';
import type { Job } from './job.js';
import { withCopyExpiry } from './transitions.js';

/**
 * How the worker records the deletion of an expired copy: one step (`delete-restored-copy`)
 * whose start may need repeating (a DynamoDB table is backed up first, then deleted).
 */

/** The copy being deleted: the target, or a replace's set-aside failed restore. */
function copyName(job: Job): string {
  return job.expiry?.identifier ?? job.plan.target.identifier;
}

/** The copy's delete call was made (or found already made). */
export function copyDeletionStarted(job: Job, result: StepStartResult, now: Date): Job {
  if (job.expiry?.state === 'scheduled') {
    return withCopyExpiry(
      job,
      { state: 'deleting', ...(result.requestId ? { requestId: result.requestId } : {}) },
      now,
      {
        actor: 'worker',
        type: 'deleting',
        detail: `deleting ${copyName(job)} with final snapshot ${job.expiry.finalSnapshot}`,
      },
    );
  }
  return withCopyExpiry(job, result.requestId ? { requestId: result.requestId } : {}, now);
}

/** The copy's deletion as checked; undefined when nothing changed (no write). */
export function copyDeletionChecked(job: Job, status: StepStatus, now: Date): Job | undefined {
  if (status.state === 'pending') return undefined;
  if (status.state === 'failed') return copyDeletionFailed(job, status.reason, now);
  return withCopyExpiry(job, { state: 'deleted' }, now, {
    actor: 'worker',
    type: 'deleted',
    detail: `${copyName(job)} deleted; final snapshot ${job.expiry?.finalSnapshot}`,
  });
}

/** A deletion that cannot go on: people are told on the card; the copy stays. */
export function copyDeletionFailed(job: Job, reason: string, now: Date): Job {
  return withCopyExpiry(job, { state: 'failed', failure: reason }, now, {
    actor: 'worker',
    type: 'failed',
    detail: `deleting the copy failed: ${reason}`,
  });
}
