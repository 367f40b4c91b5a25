import type { Job } from '../job/job.js';

/** Told after every persisted change to a job (the Slack card renders from it). */
export interface Notifier {
  jobChanged(job: Job): Promise<void>;
}
