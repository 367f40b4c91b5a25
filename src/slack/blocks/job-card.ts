import type { ActionsBlock, KnownBlock } from '@slack/types';
import { allowedExtendChoices, type ExtendChoice } from '../../domain/copy-extension.js';
import { currentStep } from '../../domain/execution.js';
import type { Job } from '../../domain/job/job.js';
import type { Principals } from '../../domain/policy.js';
import { approvalActions, detailsButton, expiryActions, leftoverActions, requestAgainButton } from './card-actions.js';
import { leftoverCopyText } from './copy-deletion.js';
import { jobTitle } from './job-status.js';
import { jobFallbackText, statusText } from './job-status-text.js';
import { approvalLines, summaryLines } from './job-summary.js';
import { context, header, type SlackMessage, section } from './layout.js';
import { packedSections } from './pack.js';
import { approvalsText, plannedStepLines, replacementExpiryWarning, replaceText } from './plan-details.js';
import { checklistLines } from './step-checklist.js';
import { code, mentionAll, mrkdwnSnippet, plural } from './text.js';
import { describeDuration, slackDate, slackTime } from './time.js';
import { checksToNotice, validationCounts, validationLine } from './validation-report.js';

export interface JobCardOptions {
  /** For elapsed time, time left and "expires in": the card is otherwise drawn from the job alone. */
  now: Date;
  /**
   * The policy's maxExpiry: Extend offers only the choices that keep the copy within it from now.
   * Without it no Extend choice is offered (e.g. `/restore status`, which shows no buttons).
   */
  maxExpiryMs?: number;
  /** Who may approve the job (its target environment's approvers): a waiting card mentions them. */
  approvers?: Principals;
}

/** Planned steps (while waiting) and the checklist (while running) get at most this many blocks. */
const MAX_STEP_BLOCKS = 2;
/** Failed checks and warnings on the card; the whole report is in the Details modal (and the ready reply in the thread). */
const MAX_NOTICED_CHECKS = 5;

/**
 * The job's one Slack message, for every status, kept short enough to read at a glance: the status
 * and what it means now, what goes where and who asked and approved, the progress while it runs,
 * the endpoint and expiry once ready, warnings, and the buttons that apply. The full plan, every
 * check, step and event are in the Details modal, and the card says so; outcomes are thread replies. A pure
 * function of the job (and the clock), so the worker can redraw it at any time and a lost update
 * is repaired by the next one.
 */
export function buildJobCard(job: Job, options: JobCardOptions): SlackMessage {
  const { now } = options;
  const waiting = job.status === 'awaiting_approval';
  const replace = waiting ? replaceText(job.plan) : undefined;
  const replacementExpiry = replacementExpiryWarning(job);
  const blocks: KnownBlock[] = [
    header(`:floppy_disk: ${jobTitle(job)}`),
    section(statusText(job, now, waiting ? options.approvers : undefined)),
    section([...summaryLines(job), ...(waiting ? approvalLines(job) : [])].join('\n')),
    ...(replace ? [section(replace)] : []),
    ...(replacementExpiry && (waiting || job.status === 'running') ? [section(replacementExpiry)] : []),
    ...stepBlocks(job, now),
    ...retryBlocks(job),
    ...noticedCheckBlocks(job),
    ...expiryBlocks(job, options),
    ...(waiting ? [context(approvalsText(job))] : []),
    actionBlock(job, options),
    context(footerText(job)),
  ];
  // The notification's text names the approvers too: that is what their notification shows.
  const from = waiting && options.approvers ? ` from ${mentionAll(options.approvers)}` : '';
  return { text: `${jobFallbackText(job)}${from}`, blocks };
}

/** The plan's steps while it waits for approval; the live checklist while it runs; nothing once it is done. */
function stepBlocks(job: Job, now: Date): KnownBlock[] {
  const more = (hidden: number) => `… and ${plural(hidden, 'more step')}`;
  if (job.status === 'awaiting_approval')
    return packedSections(plannedStepLines(job.plan), { maxBlocks: MAX_STEP_BLOCKS, heading: '*Steps*', more });
  if (job.status === 'running')
    return packedSections(checklistLines(job, now), { maxBlocks: MAX_STEP_BLOCKS, heading: '*Progress*', more });
  return [];
}

