import { describe, expect, it } from 'vitest';
import { startExecution } from '../../src/domain/execution.js';
import type { CopyExpiry, Job } from '../../src/domain/job/job.js';
import { currentTask } from '../../src/domain/job/tasks.js';
import { sampleJob, samplePlan } from '../helpers/jobs.js';

const created = new Date('2026-11-22T10:00:00Z');
const MINUTE = 60_000;

function running(id: string, execution: Partial<Job['execution']> = {}): Job {
  return { ...sampleJob(id), status: 'running', execution: { ...startExecution(), ...execution } };
}

function finished(id: string, status: 'succeeded' | 'failed', expiry: Partial<CopyExpiry>): Job {
  const at = new Date(created.getTime() + 60 * MINUTE);
  return {
    ...sampleJob(id),
    status,
    finishedAt: created,
    expiry: { at, tagExpiresAt: at, state: 'scheduled', finalSnapshot: `orders-copy-expired-${id}`, ...expiry },
  };
}

describe('currentTask', () => {
  it('has nothing for a request awaiting approval until its deadline, then times it out', () => {
    // Prepare
    const job = sampleJob('t-wait');

    // Act / Assess
    expect(currentTask(job, new Date(job.approvalDeadline.getTime() - 1))).toBeUndefined();
    expect(currentTask(job, job.approvalDeadline)).toEqual({ kind: 'approval-timeout', call: 'none' });
  });

  it("starts the restore's current step, then checks it", () => {
    const fresh = running('t-start');
    expect(currentTask(fresh, created)).toEqual({
      kind: 'restore-step',
      call: 'start',
      context: { jobId: 't-start', plan: fresh.plan, step: 'restore' },
    });
    const started = running('t-check', { started: true });
    expect(currentTask(started, created)).toMatchObject({
      kind: 'restore-step',
      call: 'check',
      context: { step: 'restore' },
    });
    const second = running('t-second', { stepIndex: 1, started: true });
    expect(currentTask(second, created)).toMatchObject({ call: 'check', context: { step: 'create-writer-instance' } });
  });

  it('records the start of validation, then validates in a call of its own', () => {
    expect(currentTask(running('t-v1', { stepIndex: 2 }), created)).toMatchObject({
      kind: 'restore-step',
      call: 'start',
      context: { step: 'validate' },
    });
    expect(currentTask(running('t-v2', { stepIndex: 2, started: true }), created)).toMatchObject({
      kind: 'restore-step',
      call: 'validate',
      context: { step: 'validate' },
    });
  });

  it("runs a replace's rollback steps once it rolls back", () => {
    const job = running('t-rollback', { phase: 'rollback', stepIndex: 1 });
    expect(currentTask(job, created)).toMatchObject({ call: 'start', context: { step: 'rename-back' } });
  });

  it('waits out a retry: no task before its next attempt, the same task from then on', () => {
    const nextAttemptAt = new Date(created.getTime() + 2 * MINUTE);
    const job: Job = { ...running('t-retry'), retry: { attempts: 2, nextAttemptAt, lastError: 'Throttling: slow' } };
    expect(currentTask(job, new Date(nextAttemptAt.getTime() - 1))).toBeUndefined();
    expect(currentTask(job, nextAttemptAt)).toMatchObject({ kind: 'restore-step', call: 'start' });
  });

  it('has nothing for a job that is over, or whose execution has an outcome', () => {
    for (const status of ['rejected', 'cancelled', 'expired', 'succeeded', 'failed'] as const) {
      expect(currentTask({ ...sampleJob(`t-${status}`), status }, created)).toBeUndefined();
    }
    expect(currentTask(running('t-done', { outcome: 'succeeded' }), created)).toBeUndefined();
    expect(currentTask({ ...sampleJob('t-noexec'), status: 'running' }, created)).toBeUndefined();
  });

  it("deletes a copy once it is due, then checks the deletion; the plan's target unless another is named", () => {
    const job = finished('t-due', 'succeeded', {});
    const due = job.expiry?.at as Date;
    expect(currentTask(job, new Date(due.getTime() - 1))).toBeUndefined();
    expect(currentTask(job, due)).toEqual({
      kind: 'copy-deletion',
      call: 'start',
      context: { jobId: 't-due', plan: job.plan, step: 'delete-restored-copy' },
    });
    const leftover = finished('t-leftover', 'failed', { identifier: 'orders-copy-failed-tleftover' });
    expect(currentTask(leftover, due)).toMatchObject({
      kind: 'copy-deletion',
      call: 'start',
      context: { copyIdentifier: 'orders-copy-failed-tleftover' },
    });
    const deleting = finished('t-deleting', 'succeeded', { state: 'deleting' });
    expect(currentTask(deleting, created)).toMatchObject({ kind: 'copy-deletion', call: 'check' });
  });

  it('has nothing for a copy deleted or failing to delete', () => {
    expect(currentTask(finished('t-deleted', 'succeeded', { state: 'deleted' }), created)).toBeUndefined();
    expect(currentTask(finished('t-stuck', 'succeeded', { state: 'failed' }), created)).toBeUndefined();
  });

  it("rewrites the copy's expiry tag after an extension, until the tag shows the new expiry", () => {
    const tagged = new Date(created.getTime() + 60 * MINUTE);
    const extended = new Date(tagged.getTime() + 3 * 24 * 60 * MINUTE);
    const job = finished('t-extended', 'succeeded', { at: extended, tagExpiresAt: tagged });
    expect(currentTask(job, created)).toEqual({
      kind: 'expiry-tag',
      call: 'start',
      context: { jobId: 't-extended', plan: job.plan, step: 'tag-copy-expiry', copyExpiresAt: extended },
    });
    // A failed restore's leftover has no tag to keep in step; it is only deleted.
    expect(currentTask({ ...job, status: 'failed' }, created)).toBeUndefined();
    expect(
      currentTask(finished('t-same', 'succeeded', { at: extended, tagExpiresAt: extended }), created),
    ).toBeUndefined();
  });

  it('has no task for a job without a copy to delete', () => {
    const plan = { ...samplePlan(), expiresAt: undefined };
    expect(currentTask({ ...sampleJob('t-keep', plan), status: 'succeeded' }, created)).toBeUndefined();
  });
});
