import { identifierFromArn } from '../../domain/identifiers.js';
import type { Job } from '../../domain/job/job.js';
import { COMMAND_FORMS } from '../parse/restore-command.js';
import { buildJobCard } from './job-card.js';
import { STATUS_DISPLAY, statusWords } from './job-status.js';
import { context, type SlackMessage, section } from './layout.js';
import { packedSections } from './pack.js';
import { code, escapeMrkdwn, mention, mrkdwnSnippet, plural } from './text.js';
import { slackDate } from './time.js';

/** The one-line form, as the help and usage messages show it. */
export const ONE_LINE_FORM = COMMAND_FORMS.restore;

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
          `• \`${COMMAND_FORMS.list}\`: restores waiting for approval or running, here or yours (with --all, finished ones too)`,
          `• \`${COMMAND_FORMS.status}\`: where one restore stands, with a link to its card`,
          `• \`${COMMAND_FORMS.refresh}\`: the scheduled refreshes and when each runs next; with a cycle and \`now\`, run its next one now`,
          "• `/restore dr status`: each production database's DR path, its newest recoverable point and RPO",
          '• `/restore dr [drill] <kind> <source> [--at <time>]`: in an incident channel, recover it in the DR Region (a drill switches nothing)',
          `• \`${COMMAND_FORMS.cancel}\`: withdraw your request before it is approved`,
          `• \`${COMMAND_FORMS.help}\`: this message`,
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

/** A short nudge for words `/restore` does not understand, with the usage line that fits them. */
export function usageMessage(problem: string, form: string = ONE_LINE_FORM): SlackMessage {
  const said = mrkdwnSnippet(problem, 1000);
  // Problems are sentences now and then already end in a full stop.
  const sentence = /[.!?]$/.test(said) ? said : `${said}.`;
  return {
    text: `${sentence} Usage: ${escapeMrkdwn(form)}`,
    blocks: [
      section(`:warning: ${said}`),
      context(`Usage: \`${escapeMrkdwn(form)}\` · \`/restore help\` for everything`),
    ],
  };
}

/**
 * `/restore list`: one line per job, newest first, no links. `all` says the list holds finished
 * restores too (`/restore list --all`); otherwise the empty list points there.
 */
export function jobListMessage(jobs: readonly Job[], now: Date, options: { all?: boolean } = {}): SlackMessage {
  if (jobs.length === 0) {
    const text = options.all
      ? 'No restores, running or finished, that you can see.'
      : 'No restores are waiting for approval or running. `/restore list --all` shows finished ones too.';
    return { text, blocks: [section(text)] };
  }
  const sorted = [...jobs].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const heading = `*${options.all ? 'Recent restores' : 'Restores'}* (${sorted.length}, as of ${slackDate(now)})`;
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

/**
 * `/restore status <job>`: the card as the channel sees it, without its buttons (they act on the
 * card), and a link to the card itself, where the buttons, the thread and Details are.
 */
export function jobStatusMessage(job: Job, now: Date, cardLink?: string): SlackMessage {
  const card = buildJobCard(job, { now });
  const blocks = card.blocks.filter((block) => block.type !== 'actions');
  const channel = job.card?.channelId;
  const where = cardLink
    ? `<${cardLink}|Open the card> for its buttons, its thread and Details.`
    : channel
      ? `Its card, with its buttons and thread, is in <#${channel}>.`
      : 'Its card has not been posted yet.';
  return { text: card.text, blocks: [...blocks, context(where)] };
}

/** A plain error, in words the person can act on. */
export function errorMessage(message: string): SlackMessage {
  const said = mrkdwnSnippet(message, 2000);
  return { text: said, blocks: [section(`:warning: ${said}`)] };
}