function retryBlocks(job: Job): KnownBlock[] {
  if (job.status !== 'running' || !job.retry || !job.execution) return [];
  const step = currentStep(job.plan, job.execution) ?? 'the current step';
  const { attempts, nextAttemptAt, lastError } = job.retry;
  return [
    context(
      `:repeat: ${code(step)} met a passing error (${plural(attempts, 'attempt')} so far): ${mrkdwnSnippet(lastError, 500)}. ` +
        `Trying again at ${slackTime(nextAttemptAt)}.`,
    ),
  ];
}

/** What a reader must not miss in the validation report: failed checks, and settings that differ from the source's. */
function noticedCheckBlocks(job: Job): KnownBlock[] {
  const noticed = checksToNotice(job.execution?.validation ?? []);
  if (noticed.length === 0) return [];
  const shown = noticed.slice(0, MAX_NOTICED_CHECKS).map(validationLine);
  const hidden = noticed.length - shown.length;
  return [section([...shown, ...(hidden > 0 ? [`… and ${hidden} more in *Details*`] : [])].join('\n'))];
}

function expiryBlocks(job: Job, options: JobCardOptions): KnownBlock[] {
  const { now } = options;
  const leftover = leftoverCopyText(job, now);
  if (leftover) return [section(leftover)];
  if (job.status !== 'succeeded') return [];
  const target = code(job.plan.target.identifier);
  const expiry = job.expiry;
  if (!expiry) return [section(`:calendar: ${target} does not expire: delete it when you are done with it.`)];
  switch (expiry.state) {
    // The headline says it (deletedCopyHeadline).
    case 'deleting':
    case 'deleted':
      return [];
    case 'failed':
      return [
        section(
          `:warning: Deleting ${target} failed: ${mrkdwnSnippet(expiry.failure ?? 'unknown error', 500)}. It is still there: delete it by hand.`,
        ),
      ];
    case 'scheduled':
      break;
  }
  const expiresAt = expiry.at;
  const when = slackDate(expiresAt);
  if (expiresAt <= now)
    return [section(`:calendar: ${target} expired ${when}: it is being deleted, with a final snapshot.`)];
  const atTheLimit = options.maxExpiryMs !== undefined && extendChoicesOf(job, options).length === 0;
  return [
    section(
      `:calendar: Expires ${when}, in ${describeDuration(expiresAt.getTime() - now.getTime())}: ` +
        (atTheLimit
          ? 'it is deleted then; the policy allows no later expiry.'
          : 'it is deleted then unless someone presses *Extend*.'),
    ),
  ];
}

/** The Extend choices that keep the copy within the policy's maximum from now; none without the maximum. */
function extendChoicesOf(job: Job, { now, maxExpiryMs }: JobCardOptions): ExtendChoice[] {
  if (!job.expiry || maxExpiryMs === undefined) return [];
  return allowedExtendChoices(job.expiry.at, maxExpiryMs, now);
}

/** The buttons that apply now, then Details, which every card has. */
function actionBlock(job: Job, options: JobCardOptions): ActionsBlock {
  const details = detailsButton(job);
  const withDetails = (block: ActionsBlock): ActionsBlock => ({ ...block, elements: [...block.elements, details] });
  switch (job.status) {
    case 'awaiting_approval':
      return withDetails(approvalActions(job));
    case 'succeeded':
      if (job.expiry?.state === 'scheduled') return withDetails(expiryActions(job, extendChoicesOf(job, options)));
      break;
    case 'failed':
      if (job.expiry?.state === 'scheduled') return withDetails(leftoverActions(job));
      break;
    case 'rejected':
    case 'cancelled':
    case 'expired':
      return { type: 'actions', elements: [requestAgainButton(job), details] };
    case 'running':
      break;
  }
  return { type: 'actions', elements: [details] };
}

/** Where the rest is: the validation summary, then the Details modal for the full report, every step and event. */
function footerText(job: Job): string {
  const checks = job.execution?.validation ?? [];
  const validation = checks.length > 0 ? `Validation: ${validationCounts(checks)} · ` : '';
  return `${validation}The full report, every step and the activity: *Details* · job ${code(job.id)}`;
}
