import type { Job } from './job.js';

/** Who asks about a job, and from which channel. */
export interface Viewer {
  userId: string;
  channelId: string;
}

/**
 * A job's card, reason and requester are for the channel it was requested in and for its requester.
 * `/restore list` and `/restore status` answer by this one rule, so neither shows what the other hides.
 */
export function isVisibleTo(job: Job, viewer: Viewer): boolean {
  return job.card?.channelId === viewer.channelId || job.request.requester.userId === viewer.userId;
}
