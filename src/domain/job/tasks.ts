import { currentStep } from '../execution.js';
import type { StepContext } from '../ports/database-driver.js';
import { EXPIRY_STEP_NAME, EXPIRY_TAG_STEP_NAME } from '../steps.js';
import type { CopyExpiry, Job } from './job.js';
import { isCopyDue, needsExpiryTag } from './transitions.js';

/**
 * What a job needs from the worker now, one notion for every phase of a job: a step of the restore
 * (or of its rollback), the deletion of its copy, the rewrite of the copy's expiry tag, the end of
 * its approval window. A new phase (a scheduled refresh, a DR switch) is a new kind here and in
 * progress.ts; the worker, which only makes the task's call, stays as it is.
 */
export type Task = TimedTask | DriverTask;

/** Due with no call to make: the domain moves the job by itself. */
export interface TimedTask {
  kind: 'approval-timeout';
  call: 'none';
}

/**
 * One driver call: `start` the step (its one idempotent call), `check` it (batched with other
 * jobs' checks), or `validate` the restored target.
 */
export interface DriverTask {
  kind: 'restore-step' | 'copy-deletion' | 'expiry-tag';
  call: 'start' | 'check' | 'validate';
  context: StepContext;
}

/** The job's task at `now`, or undefined when it has none (finished, waiting for people, or retrying later). */
export function currentTask(job: Job, now: Date): Task | undefined {
  if (job.retry && now < job.retry.nextAttemptAt) return undefined;
  if (hasCopyToDelete(job)) return copyTask(job, now);
  if (job.status === 'awaiting_approval') {
    return now >= job.approvalDeadline ? { kind: 'approval-timeout', call: 'none' } : undefined;
  }
  if (job.status !== 'running' || !job.execution) return undefined;
  const step = currentStep(job.plan, job.execution);
  if (!step) return undefined;
  // Validation is started (recorded) like any step, then made as one call of its own.
  const call = !job.execution.started ? 'start' : step === 'validate' ? 'validate' : 'check';
  return { kind: 'restore-step', call, context: { jobId: job.id, plan: job.plan, step } };
}

/** A finished job whose copy (a succeeded restore's, or what a failed one left) is the worker's to delete. */
function hasCopyToDelete(job: Job): job is Job & { expiry: CopyExpiry } {
  return (job.status === 'succeeded' || job.status === 'failed') && job.expiry !== undefined;
}

function copyTask(job: Job & { expiry: CopyExpiry }, now: Date): DriverTask | undefined {
  const { identifier, at } = job.expiry;
  const deletion: StepContext = {
    jobId: job.id,
    plan: job.plan,
    step: EXPIRY_STEP_NAME,
    ...(identifier ? { copyIdentifier: identifier } : {}),
  };
  if (isCopyDue(job, now)) return { kind: 'copy-deletion', call: 'start', context: deletion };
  if (job.expiry.state === 'deleting') return { kind: 'copy-deletion', call: 'check', context: deletion };
  if (needsExpiryTag(job, now)) {
    return {
      kind: 'expiry-tag',
      call: 'start',
      context: { jobId: job.id, plan: job.plan, step: EXPIRY_TAG_STEP_NAME, copyExpiresAt: at },
    };
  }
  return undefined;
}
