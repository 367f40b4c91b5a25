import { identifierFromArn } from '../../domain/identifiers.js';
import type { Job } from '../../domain/job/job.js';
import { buildJobCard } from './job-card.js';
import { STATUS_DISPLAY, statusWords } from './job-status.js';
import { context, type SlackMessage, section } from './layout.js';
import { packedSections } from './pack.js';
import { code, escapeMrkdwn, mention, mrkdwnSnippet, plural } from './text.js';
import { slackDate } from './time.js';

/** The one-line form, as the help and usage messages show it. */
export const ONE_LINE_FORM =
  '/restore <kind> <source> [--at <time> | --snapshot <id>] [--as <target>] [--replace] [--expires 3d] [--reason "..."]';

/** Ephemeral replies use few blocks; the list gets these at most, then "… and N more". */
const MAX_LIST_BLOCKS = 10;

/** `/restore help`: every command, the one-line form, and what times and kinds look like. */
export function helpMessage(): SlackMessage {
  return {
    text: `/restore: restore an AWS database into a new copy, with a teammate's approval. ${escapeMrkdwn(ONE_LINE_FORM)}`,
    blocks: [
      section('*`/restore`* restores an AWS database into a new copy, once a teammate approves the plan.'),
      section(
        [
          '*Commands*',
          '• `/restore`: open the restore form',
          `• \`${ONE_LINE_FORM}\`: open the form filled in`,
          '• `/restore list`: restores waiting for approval or running, here or yours',
          '• `/restore status <job>`: where one restore stands',
          '• `/restore cancel <job>`: withdraw your request before it is approved',
          '• `/restore help`: this message',
        ]
          // `<kind>` and `<job>` would read as Slack links: escape them.
          .map(escapeMrkdwn)
          .join('\n'),
      ),
      section(
        [
          '*Kinds*: `aurora`, `rds`, `docdb`, `dynamodb` (or `aurora-cluster`, `rds-instance`, `docdb-cluster`, `dynamodb-table`)',
          '*Times* (`--at`): `latest`, `2026-11-22T14:30Z`, `"2h ago"`, `"yesterday 14:30"` (read in your Slack time zone)',
          '*Expiry* (`--expires`): `1d`, `3d`, `7d`, `14d`, `30d` or `never`',
        ].join('\n'),
      ),
      context('Example: `/restore aurora orders --at "2h ago" --as orders-copy --reason "find a bad migration"`'),
    ],
  };
}

/** A short nudge for words `/restore` does not understand. */
export function usageMessage(problem: string): SlackMessage {
  const said = mrkdwnSnippet(problem, 1000);
  // Problems are sentences now and then already end in a full stop.
  const sentence = /[.!?]$/.test(said) ? said : `${said}.`;
  return {
    text: `${sentence} Usage: ${escapeMrkdwn(ONE_LINE_FORM)}`,
    blocks: [
      section(`:warning: ${said}`),
      context(`Usage: \`${escapeMrkdwn(ONE_LINE_FORM)}\` · \`/restore help\` for everything`),
    ],
  };
}

/** `/restore list`: one line per job, newest first, no links. */
export function jobListMessage(jobs: readonly Job[], now: Date): SlackMessage {
  if (jobs.length === 0) {
    const text = 'No restores are waiting for approval or running.';
    return { text, blocks: [section(text)] };
  }
  const sorted = [...jobs].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const heading = `*Restores* (${sorted.length}, as of ${slackDate(now)})`;
  return {
    text: `${plural(sorted.length, 'restore')}: ${sorted
      .slice(0, 20)
      .map((job) => `${job.plan.target.identifier} ${statusWords(job.status)}`)
      .join(', ')}`.slice(0, 3000),
    blocks: packedSections(sorted.map(jobLine), {
      maxBlocks: MAX_LIST_BLOCKS,
      heading,
      more: (hidden) => `… and ${plural(hidden, 'more restore')}`,
    }),
  };
}

/** `:hourglass: *Awaiting approval* · `orders` → `orders-copy` (production) · job `j1` · <@U1> · 2026-11-22 10:00 UTC`. */
export function jobLine(job: Job): string {
  const { emoji, label } = STATUS_DISPLAY[job.status];
  const source = code(identifierFromArn(job.plan.source.identifier).slice(0, 100));
  const target = code(job.plan.target.identifier.slice(0, 100));
  return `${emoji} *${label}* · ${source} → ${target} (${mrkdwnSnippet(job.plan.target.environment, 60)}) · job ${code(job.id.slice(0, 100))} · ${mention(job.request.requester.userId)} · ${slackDate(job.createdAt)}`;
}

/** `/restore status <job>`: the card as the channel sees it, without its buttons (they act on the card). */
export function jobStatusMessage(job: Job, now: Date): SlackMessage {
  const card = buildJobCard(job, { now });
  return { text: card.text, blocks: card.blocks.filter((block) => block.type !== 'actions') };
}

/** A plain error, in words the person can act on. */
export function errorMessage(message: string): SlackMessage {
  const said = mrkdwnSnippet(message, 2000);
  return { text: said, blocks: [section(`:warning: ${said}`)] };
}
