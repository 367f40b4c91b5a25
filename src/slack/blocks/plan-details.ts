import type { Job } from '../../domain/job/job.js';
import { KIND_LABELS } from '../../domain/kinds.js';
import type { Plan, RestoreMethod } from '../../domain/plan.js';
import { describeMethod } from '../../domain/plan-text.js';
import { code, mention, mrkdwnSnippet, plural } from './text.js';
import { slackDate, slackTime } from './time.js';

/** Identifiers and names are short in AWS; these caps only matter for malformed input. */
const MAX_NAME = 200;
const MAX_REASON = 1000;
const MAX_STEP = 300;

/**
 * The plan as people approve it: what is restored from where, to which instant, where it goes,
 * when it expires, and who asked why. Times in UTC and in the requester's own time zone.
 */
export function planDetailsText(job: Job): string {
  const { plan } = job;
  const engine = [plan.source.engine, plan.source.engineVersion].filter(Boolean).join(' ');
  const target = plan.target;
  return [
    `*Kind*: ${KIND_LABELS[plan.kind]}`,
    `*Source*: ${name(plan.source.identifier)} in *${mrkdwnSnippet(plan.sourceEnvironment, MAX_NAME)}*${engine ? ` · ${mrkdwnSnippet(engine, MAX_NAME)}` : ''}`,
    `*Restore point*: ${restorePointText(plan.method)}`,
    `*Target*: ${name(target.identifier)} in *${mrkdwnSnippet(target.environment, MAX_NAME)}* · account ${mrkdwnSnippet(target.accountId, 20)}, ${mrkdwnSnippet(target.region, 30)}`,
    ...expiresLines(job),
    `*Estimate*: about ${plan.estimate.minutes} min (${plan.estimate.basis === 'history' ? 'from past restores' : 'policy default'})`,
    `*Requested by*: ${mention(job.request.requester.userId)} ${slackDate(job.createdAt)}`,
    `*Reason*: ${mrkdwnSnippet(plan.reason, MAX_REASON) || '-'}`,
  ].join('\n');
}

/**
 * When the copy expires, the one instant the job holds: the plan's until the restore succeeds, then
 * the copy's own (moved by Extend). A job that was never run or failed made no copy, so it has no expiry line.
 */
function expiresLines(job: Job): string[] {
  // Never run, or failed: no copy to expire (a failed restore's leftover has its own deletion line).
  if (job.status !== 'awaiting_approval' && job.status !== 'running' && job.status !== 'succeeded') return [];
  const at = job.status === 'succeeded' ? job.expiry?.at : job.plan.expiresAt;
  return [`*Expires*: ${at ? slackDate(at) : 'never (kept until someone deletes it)'}`];
}

/** The restore point in a message: a date token for an instant (each reader sees their own zone). */
export function restorePointText(method: RestoreMethod): string {
  switch (method.type) {
    case 'point-in-time':
      return slackDate(method.at);
    case 'snapshot': {
      const { snapshot } = method;
      const copied = method.copyFirst ? ', copied into the account first' : '';
      return `${snapshot.shared ? 'shared ' : ''}snapshot ${name(snapshot.id)} (taken ${slackDate(snapshot.createdAt)})${copied}`;
    }
    default:
      return describeMethod(method);
  }
}

/** What a replace does to the existing target, or undefined for a new target. */
export function replaceText(plan: Plan): string | undefined {
  const replace = plan.replace;
  if (!replace) return undefined;
  return (
    `:warning: *Replaces the existing ${name(replace.identifier)}*: it is renamed to ${name(replace.renamedTo)} first, ` +
    `and after the restore validates it is *deleted* with final snapshot ${name(replace.finalSnapshotIdentifier)}. ` +
    `If the restore fails before that, ${name(replace.identifier)} gets its name back.`
  );
}

/**
 * A replacement that was asked to expire: said loudly, because the database it replaces is gone
 * by then and whatever used it (an acceptance environment) loses its database. Undefined otherwise.
 */
export function replacementExpiryWarning(job: Job): string | undefined {
  const { plan } = job;
  if (!plan.replace || !plan.expiresAt) return undefined;
  return (
    `:warning: *${name(plan.target.identifier)} will be DELETED ${slackDate(plan.expiresAt)}*: ` +
    `this replacement was asked to expire, and the database it replaces is deleted after validation. Once restored, *Extend* on this card keeps it longer.`
  );
}

/** The planned steps, numbered, for a job that has not run. */
export function plannedStepLines(plan: Plan): string[] {
  return plan.steps.map((step, index) => `${index + 1}. ${mrkdwnSnippet(step.description, MAX_STEP)}`);
}

/** `*Approvals*: 1 of 2 · <@U2> (10:05 UTC) · never the requester`. */
export function approvalsText(job: Job): string {
  const required = job.plan.approvalsRequired;
  const who = job.approvals.map((approval) => `${mention(approval.userId)} (${slackTime(approval.at)})`);
  const needed = required === 0 ? 'none needed' : `${job.approvals.length} of ${required}`;
  const rule = job.status === 'awaiting_approval' && required > 0 ? ' · any approver but the requester' : '';
  return `*Approvals*: ${needed}${who.length > 0 ? ` · approved by ${who.join(', ')}` : ''}${rule}`;
}

/** How many more approvals the job waits for: `1 more approval`. */
export function approvalsMissing(job: Job): string {
  return plural(Math.max(0, job.plan.approvalsRequired - job.approvals.length), 'more approval');
}

function name(identifier: string): string {
  return code(identifier.length > MAX_NAME ? `${identifier.slice(0, MAX_NAME - 1)}…` : identifier);
}
