import type { Job } from '../job/job.js';

/**
 * Keeps people's view of jobs (the Slack cards) up to date. The worker calls it; a card is a
 * function of the job, so anything lost is redrawn by the next `sync`.
 */
export interface Notifier {
  /** After a persisted change to `job`. */
  jobChanged(job: Job): Promise<void>;
  /** After a tick or a kick: redraw whatever shows an older version of these jobs. */
  sync(jobs: Job[]): Promise<void>;
}
