import type { Job } from '../../domain/job/job.js';
import { code, mrkdwnSnippet } from './text.js';
import { describeDuration, slackDate } from './time.js';

/** A DynamoDB table is deleted after a final backup; the other kinds with a final snapshot. */
function finalCopyWord(job: Job): string {
  return job.plan.kind === 'dynamodb-table' ? 'final backup' : 'final snapshot';
}

/** When the copy's deletion was recorded done. */
function deletedAt(job: Job): Date | undefined {
  return job.events.findLast((event) => event.type === 'deleted')?.at;
}

/**
 * The headline of a succeeded restore whose copy is being deleted or was deleted: "ready" is no
 * longer true then. Undefined while the copy stands.
 */
export function deletedCopyHeadline(job: Job): string | undefined {
  const expiry = job.expiry;
  if (job.status !== 'succeeded' || !expiry) return undefined;
  const target = code(job.plan.target.identifier);
  const kept = `${finalCopyWord(job)} ${code(expiry.finalSnapshot)}`;
  if (expiry.state === 'deleting')
    return `:wastebasket: *Deleting the copy* · ${target} is being deleted, keeping its ${kept}`;
  if (expiry.state !== 'deleted') return undefined;
  const at = deletedAt(job);
  const when = at ? ` ${slackDate(at)}` : '';
  return `:wastebasket: *Copy deleted* · ${target} was deleted${when}; its ${kept} is kept.`;
}

/**
 * What a failed restore left behind, named, and what becomes of it: deleted (with a final snapshot
 * or backup) after the grace period, or now with Delete now. Undefined when it left nothing.
 */
export function leftoverCopyText(job: Job, now: Date): string | undefined {
  const expiry = job.expiry;
  if (job.status !== 'failed' || !expiry) return undefined;
  const leftover = code(expiry.identifier ?? job.plan.target.identifier);
  const kept = `${finalCopyWord(job)} ${code(expiry.finalSnapshot)}`;
  switch (expiry.state) {
    case 'scheduled': {
      const when = slackDate(expiry.at);
      const left = expiry.at.getTime() - now.getTime();
      const due = left > 0 ? `${when}, in ${describeDuration(left)}` : `now (it was due ${when})`;
      return `:wastebasket: The failed restore left ${leftover} behind: it is deleted, keeping its ${kept}, ${due}. Press *Delete now* if nobody needs to look at it.`;
    }
    case 'deleting':
      return `:wastebasket: Deleting ${leftover}, left by the failed restore, keeping its ${kept}…`;
    case 'deleted':
      return `:wastebasket: ${leftover}, left by the failed restore, was deleted; its ${kept} is kept.`;
    case 'failed':
      return `:warning: Deleting ${leftover}, left by the failed restore, failed: ${mrkdwnSnippet(expiry.failure ?? 'unknown error', 500)}. It is still there: delete it by hand.`;
  }
}
