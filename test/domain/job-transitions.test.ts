import { describe, expect, it } from 'vitest';
import { recordChecked, recordStarted, recordValidated } from '../../src/domain/execution.js';
import { JobTransitionError } from '../../src/domain/job/errors.js';
import type { Job } from '../../src/domain/job/job.js';
import {
  approveJob,
  cancelJob,
  expireCopyNow,
  expireJob,
  extendExpiry,
  isCopyDue,
  rejectJob,
  withExecution,
} from '../../src/domain/job/transitions.js';
import { sampleJob, samplePlan } from '../helpers/jobs.js';
import { APPROVER, REQUESTER } from '../helpers/simulated-environment.js';

const at = new Date('2026-11-22T10:05:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const rules = { approvers: { users: [APPROVER], userGroups: ['S0PLATFORM'] }, approvalsRequired: 1 };
const approver = { userId: APPROVER, userGroupIds: [] };
const groupApprover = { userId: 'U0SECOND', userGroupIds: ['S0PLATFORM'] };
const requester = { userId: REQUESTER, userGroupIds: ['S0PLATFORM'] };

function refusal(act: () => unknown): string {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(JobTransitionError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

/** Runs a job's plan to success through the execution's pure steps. */
function succeeded(job: Job): Job {
  let running = approveJob(job, approver, rules, at);
  let execution = running.execution;
  if (!execution) throw new Error('not running');
  for (const step of running.plan.steps) {
    execution = recordStarted(running.plan, execution, at, { alreadyStarted: false });
    execution =
      step.name === 'validate'
        ? recordValidated(running.plan, execution, [{ name: 'status', result: 'passed', detail: 'available' }], at)
        : recordChecked(running.plan, execution, { state: 'done' }, at);
  }
  running = withExecution(running, execution, at);
  return running;
}

describe('job transitions', () => {
  it('starts the job on the approval that reaches the policy count', () => {
    const job = sampleJob('t-approve');
    const running = approveJob(job, approver, rules, at);
    expect(running).toMatchObject({ status: 'running', approvals: [{ userId: APPROVER, at }] });
    expect(running.execution).toMatchObject({ phase: 'forward', stepIndex: 0, started: false });
    expect(running.events.map((event) => event.type)).toEqual(['requested', 'approved', 'started']);
  });

  it('waits for a second approver when the policy asks for two, counting group members', () => {
    const twoNeeded = { ...rules, approvalsRequired: 2 };
    const once = approveJob(sampleJob('t-two'), approver, twoNeeded, at);
    expect(once.status).toBe('awaiting_approval');
    expect(refusal(() => approveJob(once, approver, twoNeeded, at))).toBe('you have already approved this restore');
    expect(approveJob(once, groupApprover, twoNeeded, at).status).toBe('running');
  });

  it('never lets the requester approve, even as a listed approver', () => {
    expect(refusal(() => approveJob(sampleJob('t-self'), requester, rules, at))).toContain('someone else must approve');
  });

  it('refuses people who are not approvers, and approvals after the deadline', () => {
    const job = sampleJob('t-outsider');
    expect(refusal(() => approveJob(job, { userId: 'U0OUTSIDER', userGroupIds: [] }, rules, at))).toBe(
      'you are not an approver for production',
    );
    expect(refusal(() => approveJob(job, approver, rules, new Date(job.approvalDeadline)))).toContain('expired');
  });

  it('rejects with a reason from an approver only', () => {
    const job = sampleJob('t-reject');
    expect(refusal(() => rejectJob(job, approver, rules, '  ', at))).toBe('give a reason for rejecting');
    expect(refusal(() => rejectJob(job, requester, rules, 'no', at))).toContain('cancel it instead');
    expect(rejectJob(job, approver, rules, ' wrong source ', at)).toMatchObject({
      status: 'rejected',
      rejection: { userId: APPROVER, reason: 'wrong source' },
      finishedAt: at,
    });
  });

  it('cancels for the requester before it runs, and only then', () => {
    const job = sampleJob('t-cancel');
    expect(refusal(() => cancelJob(job, APPROVER, at))).toBe('only the requester can cancel a restore');
    expect(cancelJob(job, REQUESTER, at).status).toBe('cancelled');
    expect(refusal(() => cancelJob(approveJob(job, approver, rules, at), REQUESTER, at))).toContain('running');
  });

  it('expires a request at its deadline, not before', () => {
    const job = sampleJob('t-expire');
    expect(expireJob(job, new Date(job.approvalDeadline.getTime() - 1))).toBeUndefined();
    expect(expireJob(job, job.approvalDeadline)).toMatchObject({ status: 'expired' });
    expect(expireJob(approveJob(job, approver, rules, at), job.approvalDeadline)).toBeUndefined();
  });

  it('schedules the deletion of a copy that expires when the restore succeeds', () => {
    const done = succeeded(sampleJob('t-copy'));
    expect(done.status).toBe('succeeded');
    expect(done.expiry).toEqual({
      at: done.plan.expiresAt,
      tagExpiresAt: done.plan.expiresAt,
      state: 'scheduled',
      finalSnapshot: 'orders-copy-expired-tcopy',
    });
    const permanent = succeeded(sampleJob('t-keep', { ...samplePlan(), expiresAt: undefined }));
    expect(permanent.expiry).toBeUndefined();
  });

  it('extends a copy within the maximum, and deletes it now on request', () => {
    const done = succeeded(sampleJob('t-extend'));
    const expiresAt = done.expiry?.at.getTime() ?? 0;
    const limits = { byMs: 3 * DAY, maxMs: 30 * DAY };
    expect(extendExpiry(done, requester, rules, limits, at).expiry?.at.getTime()).toBe(expiresAt + 3 * DAY);
    expect(refusal(() => extendExpiry(done, approver, rules, { byMs: 60 * DAY, maxMs: 30 * DAY }, at))).toContain(
      'the latest the policy allows',
    );
    expect(refusal(() => extendExpiry(done, { userId: 'U0OUTSIDER', userGroupIds: [] }, rules, limits, at))).toContain(
      'only the requester or an approver',
    );
    const now = expireCopyNow(done, requester, rules, at);
    expect(isCopyDue(now, at)).toBe(true);
    expect(isCopyDue(done, at)).toBe(false);
  });
});
