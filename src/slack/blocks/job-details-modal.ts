import type { KnownBlock, View } from '@slack/types';
import type { Job } from '../../domain/job/job.js';
import { JOB_DETAILS_MODAL } from '../ids.js';
import { eventLine } from './job-activity.js';
import { jobTitle } from './job-status.js';
import { statusText } from './job-status-text.js';
import { context, section } from './layout.js';
import { packedSections } from './pack.js';
import { approvalsText, planDetailsText, plannedStepLines, replaceText } from './plan-details.js';
import { checklistLines } from './step-checklist.js';
import { code, mrkdwnSnippet, plural, truncate } from './text.js';
import { slackDate } from './time.js';
import { validationReportBlocks } from './validation-report.js';

/**
 * Blocks each part may take. A modal holds 100 blocks; these add up to well under that whatever the
 * job holds (long lists end in "… and N more").
 */
const MAX_STEP_BLOCKS = 6;
const MAX_REPORT_BLOCKS = 20;
const MAX_ACTIVITY_BLOCKS = 20;
const MAX_AUDIT_BLOCKS = 10;

/**
 * Everything the compact card leaves out, for whoever wants it: the plan as approved, every step with
 * its timing, the whole validation report, all activity, and the audit trail of AWS calls. Read-only,
 * drawn from the job alone like the card.
 */
export function buildJobDetailsModal(job: Job, now: Date): View {
  const replace = replaceText(job.plan);
  const blocks: KnownBlock[] = [
    section(`*${mrkdwnSnippet(jobTitle(job), 200)}*\n${statusText(job, now)}`),
    section(planDetailsText(job)),
    ...(replace ? [section(replace)] : []),
    context(approvalsText(job)),
    ...stepBlocks(job, now),
    ...validationReportBlocks(job.execution?.validation ?? [], { maxBlocks: MAX_REPORT_BLOCKS }),
    ...packedSections(job.events.map(eventLine), {
      maxBlocks: MAX_ACTIVITY_BLOCKS,
      heading: '*Activity*',
      more: (hidden) => `… and ${plural(hidden, 'later event')}`,
    }),
    ...auditBlocks(job),
    context(`Job ${code(job.id)} · version ${job.version} · updated ${slackDate(job.updatedAt)}`),
  ];
  return {
    type: 'modal',
    callback_id: JOB_DETAILS_MODAL.callbackId,
    title: { type: 'plain_text', text: 'Restore details' },
    close: { type: 'plain_text', text: 'Close' },
    blocks,
  };
}

function stepBlocks(job: Job, now: Date): KnownBlock[] {
  const lines = job.execution ? checklistLines(job, now) : plannedStepLines(job.plan);
  return packedSections(lines, {
    maxBlocks: MAX_STEP_BLOCKS,
    heading: job.execution ? '*Steps*' : '*Steps* (planned)',
    more: (hidden) => `… and ${plural(hidden, 'more step')}`,
  });
}

/** Each AWS call the restore made, with its request id: what to quote to AWS support or look up in CloudTrail. */
function auditBlocks(job: Job): KnownBlock[] {
  const records = job.execution?.steps ?? [];
  const lines = records.map((record) => {
    const ended = record.endedAt ? `, ended ${slackDate(record.endedAt)}` : '';
    const request = record.requestId ? ` · request ${code(truncate(record.requestId, 100))}` : '';
    const error = record.error ? ` · ${mrkdwnSnippet(record.error, 300)}` : '';
    return `${code(record.name)} started ${slackDate(record.startedAt)}${ended}${request}${error}`;
  });
  return packedSections(lines, {
    maxBlocks: MAX_AUDIT_BLOCKS,
    heading: '*Audit trail*',
    more: (hidden) => `… and ${plural(hidden, 'more call')}`,
  });
}
