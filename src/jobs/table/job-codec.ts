import type { Job } from '../../domain/job/job.js';

/** Fields that hold instants anywhere in a job; JSON carries them as ISO strings. */
const DATE_KEYS = new Set([
  'at',
  'createdAt',
  'updatedAt',
  'approvalDeadline',
  'finishedAt',
  'startedAt',
  'endedAt',
  'nextAttemptAt',
  'expiresAt',
  'tagExpiresAt',
  'earliest',
  'latest',
]);

/** The job as stored in the table's `data` attribute. */
export function encodeJob(job: Job): string {
  return JSON.stringify(job);
}

/**
 * Revives by key, not by shape: a tag value that happens to look like a date (the expiry tag)
 * must stay a string.
 */
export function decodeJob(data: string): Job {
  return JSON.parse(data, (key, value) =>
    DATE_KEYS.has(key) && typeof value === 'string' ? new Date(value) : value,
  ) as Job;
}
