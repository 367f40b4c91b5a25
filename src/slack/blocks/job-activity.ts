import type { JobEvent } from '../../domain/job/job.js';
import { mention, mrkdwnSnippet } from './text.js';
import { slackDate } from './time.js';

/** How each event reads after its actor: `<@U2> approved: 1 of 1`. */
export const EVENT_VERBS: Record<JobEvent['type'], string> = {
  requested: 'requested the restore',
  approved: 'approved',
  rejected: 'rejected',
  cancelled: 'cancelled',
  expired: 'expired the request',
  started: 'started the restore',
  'step-started': 'started a step',
  'step-done': 'finished a step',
  'step-retry': 'will retry a step',
  rollback: 'is rolling back',
  succeeded: 'finished the restore',
  failed: 'stopped the restore',
  extended: 'extended the copy',
  deleting: 'is deleting the copy',
  deleted: 'deleted the copy',
};

/** The checklist already shows step starts and ends; the activity line shows the rest. */
const SHOWN: ReadonlySet<JobEvent['type']> = new Set(
  Object.keys(EVENT_VERBS).filter((type) => !type.startsWith('step-')) as JobEvent['type'][],
);

const RECENT = 5;
const MAX_DETAIL = 200;

/** `2026-11-22 10:05 UTC · <@U2> approved: 1 of 1`. */
export function eventLine(event: JobEvent): string {
  const detail = mrkdwnSnippet(event.detail, MAX_DETAIL);
  return `${slackDate(event.at)} · ${mention(event.actor)} ${EVENT_VERBS[event.type]}${detail ? `: ${detail}` : ''}`;
}

/** The last few events worth showing on the card, oldest first; undefined when there are none. */
export function activityText(events: readonly JobEvent[]): string | undefined {
  const shown = events.filter((event) => SHOWN.has(event.type));
  if (shown.length === 0) return undefined;
  const recent = shown.slice(-RECENT).map(eventLine);
  const earlier = shown.length - RECENT;
  return [
    `*Activity*${earlier > 0 ? ` (latest ${RECENT}; ${earlier} earlier in the audit trail)` : ''}`,
    ...recent,
  ].join('\n');
}
