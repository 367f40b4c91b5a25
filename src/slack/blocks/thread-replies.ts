import type { Job, JobEvent } from '../../domain/job/job.js';
import { jobTitle } from './job-status.js';
import { context, type SlackMessage, section } from './layout.js';
import { code, escapeMrkdwn, mention, mrkdwnSnippet } from './text.js';
import { formatUtcAndZone } from './time.js';
import { validationCounts } from './validation-report.js';

const ICONS: Partial<Record<JobEvent['type'], string>> = {
  approved: ':+1:',
  rejected: ':no_entry:',
  cancelled: ':heavy_multiplication_x:',
  expired: ':alarm_clock:',
  rollback: ':leftwards_arrow_with_hook:',
  'step-retry': ':repeat:',
  succeeded: ':white_check_mark:',
  failed: ':x:',
};

const MAX_DETAIL = 1500;

/**
 * A reply in the card's thread for one event: the card shows where the job stands, the thread
 * keeps what happened (and notifies the people in it).
 */
export function buildEventReply(job: Job, event: JobEvent): SlackMessage {
  const line = `${ICONS[event.type] ?? ':information_source:'} ${eventSentence(job, event)}`;
  return {
    text: `${escapeMrkdwn(jobTitle(job))}: ${line}`,
    blocks: [section(line), context(formatUtcAndZone(event.at, job.request.requester.timeZone))],
  };
}

function eventSentence(job: Job, event: JobEvent): string {
  const who = mention(event.actor);
  const detail = mrkdwnSnippet(event.detail, MAX_DETAIL);
  const target = code(job.plan.target.identifier);
  switch (event.type) {
    case 'approved':
      return `${who} approved (${detail}).`;
    case 'rejected':
      return `${who} rejected the restore: ${detail}`;
    case 'cancelled':
      return `${who} cancelled the restore.`;
    case 'expired':
      return `The request expired: ${detail}.`;
    case 'rollback':
      return `Rolling back: ${detail}`;
    case 'step-retry':
      return `Retrying ${detail}`;
    case 'succeeded': {
      const checks = job.execution?.validation ?? [];
      const endpoint = checks.find((check) => check.name === 'endpoint');
      return `${target} is ready${endpoint ? ` at ${code(endpoint.detail.slice(0, 500))}` : ''}${checks.length > 0 ? ` (validation: ${validationCounts(checks)})` : ''}.`;
    }
    case 'failed':
      return `The restore failed: ${detail}`;
    default:
      return `${who} ${event.type.replace('-', ' ')}${detail ? `: ${detail}` : ''}`;
  }
}
