import type { Job } from '../../domain/job/job.js';
import { KIND_LABELS } from '../../domain/kinds.js';
import { restorePointText } from './plan-details.js';
import { code, mention, mrkdwnSnippet } from './text.js';
import { slackDate } from './time.js';

const MAX_NAME = 200;
const MAX_REASON = 1000;

/**
 * The few lines every card leads with, whatever its status: what goes where, from which point, and
 * who asked and who approved. The rest of the plan is for approvers (while it waits) and the Details modal.
 */
export function summaryLines(job: Job): string[] {
  const { plan } = job;
  return [
    `*${KIND_LABELS[plan.kind]}* ${name(plan.source.identifier)} in *${mrkdwnSnippet(plan.sourceEnvironment, MAX_NAME)}* → ` +
      `${name(plan.target.identifier)} in *${mrkdwnSnippet(plan.target.environment, MAX_NAME)}*`,
    `*Restore point*: ${restorePointText(plan.method)}`,
    peopleLine(job),
  ];
}

/** `*Requested by* <@R> · *approved by* <@A>`: approvals once there are some. */
function peopleLine(job: Job): string {
  const requested = `*Requested by* ${mention(job.request.requester.userId)}`;
  const approvers = job.approvals.map((approval) => mention(approval.userId));
  return approvers.length > 0 ? `${requested} · *approved by* ${approvers.join(', ')}` : requested;
}

/** What an approver weighs beyond the summary: why, where exactly, until when, how long. */
export function approvalLines(job: Job): string[] {
  const { plan } = job;
  return [
    `*Reason*: ${mrkdwnSnippet(plan.reason, MAX_REASON) || '-'}`,
    `*Target account*: ${mrkdwnSnippet(plan.target.accountId, 20)}, ${mrkdwnSnippet(plan.target.region, 30)} · ` +
      `*Estimate*: about ${plan.estimate.minutes} min`,
    `*Expires*: ${plan.expiresAt ? slackDate(plan.expiresAt) : 'never (kept until someone deletes it)'}`,
  ];
}

function name(identifier: string): string {
  return code(identifier.length > MAX_NAME ? `${identifier.slice(0, MAX_NAME - 1)}…` : identifier);
}
