import type { KnownBlock, View } from '@slack/types';
import { allowedExtendChoices } from '../../domain/copy-extension.js';
import type { Job } from '../../domain/job/job.js';
import type { PersonalJobs } from '../../domain/job/personal-view.js';
import { JOB_ACTIONS } from '../ids.js';
import { approvalActions, expiryActions } from './card-actions.js';
import { context, header, section } from './layout.js';
import { jobLine } from './messages.js';
import { packedSections } from './pack.js';
import { refreshLine, type UpcomingRefresh } from './refresh-list.js';
import { code, mrkdwnSnippet, plural } from './text.js';
import { describeDuration, slackDate } from './time.js';

export interface HomeOptions {
  now: Date;
  /** The policy's maxExpiry: Extend offers only the choices that keep a copy within it. */
  maxExpiryMs: number;
  /** The scheduled refreshes and their next runs (none: the section is left out). */
  refreshes?: readonly UpcomingRefresh[];
  /** A line at the top, in mrkdwn the bot wrote: why the reader's last click on this tab changed nothing. */
  notice?: string;
}

/** Jobs with buttons, per list: each takes two blocks, and the tab holds 100. */
const MAX_JOBS_WITH_BUTTONS = 10;
/** Blocks a list of lines may use. */
const MAX_LINE_BLOCKS = 3;

/**
 * A person's Home tab: what waits for their approval (with Approve and Reject), their own restores,
 * what runs now, and the copies they may extend or delete (with Extend and Delete now). A pure
 * function of the lists and the clock, like the cards; about 50 blocks at most, of Slack's 100.
 */
export function buildHomeView(jobs: PersonalJobs, options: HomeOptions): View {
  const { now } = options;
  const blocks: KnownBlock[] = [
    header(':floppy_disk: Database restores'),
    context(
      `Waiting for you, yours and running now, as of ${slackDate(now)}. Run \`/restore\` in a channel with the bot to request one.`,
    ),
    ...(options.notice ? [section(options.notice)] : []),
    { type: 'divider' },
    ...withButtons(
      `*Awaiting your approval* (${jobs.awaitingMyApproval.length})`,
      jobs.awaitingMyApproval,
      'Nothing is waiting for your approval.',
      (job) => [section(awaitingText(job)), homeApprovalActions(job)],
    ),
    { type: 'divider' },
    ...lines('*Your restores*', jobs.mine, 'You have requested no restores lately.', 'more of yours'),
    { type: 'divider' },
    ...lines(`*Running now* (${jobs.running.length})`, jobs.running, 'Nothing is running.', 'more running'),
    { type: 'divider' },
    ...withButtons(
      `*Expiring copies* (${jobs.expiring.length})`,
      jobs.expiring,
      'No copy of yours is waiting to expire.',
      (job) => [
        section(expiringText(job, now)),
        expiryActions(job, job.expiry ? allowedExtendChoices(job.expiry.at, options.maxExpiryMs, now) : []),
      ],
    ),
    ...(options.refreshes && options.refreshes.length > 0
      ? [
          { type: 'divider' } as const,
          section(['*Scheduled refreshes*', ...options.refreshes.map(refreshLine)].join('\n')),
        ]
      : []),
    context('This tab is drawn afresh when you open it and when a restore that concerns you changes.'),
  ];
  return { type: 'home', blocks };
}

function withButtons(
  heading: string,
  jobs: readonly Job[],
  none: string,
  blocksOf: (job: Job) => KnownBlock[],
): KnownBlock[] {
  if (jobs.length === 0) return [section(heading), context(none)];
  const shown = jobs.slice(0, MAX_JOBS_WITH_BUTTONS);
  const hidden = jobs.length - shown.length;
  return [
    section(heading),
    ...shown.flatMap(blocksOf),
    ...(hidden > 0 ? [context(`… and ${plural(hidden, 'more')}: \`/restore list\` in their channel shows them`)] : []),
  ];
}

function lines(heading: string, jobs: readonly Job[], none: string, more: string): KnownBlock[] {
  if (jobs.length === 0) return [section(heading), context(none)];
  return packedSections(jobs.map(homeJobLine), {
    maxBlocks: MAX_LINE_BLOCKS,
    heading,
    more: (hidden) => `… and ${hidden} ${more}`,
  });
}

/** The list's line, and where the job's card is: its thread and Details are there. */
function homeJobLine(job: Job): string {
  return `${jobLine(job)}${job.card?.channelId ? ` · card in <#${job.card.channelId}>` : ''}`;
}

function awaitingText(job: Job): string {
  const reason = mrkdwnSnippet(job.request.reason, 300);
  return `${homeJobLine(job)}\n> ${reason}\nDecide by ${slackDate(job.approvalDeadline)}.`;
}

function expiringText(job: Job, now: Date): string {
  const at = job.expiry?.at ?? now;
  const left = at > now ? `, in ${describeDuration(at.getTime() - now.getTime())}` : ': being deleted';
  return `:calendar: ${code(job.plan.target.identifier)} (${mrkdwnSnippet(job.plan.target.environment, 60)}) expires ${slackDate(at)}${left} · job ${code(job.id)}`;
}

/** The card's Approve and Reject, with their confirmations; Cancel is the requester's, on the card. */
function homeApprovalActions(job: Job): KnownBlock {
  const actions = approvalActions(job);
  return { ...actions, elements: actions.elements.filter((element) => element.action_id !== JOB_ACTIONS.cancel) };
}
