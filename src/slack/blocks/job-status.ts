import { identifierFromArn } from '../../domain/identifiers.js';
import type { Job, JobStatus } from '../../domain/job/job.js';

/** How each status reads on the card, the list and the notification text. */
export const STATUS_DISPLAY: Record<JobStatus, { emoji: string; label: string }> = {
  awaiting_approval: { emoji: ':hourglass_flowing_sand:', label: 'Awaiting approval' },
  running: { emoji: ':arrows_counterclockwise:', label: 'Running' },
  succeeded: { emoji: ':white_check_mark:', label: 'Succeeded' },
  failed: { emoji: ':x:', label: 'Failed' },
  rejected: { emoji: ':no_entry:', label: 'Rejected' },
  cancelled: { emoji: ':heavy_multiplication_x:', label: 'Cancelled' },
  expired: { emoji: ':alarm_clock:', label: 'Expired' },
};

/** `Restore orders → orders-copy`: plain text, for headers and notifications. */
export function jobTitle(job: Job): string {
  return `Restore ${identifierFromArn(job.plan.source.identifier)} → ${job.plan.target.identifier}`;
}

/** `awaiting approval`, for running text. */
export function statusWords(status: JobStatus): string {
  return STATUS_DISPLAY[status].label.toLowerCase();
}
