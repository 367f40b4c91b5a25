import {
  currentStep,
  type Execution,
  recordChecked,
  recordFailed,
  recordStarted,
  recordValidated,
} from '../execution.js';
import { formatInstant } from '../restore-point.js';
import type { ValidationCheck } from '../source.js';
import type { StepFailure, StepStartResult, StepStatus } from '../steps.js';
import { copyDeletionChecked, copyDeletionFailed, copyDeletionStarted } from './copy-deletion.js';
import type { Job, JobEvent } from './job.js';
import { MAX_STEP_ATTEMPTS, retryDelayMs } from './retry-policy.js';
import type { DriverTask, TimedTask } from './tasks.js';
import { expireJob, type FailureRules, recordExpiryTagged, withExecution } from './transitions.js';

/**
 * What a job becomes once the worker has made its task's call: pure functions of the job, the
 * task (from `currentTask`), what the driver answered and the time. The worker persists the result.
 */

/** The policy's rules for progress; a missing one takes the domain's default. */
export type ProgressRules = Partial<FailureRules>;

/** What a check means for the job: nothing to write, a new job to save, or the step's start to repeat now. */
export type CheckOutcome =
  | { type: 'unchanged' }
  | { type: 'changed'; job: Job }
  | { type: 'start-again'; task: DriverTask };

/** A task due with no call (the approval window closed); undefined when it is not due after all. */
export function taskWithoutCall(job: Job, _task: TimedTask, now: Date): Job | undefined {
  return expireJob(job, now);
}

/** The task's start call was made (or found already made by an earlier attempt). */
export function taskStarted(
  job: Job,
  task: DriverTask,
  result: StepStartResult,
  now: Date,
  rules: ProgressRules = {},
): Job {
  switch (task.kind) {
    case 'copy-deletion':
      return copyDeletionStarted(job, result, now);
    case 'expiry-tag':
      return recordExpiryTagged(job, task.context.copyExpiresAt ?? requireExpiry(job), now);
    case 'restore-step': {
      const execution = requireExecution(job);
      return progressed(job, execution, recordStarted(job.plan, execution, now, result), now, rules);
    }
  }
}

/** The restored target was compared with the source and the plan; a failed check fails (or rolls back) the restore. */
export function taskValidated(
  job: Job,
  task: DriverTask,
  checks: ValidationCheck[],
  now: Date,
  rules: ProgressRules = {},
): Job {
  if (task.kind !== 'restore-step') throw new Error(`a ${task.kind} task has nothing to validate`);
  const execution = requireExecution(job);
  return progressed(job, execution, recordValidated(job.plan, execution, checks, now), now, rules);
}

/** Where the task's step stands, as the driver's batched check reported it. */
export function taskChecked(
  job: Job,
  task: DriverTask,
  status: StepStatus,
  now: Date,
  rules: ProgressRules = {},
): CheckOutcome {
  switch (task.kind) {
    case 'copy-deletion': {
      const next = copyDeletionChecked(job, status, now);
      if (next) return { type: 'changed', job: next };
      // A copy's deletion takes more than one call (a DynamoDB table is backed up, then deleted).
      if (status.state === 'pending' && status.restart)
        return { type: 'start-again', task: { ...task, call: 'start' } };
      return { type: 'unchanged' };
    }
    case 'expiry-tag':
      // One tagging call with nothing to wait for: there is nothing to check.
      return { type: 'unchanged' };
    case 'restore-step': {
      // A restore step's start is made once (its record is the audit trail), so `restart` is not for it.
      const execution = requireExecution(job);
      const next = recordChecked(job.plan, execution, status, now);
      return next === execution
        ? { type: 'unchanged' }
        : { type: 'changed', job: progressed(job, execution, next, now, rules) };
    }
  }
}

/**
 * The task's call threw, and its driver classified the error. Throttling (of any service, STS
 * included) is the provider asking for the call later: it waits with backoff for as long as it
 * lasts, never fails the task and is not counted against its attempts. A transient error waits
 * too, up to `MAX_STEP_ATTEMPTS` tries (the backoff counts every try).
 * Anything else fails the task with the provider's message and request id.
 *
 * Undefined for an expiry tag: nothing is recorded, the tag still differs from the job's expiry,
 * so a later pass (once the lease lapses) makes the call again.
 */
export function taskFailed(
  job: Job,
  task: DriverTask,
  failure: StepFailure,
  now: Date,
  rules: ProgressRules = {},
): Job | undefined {
  if (task.kind === 'expiry-tag') return undefined;
  const attempts = (job.retry?.attempts ?? 0) + 1;
  const throttled = (job.retry?.throttled ?? 0) + (failure.retry === 'throttled' ? 1 : 0);
  if (failure.retry === 'throttled' || (failure.retry === 'transient' && attempts - throttled < MAX_STEP_ATTEMPTS)) {
    return retriedLater(job, task, failure, { attempts, throttled }, now);
  }
  const reason = `${failure.message}${failure.requestId ? ` (request ${failure.requestId})` : ''}`;
  if (task.kind === 'copy-deletion') return copyDeletionFailed(job, reason, now);
  const execution = requireExecution(job);
  return progressed(job, execution, recordFailed(job.plan, execution, reason, now), now, rules);
}

function retriedLater(
  job: Job,
  task: DriverTask,
  failure: StepFailure,
  { attempts, throttled }: { attempts: number; throttled: number },
  now: Date,
): Job {
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts));
  const event: JobEvent = {
    at: now,
    actor: 'worker',
    type: 'step-retry',
    detail: `${task.context.step}: ${failure.message} (attempt ${attempts}, again after ${formatInstant(nextAttemptAt)})`,
  };
  return {
    ...job,
    retry: { attempts, ...(throttled > 0 ? { throttled } : {}), nextAttemptAt, lastError: failure.message },
    events: [...job.events, event],
    updatedAt: now,
  };
}

/** The job with its restore's new execution, and an event that says what moved. */
function progressed(job: Job, before: Execution, after: Execution, now: Date, rules: ProgressRules): Job {
  const events: JobEvent[] = [];
  const stepName = currentStep(job.plan, before);
  if (!before.started && after.started) {
    const record = after.steps.at(-1);
    events.push({
      at: now,
      actor: 'worker',
      type: 'step-started',
      detail: [
        stepName,
        record?.resumed ? '(already started by an earlier attempt)' : undefined,
        record?.requestId ? `[${record.requestId}]` : undefined,
      ]
        .filter((part) => part !== undefined)
        .join(' '),
    });
  } else if (after.phase === 'rollback' && before.phase === 'forward') {
    events.push({ at: now, actor: 'worker', type: 'rollback', detail: after.failure ?? 'rolling back' });
  } else if (after.stepIndex !== before.stepIndex || after.outcome !== before.outcome) {
    events.push({ at: now, actor: 'worker', type: 'step-done', detail: `${stepName}` });
  }
  const failureRules =
    rules.failedCopyGraceMs !== undefined ? { failedCopyGraceMs: rules.failedCopyGraceMs } : undefined;
  return withExecution(job, after, now, events, failureRules);
}

function requireExecution(job: Job): Execution {
  if (!job.execution) throw new Error(`job ${job.id} has no execution`);
  return job.execution;
}

function requireExpiry(job: Job): Date {
  if (!job.expiry) throw new Error(`job ${job.id} made no expiring copy`);
  return job.expiry.at;
}
