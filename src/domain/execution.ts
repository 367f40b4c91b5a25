import type { Plan } from './plan.js';
import type { ValidationCheck } from './source.js';
import { ROLLBACK_STEP_NAMES, type StepName, type StepStatus } from './steps.js';

/** What happened to one step: the audit trail of a restore's AWS work. */
export interface StepRecord {
  name: StepName;
  startedAt: Date;
  endedAt?: Date;
  /** The AWS request id of the step's call. */
  requestId?: string;
  /** The step found its resource already started by an earlier attempt. */
  resumed?: boolean;
  /** AWS refused the step's start call: the step made nothing. */
  refused?: boolean;
  error?: string;
}

/**
 * Where a running restore stands. The worker persists it after every change; because each
 * step's start is idempotent, a worker that dies between an AWS call and the write that
 * records it simply starts the step again and is told it already started.
 */
export interface Execution {
  phase: 'forward' | 'rollback';
  /** Index into the phase's steps. */
  stepIndex: number;
  /** The current step's AWS call was made. */
  started: boolean;
  outcome: 'running' | 'succeeded' | 'failed';
  failure?: string;
  /** After a rollback: the replaced target has its name back. */
  rolledBack?: boolean;
  validation?: ValidationCheck[];
  steps: StepRecord[];
}

/** The restore call was made (whatever came of it): there may be a database of this job's to clean up. */
export function restoreWasStarted(execution: Execution): boolean {
  return execution.steps.some((record) => record.name === 'restore' && !record.refused);
}

export function startExecution(): Execution {
  return { phase: 'forward', stepIndex: 0, started: false, outcome: 'running', steps: [] };
}

export function stepsOfPhase(plan: Plan, phase: Execution['phase']): readonly StepName[] {
  return phase === 'forward' ? plan.steps.map((step) => step.name) : ROLLBACK_STEP_NAMES;
}

/** The step to start or check next, or undefined once the execution has an outcome. */
export function currentStep(plan: Plan, execution: Execution): StepName | undefined {
  if (execution.outcome !== 'running') return undefined;
  return stepsOfPhase(plan, execution.phase)[execution.stepIndex];
}

export function recordStarted(
  plan: Plan,
  execution: Execution,
  at: Date,
  result: { requestId?: string; alreadyStarted: boolean },
): Execution {
  const name = requireStep(plan, execution);
  const record: StepRecord = {
    name,
    startedAt: at,
    ...(result.requestId ? { requestId: result.requestId } : {}),
    ...(result.alreadyStarted ? { resumed: true } : {}),
  };
  return { ...execution, started: true, steps: [...execution.steps, record] };
}

/** Applies a check's result: pending changes nothing (the caller need not write). */
export function recordChecked(plan: Plan, execution: Execution, status: StepStatus, at: Date): Execution {
  if (status.state === 'pending') return execution;
  if (status.state === 'failed') return recordFailed(plan, execution, status.reason, at);
  return advance(plan, closeStep(execution, at), at);
}

/** Records the validation report; any failed check fails the restore (and rolls back a replace). */
export function recordValidated(plan: Plan, execution: Execution, checks: ValidationCheck[], at: Date): Execution {
  const withChecks = { ...execution, validation: checks };
  const failed = checks.filter((check) => check.result === 'failed');
  if (failed.length > 0) {
    return recordFailed(plan, withChecks, `validation failed: ${failed.map((check) => check.name).join(', ')}`, at);
  }
  return advance(plan, closeStep(withChecks, at), at);
}

/**
 * A step failed for good. Before the restored database replaced the old one, a replace is
 * rolled back (our failed restore set aside, the old target renamed back); after that, or
 * without a replace, the execution fails where it stands.
 */
export function recordFailed(plan: Plan, execution: Execution, reason: string, at: Date): Execution {
  // A step whose start call was refused has no record yet: give it one, so the trail shows the error.
  const name = currentStep(plan, execution);
  const withRecord =
    execution.started || !name
      ? execution
      : { ...execution, steps: [...execution.steps, { name, startedAt: at, refused: true }] };
  const closed = closeStep(withRecord, at, reason);
  if (execution.phase === 'rollback') {
    return { ...closed, outcome: 'failed', failure: `${execution.failure ?? reason}; rollback failed: ${reason}` };
  }
  if (needsRollback(plan, execution)) {
    return { ...closed, phase: 'rollback', stepIndex: 0, started: false, failure: reason };
  }
  return { ...closed, outcome: 'failed', failure: reason };
}

function needsRollback(plan: Plan, execution: Execution): boolean {
  if (!plan.replace) return false;
  const names = plan.steps.map((step) => step.name);
  const renamedAt = names.indexOf('rename-existing-target');
  const deleteAt = names.indexOf('delete-replaced-target');
  return execution.stepIndex > renamedAt && execution.stepIndex < deleteAt;
}

function advance(plan: Plan, execution: Execution, _at: Date): Execution {
  const next = execution.stepIndex + 1;
  if (next < stepsOfPhase(plan, execution.phase).length) return { ...execution, stepIndex: next, started: false };
  if (execution.phase === 'rollback') return { ...execution, outcome: 'failed', rolledBack: true, started: false };
  return { ...execution, outcome: 'succeeded', started: false };
}

function closeStep(execution: Execution, at: Date, error?: string): Execution {
  const steps = [...execution.steps];
  const last = steps.at(-1);
  if (last && last.endedAt === undefined)
    steps[steps.length - 1] = { ...last, endedAt: at, ...(error ? { error } : {}) };
  return { ...execution, steps };
}

function requireStep(plan: Plan, execution: Execution): StepName {
  const name = currentStep(plan, execution);
  if (!name) throw new Error('the execution has no current step');
  return name;
}
