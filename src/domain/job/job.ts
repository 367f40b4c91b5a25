import type { Execution } from '../execution.js';
import type { Plan } from '../plan.js';
import type { RestoreRequest } from '../restore-request.js';

export const JOB_STATUSES = [
  'awaiting_approval',
  'running',
  'succeeded',
  'failed',
  'rejected',
  'cancelled',
  'expired',
] as const;

export type JobStatus = (typeof JOB_STATUSES)[number];

/** Statuses the worker still has work for; the store's status index holds only these. */
export const ACTIVE_STATUSES: ReadonlySet<JobStatus> = new Set(['awaiting_approval', 'running']);

export function isActive(status: JobStatus): boolean {
  return ACTIVE_STATUSES.has(status);
}

export interface Approval {
  userId: string;
  at: Date;
}

/** One line of a job's audit trail: who did what, when. */
export interface JobEvent {
  at: Date;
  /** A Slack user id, or `worker`. */
  actor: string;
  type:
    | 'requested'
    | 'approved'
    | 'rejected'
    | 'cancelled'
    | 'expired'
    | 'started'
    | 'step-started'
    | 'step-done'
    | 'step-retry'
    | 'rollback'
    | 'succeeded'
    | 'failed'
    | 'extended'
    | 'deleting'
    | 'deleted';
  detail: string;
}

/** A retryable error met on the current task: try again after `nextAttemptAt`. */
export interface RetryState {
  /** Failed tries so far, throttled ones included: they set the backoff. */
  attempts: number;
  /**
   * How many of those were throttled: they never count against the task's attempts. Absent on
   * jobs stored before it was kept (read as none).
   */
  throttled?: number;
  nextAttemptAt: Date;
  lastError: string;
}

/**
 * The life of a restored copy after the restore succeeded: it is deleted (with a final snapshot)
 * at `at`, unless someone extends it; "Delete now" moves `at` to now. A failed restore that made
 * something has one too: its leftover is deleted after the policy's grace period.
 */
export interface CopyExpiry {
  at: Date;
  /** What is deleted, when not the plan's target: a replace's failed restore, set aside under another name. */
  identifier?: string;
  state: 'scheduled' | 'deleting' | 'deleted' | 'failed';
  /** The final snapshot or backup taken before the copy is deleted. */
  finalSnapshot: string;
  /**
   * The instant the copy's `restore-bot:expires-at` tag shows. When it differs from `at` (after
   * Extend) the worker rewrites the tag; absent on jobs stored before the tag was tracked.
   */
  tagExpiresAt?: Date;
  requestId?: string;
  failure?: string;
}

/** Where the job's Slack card is, and which job version it shows. */
export interface SlackCard {
  channelId: string;
  messageTs?: string;
  renderedVersion?: number;
}

/**
 * A plan plus its state: what people approved and what the worker did about it. Stored in
 * DynamoDB; every change is a conditional write on `version`.
 */
export interface Job {
  id: string;
  version: number;
  status: JobStatus;
  request: RestoreRequest;
  plan: Plan;
  createdAt: Date;
  updatedAt: Date;
  /** A job not approved by then expires. */
  approvalDeadline: Date;
  approvals: Approval[];
  rejection?: { userId: string; at: Date; reason: string };
  execution?: Execution;
  retry?: RetryState;
  finishedAt?: Date;
  /** Set when a succeeded restore made a copy that expires, or a failed one left a copy behind. */
  expiry?: CopyExpiry;
  events: JobEvent[];
  card?: SlackCard;
}
