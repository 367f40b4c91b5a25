import type { PastRestore } from '../estimate.js';
import type { Job } from '../job/job.js';

/** Where a job's card is and what it shows; kept beside the job, outside its version. */
export interface CardState {
  channelId: string;
  messageTs: string;
  /** The job version the card shows. */
  renderedVersion: number;
  /** How many of the job's events have been posted in the card's thread. */
  eventsPosted: number;
  /**
   * When the card was last drawn, and a fingerprint of what it showed: a card whose job did not
   * change is redrawn for its clock (elapsed, time left, deadline) at most once a minute, and only
   * when it would read differently. Absent on cards drawn before these were kept.
   */
  drawnAtMs?: number;
  drawnHash?: string;
}

import type { DatabaseKind } from '../kinds.js';

/**
 * The job ledger. Every change is a conditional write on the job's `version`: a write based on
 * a stale read fails with `JobConflictError`, so two clicks, two workers or a retried request
 * never advance a job twice.
 */
export interface JobStore {
  /** Stores a new job and takes its target's lock: `TargetBusyError` if another active job holds it. */
  create(job: Job): Promise<Job>;

  get(jobId: string): Promise<Job | undefined>;

  /**
   * Writes `job` (as changed from the version it was read at) as the next version. A worker
   * passes its lease owner: the write also gives the lease back. The write that finishes a job
   * releases its target's lock (once: later saves of the finished job leave locks alone); a
   * finished job gets the store's time-to-live.
   */
  save(job: Job, options?: { leaseOwner?: string }): Promise<Job>;

  /** Jobs awaiting approval or running, oldest first. */
  listActive(): Promise<Job[]>;

  /** Succeeded jobs whose copy is still to be deleted (scheduled or being deleted). */
  listExpiring(): Promise<Job[]>;

  /**
   * Takes the job for `owner` until `until`, if it is still at `job.version` and nobody else
   * holds an unexpired lease. Does not change the version: a lease is not a change to the job.
   */
  acquireLease(job: Job, owner: string, now: Date, until: Date): Promise<boolean>;

  /** Remembers how long a succeeded restore took, for estimates. */
  recordDuration(kind: DatabaseKind, restore: PastRestore): Promise<void>;

  /** The most recent durations of succeeded restores of `kind`. */
  pastRestores(kind: DatabaseKind): Promise<PastRestore[]>;

  /** Card states of the jobs that have one. */
  cardStates(jobIds: string[]): Promise<Map<string, CardState>>;

  /**
   * Records what a job's card shows. Refused (returns false) when a newer version was
   * recorded meanwhile, so a slow update never rolls the record back.
   */
  saveCardState(jobId: string, state: CardState): Promise<boolean>;
}
