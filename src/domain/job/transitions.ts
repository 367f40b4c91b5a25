import { extendedExpiry } from '../copy-extension.js';
import { type Execution, restoreWasStarted, startExecution } from '../execution.js';
import { expiredSnapshotIdentifier, failedRestoreIdentifier } from '../managed-resources.js';
import type { Plan } from '../plan.js';
import type { Principals } from '../policy.js';
import { isListed, type Principal } from '../policy-rules.js';
import { formatInstant } from '../restore-point.js';
import type { RestoreRequest } from '../restore-request.js';
import { JobTransitionError } from './errors.js';
import type { CopyExpiry, Job, JobEvent } from './job.js';

/** Who may approve a job and how many must: the target environment's policy. */
export interface ApprovalRules {
  approvers: Principals;
  approvalsRequired: number;
}

export interface NewJob {
  id: string;
  request: RestoreRequest;
  plan: Plan;
  now: Date;
  approvalTimeoutMs: number;
  channelId?: string;
}

export function createJob({ id, request, plan, now, approvalTimeoutMs, channelId }: NewJob): Job {
  return {
    id,
    version: 0,
    status: 'awaiting_approval',
    request,
    plan,
    createdAt: now,
    updatedAt: now,
    approvalDeadline: new Date(now.getTime() + approvalTimeoutMs),
    approvals: [],
    events: [{ at: now, actor: request.requester.userId, type: 'requested', detail: request.reason }],
    ...(channelId ? { card: { channelId } } : {}),
  };
}

/**
 * Records an approval. Never the requester's, only a listed approver's, once per person; the
 * approval that reaches the policy's count starts the job.
 */
export function approveJob(job: Job, principal: Principal, rules: ApprovalRules, now: Date): Job {
  assertAwaitingApproval(job, now, 'approved');
  if (principal.userId === job.request.requester.userId) {
    throw new JobTransitionError('you requested this restore: someone else must approve it', rules.approvers);
  }
  if (!isListed(rules.approvers, principal)) {
    throw new JobTransitionError(`you are not an approver for ${job.plan.target.environment}`, rules.approvers);
  }
  if (job.approvals.some((approval) => approval.userId === principal.userId)) {
    throw new JobTransitionError('you have already approved this restore');
  }
  const approvals = [...job.approvals, { userId: principal.userId, at: now }];
  const approved = withEvent(
    { ...job, approvals },
    now,
    principal.userId,
    'approved',
    `${approvals.length} of ${rules.approvalsRequired}`,
  );
  if (approvals.length < rules.approvalsRequired) return approved;
  return withEvent(
    { ...approved, status: 'running', execution: startExecution() },
    now,
    'worker',
    'started',
    'approved: restore starts',
  );
}

/** Who let a scheduled restore start: the approver on the run's card, or none (the policy), and how. */
export interface ScheduledApproval {
  approvedBy?: string;
  detail: string;
}

/**
 * A restore a refresh cycle requested starts as it is created: the policy that declares the cycle
 * is its authority (its targets are checked there, never in a protected environment), and where
 * the cycle wants a person's approval, `approvedBy` is the approver who gave it on the run's card.
 */
export function startScheduledJob(job: Job, approval: ScheduledApproval, now: Date): Job {
  if (job.status !== 'awaiting_approval' || job.events.length > 1) {
    throw new JobTransitionError('only a newly requested scheduled restore starts this way');
  }
  const approvals = approval.approvedBy ? [{ userId: approval.approvedBy, at: now }] : [];
  const approved = withEvent(
    { ...job, approvals },
    now,
    approval.approvedBy ?? job.request.requester.userId,
    'approved',
    approval.detail,
  );
  return withEvent(
    { ...approved, status: 'running', execution: startExecution() },
    now,
    'worker',
    'started',
    'scheduled refresh: restore starts',
  );
}

/** An approver turns the request down, with a reason. */
export function rejectJob(job: Job, principal: Principal, rules: ApprovalRules, reason: string, now: Date): Job {
  assertAwaitingApproval(job, now, 'rejected');
  if (principal.userId === job.request.requester.userId) {
    throw new JobTransitionError('you requested this restore: cancel it instead');
  }
  if (!isListed(rules.approvers, principal)) {
    throw new JobTransitionError(`you are not an approver for ${job.plan.target.environment}`, rules.approvers);
  }
  if (reason.trim() === '') throw new JobTransitionError('give a reason for rejecting');
  return finish(
    { ...job, status: 'rejected', rejection: { userId: principal.userId, at: now, reason: reason.trim() } },
    now,
    principal.userId,
    'rejected',
    reason.trim(),
  );
}

