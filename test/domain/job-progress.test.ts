import { describe, expect, it } from 'vitest';
import { startExecution } from '../../src/domain/execution.js';
import type { CopyExpiry, Job } from '../../src/domain/job/job.js';
import { taskChecked, taskFailed, taskStarted, taskValidated, taskWithoutCall } from '../../src/domain/job/progress.js';
import { MAX_STEP_ATTEMPTS } from '../../src/domain/job/retry-policy.js';
import { currentTask, type DriverTask } from '../../src/domain/job/tasks.js';
import type { Plan } from '../../src/domain/plan.js';
import type { ValidationCheck } from '../../src/domain/source.js';
import type { StepFailure } from '../../src/domain/steps.js';
import { sampleJob, samplePlan } from '../helpers/jobs.js';

const t0 = new Date('2026-11-22T10:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const passed: ValidationCheck[] = [{ name: 'status', result: 'passed', detail: 'available' }];

const throttled: StepFailure = { retry: 'throttled', message: 'Throttling: Rate exceeded', requestId: 'sts-1' };
const transient: StepFailure = { retry: 'transient', message: 'InternalFailure: try again' };
const permanent: StepFailure = {
  retry: 'permanent',
  message: 'InvalidParameterValue: no such subnet group',
  requestId: 'req-9',
};

const replacePlan: Plan = {
  ...samplePlan(),
  steps: [
    { name: 'rename-existing-target', description: 'Rename' },
    { name: 'restore', description: 'Restore' },
    { name: 'validate', description: 'Validate' },
    { name: 'delete-replaced-target', description: 'Delete old' },
  ],
  replace: { identifier: 'orders-copy', renamedTo: 'orders-copy-old-tr', finalSnapshotIdentifier: 'orders-copy-final' },
};

function running(id: string, plan: Plan = samplePlan()): Job {
  return { ...sampleJob(id, plan), status: 'running', execution: startExecution() };
}

/** The job's task now: the one the worker would be given. */
function driverTask(job: Job, now: Date): DriverTask {
  const task = currentTask(job, now);
  if (!task || task.call === 'none') throw new Error(`job ${job.id} has no driver task at ${now.toISOString()}`);
  return task;
}

function changed(job: Job, status: Parameters<typeof taskChecked>[2], now: Date): Job {
  const outcome = taskChecked(job, driverTask(job, now), status, now);
  if (outcome.type !== 'changed') throw new Error(`expected a change, got ${outcome.type}`);
  return outcome.job;
}

/** Starts and completes the job's current (non-validate) step. */
function stepDone(job: Job, now: Date): Job {
  const started = taskStarted(job, driverTask(job, now), { alreadyStarted: false }, now);
  return changed(started, { state: 'done' }, now);
}

function finishedCopy(id: string, expiry: Partial<CopyExpiry> = {}): Job {
  return {
    ...sampleJob(id),
    status: 'succeeded',
    finishedAt: t0,
    expiry: { at: t0, tagExpiresAt: t0, state: 'scheduled', finalSnapshot: `orders-copy-expired-${id}`, ...expiry },
  };
}

describe('progress of a restore step', () => {
  it('records a start with its request id, and a resumed one as such', () => {
    // Prepare
    const job = running('p-start');

    // Act
    const started = taskStarted(job, driverTask(job, t0), { requestId: 'req-1', alreadyStarted: false }, t0);
    const resumed = taskStarted(job, driverTask(job, t0), { alreadyStarted: true }, t0);

    // Assess
    expect(started.execution).toMatchObject({ started: true, steps: [{ name: 'restore', requestId: 'req-1' }] });
    expect(started.events.at(-1)).toEqual({ at: t0, actor: 'worker', type: 'step-started', detail: 'restore [req-1]' });
    expect(started.updatedAt).toEqual(t0);
    expect(resumed.events.at(-1)?.detail).toBe('restore (already started by an earlier attempt)');
    expect(currentTask(started, t0)).toMatchObject({ call: 'check', context: { step: 'restore' } });
  });

  it('writes nothing while the step is pending, and moves to the next step once it is done', () => {
    const started = taskStarted(running('p-check'), driverTask(running('p-check'), t0), { alreadyStarted: false }, t0);
    expect(taskChecked(started, driverTask(started, t0), { state: 'pending', restart: true }, t0)).toEqual({
      type: 'unchanged',
    });
    const later = new Date(t0.getTime() + 20 * MINUTE);
    const next = changed(started, { state: 'done' }, later);
    expect(next.events.at(-1)).toEqual({ at: later, actor: 'worker', type: 'step-done', detail: 'restore' });
    expect(next.execution?.steps[0]?.endedAt).toEqual(later);
    expect(currentTask(next, later)).toMatchObject({ call: 'start', context: { step: 'create-writer-instance' } });
  });

  it('succeeds on a passed validation and schedules the copy for its expiry, tagged with it', () => {
    // Prepare: restore and writer done, validation started
    let job = stepDone(stepDone(running('p-ok'), t0), t0);
    job = taskStarted(job, driverTask(job, t0), { alreadyStarted: false }, t0);

    // Act
    const done = taskValidated(job, driverTask(job, t0), passed, t0);

    // Assess
    expect(done).toMatchObject({ status: 'succeeded', finishedAt: t0, execution: { validation: passed } });
    expect(done.expiry).toEqual({
      at: job.plan.expiresAt,
      tagExpiresAt: job.plan.expiresAt,
      state: 'scheduled',
      finalSnapshot: 'orders-copy-expired-pok',
    });
    expect(done.events.map((event) => event.type).slice(-2)).toEqual(['step-done', 'succeeded']);
    expect(currentTask(done, t0)).toBeUndefined();
  });

  it("fails on a failed validation, and schedules the leftover's deletion after the grace period", () => {
    let job = stepDone(stepDone(running('p-bad'), t0), t0);
    job = taskStarted(job, driverTask(job, t0), { alreadyStarted: false }, t0);
    const checks: ValidationCheck[] = [...passed, { name: 'engine', result: 'failed', detail: '14 not 15' }];

    const byDefault = taskValidated(job, driverTask(job, t0), checks, t0);
    const byPolicy = taskValidated(job, driverTask(job, t0), checks, t0, { failedCopyGraceMs: 2 * HOUR });

    expect(byDefault).toMatchObject({ status: 'failed', execution: { failure: 'validation failed: engine' } });
    expect(byDefault.expiry).toMatchObject({ at: new Date(t0.getTime() + 24 * HOUR), identifier: 'orders-copy' });
    expect(byPolicy.expiry?.at).toEqual(new Date(t0.getTime() + 2 * HOUR));
    expect(byDefault.events.at(-1)).toMatchObject({ type: 'failed', detail: 'validation failed: engine' });
  });

  it("fails where it stands when a check reports the step failed, with the driver's reason", () => {
    const job = running('p-checkfail');
    const started = taskStarted(job, driverTask(job, t0), { alreadyStarted: false }, t0);
    const failed = changed(started, { state: 'failed', reason: 'cluster went incompatible-restore' }, t0);
    expect(failed).toMatchObject({
      status: 'failed',
      execution: { outcome: 'failed', failure: 'cluster went incompatible-restore' },
    });
  });

  it('rolls a replace back when it fails after the rename, with a rollback event', () => {
    let job = stepDone(running('p-replace', replacePlan), t0);
    job = taskStarted(job, driverTask(job, t0), { alreadyStarted: false }, t0);

    const rolling = changed(job, { state: 'failed', reason: 'restore failed' }, t0);

    expect(rolling.status).toBe('running');
    expect(rolling.events.at(-1)).toEqual({ at: t0, actor: 'worker', type: 'rollback', detail: 'restore failed' });
    expect(currentTask(rolling, t0)).toMatchObject({ call: 'start', context: { step: 'set-aside-failed-restore' } });
  });

  it('rejects validating anything but a restore step', () => {
    const copy = finishedCopy('p-novalidate');
    expect(() => taskValidated(copy, driverTask(copy, t0), passed, t0)).toThrow(/nothing to validate/);
  });
});

describe('failure and retry of a task', () => {
  it('fails a step at once on a permanent error, with the message and request id, and records the refused start', () => {
    // Prepare
    const job = running('p-perm');

    // Act
    const failed = taskFailed(job, driverTask(job, t0), permanent, t0);

    // Assess
    const reason = 'InvalidParameterValue: no such subnet group (request req-9)';
    expect(failed).toMatchObject({ status: 'failed', execution: { outcome: 'failed', failure: reason } });
    expect(failed?.execution?.steps).toEqual([
      { name: 'restore', startedAt: t0, endedAt: t0, refused: true, error: reason },
    ]);
    // The restore call was refused: nothing was made, so there is no leftover to delete.
    expect(failed?.expiry).toBeUndefined();
    expect(failed?.retry).toBeUndefined();
  });

  it('retries a transient error with backoff, and fails the step on the last allowed attempt', () => {
    // Prepare
    let job = running('p-transient');
    let now = t0;
    const delays: number[] = [];

    // Act: every attempt meets the same transient error
    for (let attempt = 1; attempt < MAX_STEP_ATTEMPTS; attempt += 1) {
      const next = taskFailed(job, driverTask(job, now), transient, now) as Job;
      expect(next.status).toBe('running');
      expect(next.retry).toMatchObject({ attempts: attempt, lastError: transient.message });
      expect(currentTask(next, now)).toBeUndefined();
      delays.push((next.retry?.nextAttemptAt.getTime() ?? 0) - now.getTime());
      now = next.retry?.nextAttemptAt as Date;
      job = next;
    }
    const last = taskFailed(job, driverTask(job, now), transient, now);

    // Assess
    expect(delays.slice(0, 6)).toEqual([0.5, 1, 2, 4, 8, 15].map((minutes) => minutes * MINUTE));
    expect(Math.max(...delays)).toBe(15 * MINUTE);
    expect(last).toMatchObject({ status: 'failed', execution: { failure: 'InternalFailure: try again' } });
    expect(last?.retry).toBeUndefined();
    expect(job.events.filter((event) => event.type === 'step-retry')).toHaveLength(MAX_STEP_ATTEMPTS - 1);
    // The next attempt in the one plain-text format of times: never ISO with milliseconds.
    expect(job.events.at(-1)?.detail).toMatch(
      new RegExp(
        `^restore: InternalFailure: try again \\(attempt ${MAX_STEP_ATTEMPTS - 1}, again after \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})? UTC\\)$`,
      ),
    );
  });

  it('never fails a step on throttling, however long it lasts, with the backoff capped', () => {
    let job = running('p-throttled');
    let now = t0;
    for (let attempt = 1; attempt <= 5 * MAX_STEP_ATTEMPTS; attempt += 1) {
      const next = taskFailed(job, driverTask(job, now), throttled, now) as Job;
      expect(next.status).toBe('running');
      expect(next.execution).toEqual(job.execution);
      expect(next.retry).toMatchObject({ attempts: attempt, throttled: attempt });
      expect((next.retry?.nextAttemptAt.getTime() ?? 0) - now.getTime()).toBeLessThanOrEqual(15 * MINUTE);
      now = next.retry?.nextAttemptAt as Date;
      job = next;
    }
    expect(job.events.at(-1)).toMatchObject({
      type: 'step-retry',
      detail: expect.stringMatching(/^restore: Throttling/),
    });
  });

  it('does not count throttled tries against the attempts: a transient error after a long throttle is retried', () => {
    // Prepare: throttled for twice as many tries as a step is allowed
    let job = running('p-mixed');
    let now = t0;
    const fail = (failure: StepFailure) => {
      const next = taskFailed(job, driverTask(job, now), failure, now) as Job;
      now = next.retry?.nextAttemptAt ?? now;
      job = next;
      return next;
    };
    for (let attempt = 1; attempt <= 2 * MAX_STEP_ATTEMPTS; attempt += 1) fail(throttled);

    // Act
    const transients = Array.from({ length: MAX_STEP_ATTEMPTS - 1 }, () => fail(transient));
    const last = fail(transient);

    // Assess
    expect(transients.every((each) => each.status === 'running')).toBe(true);
    expect(transients.at(-1)?.retry).toMatchObject({
      attempts: 3 * MAX_STEP_ATTEMPTS - 1,
      throttled: 2 * MAX_STEP_ATTEMPTS,
    });
    expect(last).toMatchObject({ status: 'failed', execution: { failure: transient.message } });
  });

  it('reads a retry stored before throttled tries were kept as having none', () => {
    const job: Job = {
      ...running('p-old-retry'),
      retry: { attempts: MAX_STEP_ATTEMPTS - 1, nextAttemptAt: t0, lastError: transient.message },
    };
    expect(taskFailed(job, driverTask(job, t0), transient, t0)?.status).toBe('failed');
  });

  it('clears the retry state once the call goes through', () => {
    const job = running('p-clear');
    const retried = taskFailed(job, driverTask(job, t0), throttled, t0) as Job;
    const later = retried.retry?.nextAttemptAt as Date;
    const started = taskStarted(retried, driverTask(retried, later), { alreadyStarted: false }, later);
    expect(started.retry).toBeUndefined();
    expect(started.execution?.started).toBe(true);
  });

  it('rolls a replace back when a step after the rename fails for good', () => {
    const renamed = stepDone(running('p-replace-fail', replacePlan), t0);
    const rolling = taskFailed(renamed, driverTask(renamed, t0), permanent, t0);
    expect(rolling).toMatchObject({ status: 'running', execution: { phase: 'rollback', stepIndex: 0 } });
    expect(rolling?.events.at(-1)?.type).toBe('rollback');
  });
});

describe('progress of a copy deletion', () => {
  it('marks the copy deleting once the delete call is made, and keeps the newest request id on a repeat', () => {
    const due = finishedCopy('p-del');
    const deleting = taskStarted(due, driverTask(due, t0), { requestId: 'del-1', alreadyStarted: false }, t0);
    expect(deleting.expiry).toMatchObject({ state: 'deleting', requestId: 'del-1' });
    expect(deleting.events.at(-1)).toEqual({
      at: t0,
      actor: 'worker',
      type: 'deleting',
      detail: 'deleting orders-copy with final snapshot orders-copy-expired-p-del',
    });
    const again = taskStarted(deleting, driverTask(deleting, t0), { requestId: 'del-2', alreadyStarted: false }, t0);
    expect(again.expiry).toMatchObject({ state: 'deleting', requestId: 'del-2' });
    expect(again.events).toHaveLength(deleting.events.length);
  });

  it('waits while pending, starts again when the driver says so, and records the deletion when done', () => {
    const deleting = finishedCopy('p-delcheck', { state: 'deleting' });
    const task = driverTask(deleting, t0);
    expect(taskChecked(deleting, task, { state: 'pending' }, t0)).toEqual({ type: 'unchanged' });
    expect(taskChecked(deleting, task, { state: 'pending', restart: true }, t0)).toEqual({
      type: 'start-again',
      task: { ...task, call: 'start' },
    });
    const deleted = changed(deleting, { state: 'done' }, t0);
    expect(deleted.expiry?.state).toBe('deleted');
    expect(deleted.events.at(-1)).toMatchObject({
      type: 'deleted',
      detail: expect.stringContaining('orders-copy deleted'),
    });
    expect(currentTask(deleted, t0)).toBeUndefined();
  });

  it('records a deletion that failed, by check or by a permanent error, and retries a throttled one', () => {
    const deleting = finishedCopy('p-delfail', { state: 'deleting' });
    const byCheck = changed(deleting, { state: 'failed', reason: 'final snapshot quota' }, t0);
    expect(byCheck.expiry).toMatchObject({ state: 'failed', failure: 'final snapshot quota' });
    const due = finishedCopy('p-delrefused');
    const refused = taskFailed(due, driverTask(due, t0), permanent, t0);
    expect(refused?.expiry).toMatchObject({
      state: 'failed',
      failure: 'InvalidParameterValue: no such subnet group (request req-9)',
    });
    expect(refused?.status).toBe('succeeded');
    const retried = taskFailed(due, driverTask(due, t0), throttled, t0);
    expect(retried).toMatchObject({ expiry: { state: 'scheduled' }, retry: { attempts: 1 } });
    expect(retried?.events.at(-1)?.detail).toMatch(/^delete-restored-copy: Throttling/);
  });
});

describe('progress of an expiry tag rewrite', () => {
  const extended = new Date(t0.getTime() + 3 * 24 * HOUR);
  const job = finishedCopy('p-tag', { at: extended, tagExpiresAt: t0 });

  it('records the tag the call wrote, and then has nothing left to do', () => {
    const task = driverTask(job, t0);
    const tagged = taskStarted(job, task, { alreadyStarted: false }, t0);
    expect(tagged.expiry).toMatchObject({ at: extended, tagExpiresAt: extended, state: 'scheduled' });
    expect(currentTask(tagged, t0)).toBeUndefined();
    expect(taskChecked(job, task, { state: 'done' }, t0)).toEqual({ type: 'unchanged' });
  });

  it('records nothing when the call fails, whatever the error: the next pass tries again', () => {
    for (const failure of [throttled, transient, permanent]) {
      expect(taskFailed(job, driverTask(job, t0), failure, t0)).toBeUndefined();
    }
  });
});

describe('a task due without a call', () => {
  it('expires a request nobody approved by its deadline', () => {
    const job = sampleJob('p-expire');
    const task = currentTask(job, job.approvalDeadline);
    if (task?.call !== 'none') throw new Error('expected the approval timeout');
    expect(taskWithoutCall(job, task, job.approvalDeadline)).toMatchObject({
      status: 'expired',
      finishedAt: job.approvalDeadline,
    });
    expect(taskWithoutCall(job, task, t0)).toBeUndefined();
  });
});
