import type { KnownBlock } from '@slack/types';
import { allowedExtendChoices, type ExtendChoice } from '../../domain/copy-extension.js';
import { currentStep } from '../../domain/execution.js';
import type { Job } from '../../domain/job/job.js';
import { approvalActions, expiryActions, leftoverActions } from './card-actions.js';
import { leftoverCopyText } from './copy-deletion.js';
import { activityText } from './job-activity.js';
import { jobTitle } from './job-status.js';
import { jobFallbackText, statusText } from './job-status-text.js';
import { context, header, type SlackMessage, section } from './layout.js';
import { packedSections } from './pack.js';
import {
  approvalsText,
  planDetailsText,
  plannedStepLines,
  replacementExpiryWarning,
  replaceText,
} from './plan-details.js';
import { checklistLines } from './step-checklist.js';
import { code, mrkdwnSnippet, plural } from './text.js';
import { describeDuration, formatUtc, formatUtcAndZone, formatUtcTime } from './time.js';
import { validationReportBlocks } from './validation-report.js';

export interface JobCardOptions {
  /** For elapsed time, time left and "expires in": the card is otherwise drawn from the job alone. */
  now: Date;
  /**
   * The policy's maxExpiry: Extend offers only the choices that keep the copy within it from now.
   * Without it no Extend choice is offered (e.g. `/restore status`, which shows no buttons).
   */
  maxExpiryMs?: number;
}

/**
 * Blocks each list may take. With the fixed blocks (at most 10) the card stays far below Slack's
 * 50 whatever the job holds: long lists end in a "… and N more" line instead.
 */
const MAX_STEP_BLOCKS = 4;
const MAX_REPORT_BLOCKS = 10;

/**
 * The job's one Slack message, for every status: the plan as approved, where the job stands,
 * and the buttons that apply now. A pure function of the job (and the clock), so the worker can
 * redraw it at any time and a lost update is repaired by the next one.
 */
export function buildJobCard(job: Job, options: JobCardOptions): SlackMessage {
  const { now } = options;
  const replace = replaceText(job.plan);
  const replacementExpiry = replacementExpiryWarning(job);
  const blocks: KnownBlock[] = [
    header(`:floppy_disk: ${jobTitle(job)}`),
    section(statusText(job, now)),
    section(planDetailsText(job)),
    ...(replace ? [section(replace)] : []),
    ...(replacementExpiry ? [section(replacementExpiry)] : []),
    ...stepBlocks(job, now),
    ...retryBlocks(job),
    ...(job.execution?.validation
      ? validationReportBlocks(job.execution.validation, { maxBlocks: MAX_REPORT_BLOCKS })
      : []),
    ...expiryBlocks(job, options),
    context(approvalsText(job)),
    ...actionBlocks(job, options),
    ...activityBlocks(job),
    context(`Job ${code(job.id)} · version ${job.version} · updated ${formatUtc(job.updatedAt)}`),
  ];
  return { text: jobFallbackText(job), blocks };
}

function stepBlocks(job: Job, now: Date): KnownBlock[] {
  if (!job.execution) {
    return packedSections(plannedStepLines(job.plan), {
      maxBlocks: MAX_STEP_BLOCKS,
      heading: '*Steps*',
      more: (hidden) => `… and ${plural(hidden, 'more step')}`,
    });
  }
  return packedSections(checklistLines(job, now), {
    maxBlocks: MAX_STEP_BLOCKS,
    heading: '*Progress*',
    more: (hidden) => `… and ${plural(hidden, 'more step')}`,
  });
}

function retryBlocks(job: Job): KnownBlock[] {
  if (job.status !== 'running' || !job.retry || !job.execution) return [];
  const step = currentStep(job.plan, job.execution) ?? 'the current step';
  const { attempts, nextAttemptAt, lastError } = job.retry;
  return [
    context(
      `:repeat: ${code(step)} met a passing error (${plural(attempts, 'attempt')} so far): ${mrkdwnSnippet(lastError, 500)}. ` +
        `Trying again at ${formatUtcTime(nextAttemptAt)}.`,
    ),
  ];
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
  const when = formatUtcAndZone(expiresAt, job.request.requester.timeZone);
  if (expiresAt <= now)
    return [section(`:calendar: ${target} expired at ${when}: it is being deleted, with a final snapshot.`)];
  const atTheLimit = options.maxExpiryMs !== undefined && extendChoicesOf(job, options).length === 0;
  return [
    section(
      `:calendar: ${target} expires ${when}, in ${describeDuration(expiresAt.getTime() - now.getTime())}: ` +
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

function actionBlocks(job: Job, options: JobCardOptions): KnownBlock[] {
  if (job.status === 'awaiting_approval') return [approvalActions(job)];
  if (job.status === 'succeeded' && job.expiry?.state === 'scheduled')
    return [expiryActions(job, extendChoicesOf(job, options))];
  if (job.status === 'failed' && job.expiry?.state === 'scheduled') return [leftoverActions(job)];
  return [];
}

function activityBlocks(job: Job): KnownBlock[] {
  const text = activityText(job.events);
  return text ? [context(text)] : [];
}
