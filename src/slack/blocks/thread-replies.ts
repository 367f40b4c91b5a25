import type { KnownBlock } from '@slack/types';
import { isPerson } from '../../domain/actors.js';
import type { Job, JobEvent } from '../../domain/job/job.js';
import { endpointOf } from '../../domain/validation.js';
import { jobTitle } from './job-status.js';
import { context, type SlackMessage, section } from './layout.js';
import { code, escapeMrkdwn, mention, mrkdwnSnippet } from './text.js';
import { slackDate } from './time.js';
import { validationCounts, validationReportBlocks } from './validation-report.js';

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

/** Outcomes the requester must hear of, wherever they are: ready (with the endpoint), failed, rejected, expired. */
const TOLD_TO_REQUESTER: ReadonlySet<JobEvent['type']> = new Set(['succeeded', 'failed', 'rejected', 'expired']);
const MAX_REPORT_BLOCKS = 10;

/**
 * A reply in the card's thread for one event: the card shows where the job stands, the thread
 * keeps what happened (and notifies the people in it).
 */
export function buildEventReply(job: Job, event: JobEvent): SlackMessage {
  // A mention notifies the requester even when they do not follow the thread (a refresh cycle has no one to notify).
  const requester = job.request.requester.userId;
  const to = TOLD_TO_REQUESTER.has(event.type) && isPerson(requester) ? `${mention(requester)} ` : '';
  const line = `${ICONS[event.type] ?? ':information_source:'} ${to}${eventSentence(job, event)}`;
  return {
    text: `${escapeMrkdwn(jobTitle(job))}: ${line}`,
    blocks: [section(line), ...reportBlocks(job, event), context(slackDate(event.at))],
  };
}

/** The ready reply carries the whole validation report: the card shows only what failed or differs. */
function reportBlocks(job: Job, event: JobEvent): KnownBlock[] {
  if (event.type !== 'succeeded') return [];
  return validationReportBlocks(job.execution?.validation ?? [], { maxBlocks: MAX_REPORT_BLOCKS });
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
      const endpoint = endpointOf(checks);
      return `${target} is ready${endpoint ? ` at ${code(endpoint.slice(0, 500))}` : ''}${checks.length > 0 ? ` (validation: ${validationCounts(checks)})` : ''}.`;
    }
    case 'failed':
      return `The restore failed: ${detail}`;
    default:
      return `${who} ${event.type.replace('-', ' ')}${detail ? `: ${detail}` : ''}`;
  }
}