/** The requester withdraws the request before it runs. */
export function cancelJob(job: Job, userId: string, now: Date): Job {
  if (userId !== job.request.requester.userId) {
    throw new JobTransitionError('only the requester can cancel a restore');
  }
  if (job.status !== 'awaiting_approval') {
    throw new JobTransitionError(`the restore is ${describeStatus(job)} and can no longer be cancelled`);
  }
  return finish({ ...job, status: 'cancelled' }, now, userId, 'cancelled', 'cancelled by the requester');
}

/** Approval did not come in time. Undefined while there is time left (nothing to write). */
export function expireJob(job: Job, now: Date): Job | undefined {
  if (job.status !== 'awaiting_approval' || now < job.approvalDeadline) return undefined;
  return finish(
    { ...job, status: 'expired' },
    now,
    'worker',
    'expired',
    `not approved by ${formatInstant(job.approvalDeadline)}`,
  );
}

/** How long a failed restore's leftover copy is kept before it is deleted (the policy's failedCopyGracePeriod). */
export interface FailureRules {
  failedCopyGraceMs: number;
}

const DEFAULT_FAILURE_RULES: FailureRules = { failedCopyGraceMs: 24 * 3_600_000 };

/**
 * What a failed restore left that is the job's own to delete: the copy it was making, or, for a
 * replace that was rolled back, its restore set aside under another name (never the original, which
 * has its name back). Nothing when the restore call was never made, when a replace's rollback did
 * not finish (people check by hand), or when a replace failed after its copy took over the name.
 */
export function leftoverCopyOf(job: Job, execution: Execution): string | undefined {
  if (!restoreWasStarted(execution)) return undefined;
  const target = job.plan.target.identifier;
  if (!job.plan.replace) return target;
  return execution.rolledBack ? failedRestoreIdentifier(target, job.id) : undefined;
}

/** Stores the worker's progress; an execution with an outcome finishes the job. */
export function withExecution(
  job: Job,
  execution: Execution,
  now: Date,
  events: JobEvent[] = [],
  rules: FailureRules = DEFAULT_FAILURE_RULES,
): Job {
  const next: Job = { ...job, execution, events: [...job.events, ...events], updatedAt: now };
  delete next.retry;
  if (execution.outcome === 'succeeded') {
    const expiresAt = job.plan.expiresAt;
    const expiry: CopyExpiry | undefined = expiresAt
      ? {
          at: expiresAt,
          // The restore tagged the copy with the plan's expiry.
          tagExpiresAt: expiresAt,
          state: 'scheduled',
          finalSnapshot: expiredSnapshotIdentifier(job.plan.target.identifier, job.id),
        }
      : undefined;
    return finish(
      { ...next, status: 'succeeded', ...(expiry ? { expiry } : {}) },
      now,
      'worker',
      'succeeded',
      'validated',
    );
  }
  if (execution.outcome === 'failed') {
    const rolledBack = execution.rolledBack
      ? ` (rolled back: ${job.plan.replace?.identifier} has its name and tags back)`
      : '';
    const leftover = leftoverCopyOf(job, execution);
    const expiry: CopyExpiry | undefined = leftover
      ? {
          at: new Date(now.getTime() + rules.failedCopyGraceMs),
          state: 'scheduled',
          identifier: leftover,
          finalSnapshot: expiredSnapshotIdentifier(job.plan.target.identifier, job.id),
        }
      : undefined;
    return finish(
      { ...next, status: 'failed', ...(expiry ? { expiry } : {}) },
      now,
      'worker',
      'failed',
      `${execution.failure ?? 'failed'}${rolledBack}`,
    );
  }
  return next;
}

export function describeStatus(job: Job): string {
  return job.status.replace('_', ' ');
}

function assertAwaitingApproval(job: Job, now: Date, verb: string): void {
  if (job.status !== 'awaiting_approval') {
    throw new JobTransitionError(`the restore is ${describeStatus(job)} and can no longer be ${verb}`);
  }
  if (now >= job.approvalDeadline) {
    throw new JobTransitionError(`the request expired at ${formatInstant(job.approvalDeadline)}: ask for it again`);
  }
}

function withEvent(job: Job, at: Date, actor: string, type: JobEvent['type'], detail: string): Job {
  return { ...job, updatedAt: at, events: [...job.events, { at, actor, type, detail }] };
}

function finish(job: Job, at: Date, actor: string, type: JobEvent['type'], detail: string): Job {
  return { ...withEvent(job, at, actor, type, detail), finishedAt: at };
}

