import type { Principals } from '../policy.js';
import { isListed, type Principal } from '../policy-rules.js';
import type { Job } from './job.js';

/** Who looks, and what else decides what they may see and do. */
export interface Reader {
  principal: Principal;
  /** The channels the reader is in: a job whose card is in one of them is theirs to see. */
  channelIds: ReadonlySet<string>;
  /** The approvers of an environment (the policy's). */
  approversOf(environment: string): Principals | undefined;
}

/** One person's restores, as their Home tab lists them. */
export interface PersonalJobs {
  /** Waiting for this reader's approval, the oldest (closest to its deadline) first. */
  awaitingMyApproval: Job[];
  /** Requested by this reader, running or finished, the newest first. */
  mine: Job[];
  /** Running now, that the reader may see, the newest first. */
  running: Job[];
  /** Restored copies the reader may extend or delete, the soonest to expire first. */
  expiring: Job[];
}

/** How many of their own restores a reader is shown. */
export const MY_RECENT_RESTORES = 10;

/** The reader may approve (or reject) the job now: it waits, they are an approver, not its requester, and have not yet approved. */
export function awaitsApprovalBy(job: Job, reader: Reader): boolean {
  const { principal } = reader;
  if (job.status !== 'awaiting_approval' || job.request.requester.userId === principal.userId) return false;
  if (job.approvals.some((approval) => approval.userId === principal.userId)) return false;
  const approvers = reader.approversOf(job.plan.target.environment);
  return approvers !== undefined && isListed(approvers, principal);
}

/** The reader may extend or delete the job's copy now: it is scheduled to expire, and they requested or may approve it. */
export function copyManagedBy(job: Job, reader: Reader): boolean {
  if (job.expiry?.state !== 'scheduled') return false;
  if (job.request.requester.userId === reader.principal.userId) return true;
  const approvers = reader.approversOf(job.plan.target.environment);
  return approvers !== undefined && isListed(approvers, reader.principal);
}

/**
 * Whether the reader may see the job at all: its requester, an approver of its environment, or a
 * member of the channel its card is in (the rule `/restore list` follows for one channel).
 */
export function isSeenBy(job: Job, reader: Reader): boolean {
  if (job.request.requester.userId === reader.principal.userId) return true;
  if (job.card?.channelId && reader.channelIds.has(job.card.channelId)) return true;
  const approvers = reader.approversOf(job.plan.target.environment);
  return approvers !== undefined && isListed(approvers, reader.principal);
}

/** Sorts the jobs the store listed into the reader's lists. */
export function personalJobs(
  reader: Reader,
  jobs: { active: readonly Job[]; expiring: readonly Job[]; recent: readonly Job[] },
): PersonalJobs {
  const newestFirst = (a: Job, b: Job) => b.createdAt.getTime() - a.createdAt.getTime();
  return {
    awaitingMyApproval: jobs.active
      .filter((job) => awaitsApprovalBy(job, reader))
      .sort((a, b) => a.approvalDeadline.getTime() - b.approvalDeadline.getTime()),
    mine: jobs.recent
      .filter((job) => job.request.requester.userId === reader.principal.userId)
      .sort(newestFirst)
      .slice(0, MY_RECENT_RESTORES),
    running: jobs.active.filter((job) => job.status === 'running' && isSeenBy(job, reader)).sort(newestFirst),
    expiring: jobs.expiring
      .filter((job) => job.status === 'succeeded' && copyManagedBy(job, reader))
      .sort((a, b) => (a.expiry?.at.getTime() ?? 0) - (b.expiry?.at.getTime() ?? 0)),
  };
}
