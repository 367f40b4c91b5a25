import type { Job } from '../job/job.js';

/**
 * The job ledger. Every change is a conditional write on the job's `version`: a write based on
 * a stale read fails with `JobConflictError`, so two clicks, two workers or a retried request
 * never advance a job twice.
 *
 * A job's target lock is part of saving the job, not a port of its own: creating a job takes its
 * target (`TargetBusyError` if another active job holds it) and the save that finishes the job frees
 * it, so no caller can hold a lock without its job or forget to release one.
 */
export interface JobRepository {
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

  /** The `limit` most recently created jobs, finished ones too (until their time-to-live), newest first. */
  listRecent(limit: number): Promise<Job[]>;

  /**
   * Takes the job for `owner` until `until`, if it is still at `job.version` and nobody else
   * holds an unexpired lease. Does not change the version: a lease is not a change to the job.
   */
  acquireLease(job: Job, owner: string, now: Date, until: Date): Promise<boolean>;
}
