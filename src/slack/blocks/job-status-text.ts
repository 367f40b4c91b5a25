import { currentStep, stepsOfPhase } from '../../domain/execution.js';
import type { Job } from '../../domain/job/job.js';
import type { Principals } from '../../domain/policy.js';
import { endpointOf } from '../../domain/validation.js';
import { deletedCopyHeadline } from './copy-deletion.js';
import { jobTitle, STATUS_DISPLAY, statusWords } from './job-status.js';
import { approvalsMissing } from './plan-details.js';
import { code, escapeMrkdwn, mention, mentionAll, mrkdwnSnippet, truncate } from './text.js';
import { describeDuration, slackDate } from './time.js';

const MAX_FAILURE = 1500;
const MAX_REJECTION = 1500;

/**
 * The line under the header: the status in words, and what it means now. A request waiting for
 * approval names who can approve it (`approvers`, the target environment's), so they are notified.
 */
export function statusText(job: Job, now: Date, approvers?: Principals): string {
  const { emoji, label } = STATUS_DISPLAY[job.status];
  const lead = `${emoji} *${label}*`;
  switch (job.status) {
    case 'awaiting_approval': {
      const left = job.approvalDeadline.getTime() - now.getTime();
      const deadline = slackDate(job.approvalDeadline);
      const from = approvers ? mentionAll(approvers) : '';
      return `${lead} · needs ${approvalsMissing(job)}${from ? ` from ${from}` : ''} by ${deadline}${left > 0 ? `, in ${describeDuration(left)}` : ' (passed)'}`;
    }
    case 'running':
      return `${lead} · ${runningText(job, now)}`;
    case 'succeeded':
      // Once its copy is being deleted, "ready" is no longer true: say what is.
      return deletedCopyHeadline(job) ?? `${lead} · ${succeededText(job)}`;
    case 'failed':
      return `${lead}: ${failedText(job)}`;
    case 'rejected': {
      const rejection = job.rejection;
      if (!rejection) return lead;
      return `${lead} by ${mention(rejection.userId)} ${slackDate(rejection.at)}: ${mrkdwnSnippet(rejection.reason, MAX_REJECTION)}`;
    }
    case 'cancelled': {
      const event = job.events.findLast((candidate) => candidate.type === 'cancelled');
      const at = event?.at ?? job.finishedAt;
      return `${lead} by ${mention(event?.actor ?? job.request.requester.userId)}${at ? ` ${slackDate(at)}` : ''}: nothing was restored.`;
    }
    case 'expired':
      return `${lead}: nobody approved it by ${slackDate(job.approvalDeadline)}, so nothing was restored. Press *Request again* if it is still needed.`;
  }
}

/** Plain text for notifications and clients without blocks: `Restore orders → orders-copy: awaiting approval`. */
export function jobFallbackText(job: Job): string {
  const title = escapeMrkdwn(jobTitle(job));
  const execution = job.execution;
  switch (job.status) {
    case 'running': {
      if (execution?.phase === 'rollback') return `${title}: rolling back`;
      const total = job.plan.steps.length;
      return `${title}: running (step ${Math.min((execution?.stepIndex ?? 0) + 1, total)} of ${total})`;
    }
    case 'failed':
      return `${title}: failed: ${mrkdwnSnippet(execution?.failure ?? 'see the card', 300)}`;
    case 'rejected':
      return `${title}: rejected${job.rejection ? ` by ${mention(job.rejection.userId)}` : ''}`;
    default:
      return `${title}: ${statusWords(job.status)}`;
  }
}

/** When the restore's AWS work began: its first step, else the approval that started it. */
export function startedAt(job: Job): Date | undefined {
  return job.execution?.steps[0]?.startedAt ?? job.events.find((event) => event.type === 'started')?.at;
}

function runningText(job: Job, now: Date): string {
  const execution = job.execution;
  if (!execution) return 'starting';
  const steps = stepsOfPhase(job.plan, execution.phase);
  const name = currentStep(job.plan, execution);
  const description =
    execution.phase === 'forward'
      ? job.plan.steps[execution.stepIndex]?.description
      : name === 'rename-back'
        ? 'giving the replaced target its name back'
        : name === 'restore-original-tags'
          ? 'giving the replaced target back the tags it had'
          : 'setting the failed restore aside';
  const where =
    execution.phase === 'rollback'
      ? `*rolling back* after: ${mrkdwnSnippet(execution.failure ?? 'a failure', 500)} · step ${execution.stepIndex + 1} of ${steps.length}: ${description}`
      : `${progressBar(execution.stepIndex, steps.length)} step ${execution.stepIndex + 1} of ${steps.length}: ${mrkdwnSnippet(description ?? name ?? '', 300)}`;
  return `${where} · ${timing(job, now)}`;
}

/** `▰▰▱▱▱`: the steps done, out of the phase's steps; text, so it reads the same in every client and notification. */
export function progressBar(done: number, total: number): string {
  const filled = Math.max(0, Math.min(total, done));
  return `${'▰'.repeat(filled)}${'▱'.repeat(Math.max(0, total - filled))}`;
}

/** `12 min elapsed, about 13 min left`, against the plan's estimate. */
function timing(job: Job, now: Date): string {
  const start = startedAt(job);
  if (!start) return `about ${job.plan.estimate.minutes} min expected`;
  const elapsed = now.getTime() - start.getTime();
  const left = job.plan.estimate.minutes * 60_000 - elapsed;
  const eta =
    left > 0 ? `about ${describeDuration(left)} left` : `longer than the ${job.plan.estimate.minutes} min estimate`;
  return `${describeDuration(elapsed)} elapsed, ${eta}`;
}

function succeededText(job: Job): string {
  const start = startedAt(job);
  const took = start && job.finishedAt ? ` · took ${describeDuration(job.finishedAt.getTime() - start.getTime())}` : '';
  const endpoint = endpointOf(job.execution?.validation);
  const where = `${code(job.plan.target.identifier)} is ready in *${escapeMrkdwn(truncate(job.plan.target.environment, 100))}*`;
  return `${where}${took}${endpoint ? `\n*Endpoint*: ${code(truncate(endpoint, 500))}` : ''}`;
}

function failedText(job: Job): string {
  const execution = job.execution;
  const failure = mrkdwnSnippet(execution?.failure ?? 'the restore failed', MAX_FAILURE);
  const replace = job.plan.replace;
  if (!replace || !execution) return failure;
  if (execution.rolledBack)
    return `${failure}\n:leftwards_arrow_with_hook: Rolled back: ${code(replace.identifier)} has its name and tags back.`;
  if (execution.phase === 'rollback') {
    return `${failure}\n:warning: The rollback did not finish: the old database may still be named ${code(replace.renamedTo)}. Check it before using ${code(replace.identifier)}.`;
  }
  return failure;
}