/** Who may extend or delete a copy: the person who asked for it, or an approver of its environment. */
function assertMayManageCopy(job: Job, principal: Principal, rules: ApprovalRules): CopyExpiry {
  const expiry = job.expiry;
  if (expiry?.state !== 'scheduled') {
    throw new JobTransitionError(
      expiry
        ? `the copy is ${expiry.state === 'failed' ? 'failing to delete' : expiry.state}`
        : 'this restore made no expiring copy',
    );
  }
  if (principal.userId !== job.request.requester.userId && !isListed(rules.approvers, principal)) {
    throw new JobTransitionError(`only the requester or an approver for ${job.plan.target.environment} can do that`);
  }
  return expiry;
}

/**
 * Pushes the copy's deletion back by `byMs` from its current expiry (or from now, if that is later).
 * Refused when that would keep it past `maxMs` from now: the card offers only choices that fit, so
 * a refusal means a stale card or a forged click, and the person is told the latest allowed.
 */
export function extendExpiry(
  job: Job,
  principal: Principal,
  rules: ApprovalRules,
  limits: { byMs: number; maxMs: number },
  now: Date,
): Job {
  const expiry = assertMayManageCopy(job, principal, rules);
  const at = extendedExpiry(expiry.at, limits.byMs, now);
  const latest = new Date(now.getTime() + limits.maxMs);
  if (at > latest) {
    throw new JobTransitionError(
      `that would keep the copy until ${formatInstant(at)}, past ${formatInstant(latest)}, the latest the policy allows; it expires at ${formatInstant(expiry.at)}`,
    );
  }
  return withEvent(
    { ...job, expiry: { ...expiry, at } },
    now,
    principal.userId,
    'extended',
    `until ${formatInstant(at)}`,
  );
}

/** "Delete now": the copy expires at once; the worker deletes it (with its final snapshot) on its next pass. */
export function expireCopyNow(job: Job, principal: Principal, rules: ApprovalRules, now: Date): Job {
  const expiry = assertMayManageCopy(job, principal, rules);
  return withEvent(
    { ...job, expiry: { ...expiry, at: now } },
    now,
    principal.userId,
    'deleting',
    'delete now requested',
  );
}

/**
 * A copy made to live on (a DR recovery never expires) is given up: it is deleted now, with its final
 * snapshot, as any expired copy. Only for a succeeded restore with no expiry yet; a copy that
 * expires already has Delete now.
 */
export function discardCopy(job: Job, principal: Principal, rules: ApprovalRules, why: string, now: Date): Job {
  if (job.status !== 'succeeded')
    throw new JobTransitionError(`the restore is ${job.status}: there is no copy to discard`);
  if (job.expiry) throw new JobTransitionError(`the copy already expires (${job.expiry.state}): use Delete now`);
  if (principal.userId !== job.request.requester.userId && !isListed(rules.approvers, principal)) {
    throw new JobTransitionError(`only the requester or an approver for ${job.plan.target.environment} can do that`);
  }
  const expiry: CopyExpiry = {
    at: now,
    state: 'scheduled',
    finalSnapshot: expiredSnapshotIdentifier(job.plan.target.identifier, job.id),
  };
  return withEvent({ ...job, expiry }, now, principal.userId, 'deleting', why);
}

/** The copy's expiry changed (Extend) and its `restore-bot:expires-at` tag still shows another instant. */
export function needsExpiryTag(job: Job, now: Date): boolean {
  const expiry = job.expiry;
  if (job.status !== 'succeeded' || expiry?.state !== 'scheduled' || expiry.at <= now) return false;
  return expiry.tagExpiresAt?.getTime() !== expiry.at.getTime();
}

/** The copy's tag was rewritten to show `at`. */
export function recordExpiryTagged(job: Job, at: Date, now: Date): Job {
  return withCopyExpiry(job, { tagExpiresAt: at }, now);
}

/** The copy's time is up and its deletion has not started. */
export function isCopyDue(job: Job, now: Date): boolean {
  return job.expiry?.state === 'scheduled' && job.expiry.at <= now;
}

/** Records the progress of the copy's deletion (its one step). */
export function withCopyExpiry(job: Job, change: Partial<CopyExpiry>, now: Date, event?: Omit<JobEvent, 'at'>): Job {
  if (!job.expiry) throw new JobTransitionError('this restore made no expiring copy');
  const next: Job = { ...job, expiry: { ...job.expiry, ...change }, updatedAt: now };
  delete next.retry;
  return event ? { ...next, events: [...next.events, { ...event, at: now }] } : next;
}
