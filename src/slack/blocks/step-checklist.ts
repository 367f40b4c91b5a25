import type { Execution, StepRecord } from '../../domain/execution.js';
import type { Job } from '../../domain/job/job.js';
import type { Plan } from '../../domain/plan.js';
import { ROLLBACK_STEP_NAMES, type StepName } from '../../domain/steps.js';
import { code, mrkdwnSnippet } from './text.js';
import { describeDuration } from './time.js';

const ICONS = {
  done: ':white_check_mark:',
  running: ':hourglass_flowing_sand:',
  waiting: ':white_small_square:',
  failed: ':x:',
};

const MAX_DESCRIPTION = 300;
const MAX_ERROR = 300;

type StepState = keyof typeof ICONS;

/**
 * The steps of a started job, each done / running / waiting / failed, read from the execution's
 * step records (the audit trail), with the rollback steps when the job rolled back.
 */
export function checklistLines(job: Job, now: Date): string[] {
  const execution = job.execution;
  if (!execution) return [];
  const finished = execution.outcome !== 'running';
  const lines = job.plan.steps.map((step, index) =>
    stepLine(`${index + 1}. ${mrkdwnSnippet(step.description, MAX_DESCRIPTION)}`, step.name, {
      execution,
      isCurrent: !finished && execution.phase === 'forward' && execution.stepIndex === index,
      finished: finished || execution.phase === 'rollback',
      now,
    }),
  );
  if (execution.phase !== 'rollback') return lines;
  lines.push(execution.rolledBack ? '*Rolled back*' : finished ? '*Rollback did not finish*' : '*Rolling back*');
  ROLLBACK_STEP_NAMES.forEach((name, index) => {
    lines.push(
      stepLine(`${index + 1}. ${rollbackDescription(job.plan, name)}`, name, {
        execution,
        isCurrent: !finished && execution.stepIndex === index,
        finished,
        now,
      }),
    );
  });
  return lines;
}

interface LineContext {
  execution: Execution;
  /** The step the worker is on now. */
  isCurrent: boolean;
  /** Nothing more runs in this phase: a step without a record was not run. */
  finished: boolean;
  now: Date;
}

function stepLine(text: string, name: StepName, context: LineContext): string {
  const record = lastRecord(context.execution, name);
  const state = stateOf(record, context);
  const detail = detailOf(state, record, context);
  return `${ICONS[state]} ${text}${detail}`;
}

function stateOf(record: StepRecord | undefined, context: LineContext): StepState {
  if (record?.error) return 'failed';
  if (context.isCurrent) return 'running';
  if (record?.endedAt) return 'done';
  return 'waiting';
}

function detailOf(state: StepState, record: StepRecord | undefined, context: LineContext): string {
  const resumed = record?.resumed ? ', resumed' : '';
  switch (state) {
    case 'done':
      return record?.endedAt
        ? ` · ${describeDuration(record.endedAt.getTime() - record.startedAt.getTime())}${resumed}`
        : '';
    case 'running':
      return record
        ? ` · running for ${describeDuration(context.now.getTime() - record.startedAt.getTime())}${resumed}`
        : ' · starting';
    case 'failed':
      return ` — ${mrkdwnSnippet(record?.error ?? 'failed', MAX_ERROR)}`;
    case 'waiting':
      return context.finished ? ' · not run' : '';
  }
}

function lastRecord(execution: Execution, name: StepName): StepRecord | undefined {
  return execution.steps.findLast((record) => record.name === name);
}

function rollbackDescription(plan: Plan, name: (typeof ROLLBACK_STEP_NAMES)[number]): string {
  const replace = plan.replace;
  if (name === 'set-aside-failed-restore') return `Set aside the failed restore ${code(plan.target.identifier)}`;
  if (name === 'restore-original-tags')
    return `Give ${code(replace?.identifier ?? plan.target.identifier)} back the tags it had`;
  return replace
    ? `Rename ${code(replace.renamedTo)} back to ${code(replace.identifier)}`
    : 'Give the replaced target its name back';
}
