import { describe, expect, it } from 'vitest';
import {
  currentStep,
  type Execution,
  recordChecked,
  recordFailed,
  recordStarted,
  recordValidated,
  startExecution,
} from '../../src/domain/execution.js';
import type { Plan } from '../../src/domain/plan.js';
import type { StepName } from '../../src/domain/steps.js';

const at = new Date('2026-11-22T10:00:00Z');

function planWith(names: StepName[], replace = false): Plan {
  return {
    steps: names.map((name) => ({ name, description: name })),
    ...(replace
      ? { replace: { identifier: 'orders-acc', renamedTo: 'orders-acc-old-j1', finalSnapshotIdentifier: 'f' } }
      : {}),
  } as Plan;
}

/** Starts and completes the current step. */
function finishStep(plan: Plan, execution: Execution): Execution {
  const started = recordStarted(plan, execution, at, { requestId: 'req', alreadyStarted: false });
  return recordChecked(plan, started, { state: 'done' }, at);
}

const replacePlan = planWith(
  ['rename-existing-target', 'restore', 'create-writer-instance', 'validate', 'delete-replaced-target'],
  true,
);

describe('execution', () => {
  it('walks the steps in order to success', () => {
    const plan = planWith(['restore', 'validate']);
    let execution = startExecution();
    expect(currentStep(plan, execution)).toBe('restore');
    execution = finishStep(plan, execution);
    expect(currentStep(plan, execution)).toBe('validate');
    execution = recordStarted(plan, execution, at, { alreadyStarted: false });
    execution = recordValidated(plan, execution, [{ name: 'status', result: 'passed', detail: 'available' }], at);
    expect(execution.outcome).toBe('succeeded');
    expect(currentStep(plan, execution)).toBeUndefined();
    expect(execution.steps.map((step) => [step.name, step.endedAt !== undefined])).toEqual([
      ['restore', true],
      ['validate', true],
    ]);
  });

  it('changes nothing while a step is pending', () => {
    const plan = planWith(['restore']);
    const started = recordStarted(plan, startExecution(), at, { alreadyStarted: true });
    expect(recordChecked(plan, started, { state: 'pending' }, at)).toBe(started);
    expect(started.steps[0]?.resumed).toBe(true);
  });

  it('fails a restore without replace where it stands', () => {
    const plan = planWith(['restore', 'validate']);
    const started = recordStarted(plan, startExecution(), at, { alreadyStarted: false });
    const failed = recordChecked(plan, started, { state: 'failed', reason: 'incompatible-restore' }, at);
    expect(failed).toMatchObject({ outcome: 'failed', failure: 'incompatible-restore', phase: 'forward' });
    expect(failed.steps[0]?.error).toBe('incompatible-restore');
  });

  it('rolls a replace back when the restore fails after the rename', () => {
    let execution = finishStep(replacePlan, startExecution());
    execution = recordFailed(replacePlan, execution, 'InvalidRestoreFault: no backup', at);
    expect(execution).toMatchObject({ phase: 'rollback', stepIndex: 0, outcome: 'running' });
    expect(currentStep(replacePlan, execution)).toBe('set-aside-failed-restore');
    expect(execution.steps.at(-1)).toMatchObject({ name: 'restore', error: 'InvalidRestoreFault: no backup' });
    execution = finishStep(replacePlan, execution);
    expect(currentStep(replacePlan, execution)).toBe('rename-back');
    execution = finishStep(replacePlan, execution);
    expect(currentStep(replacePlan, execution)).toBe('restore-original-tags');
    execution = finishStep(replacePlan, execution);
    expect(execution).toMatchObject({ outcome: 'failed', rolledBack: true, failure: 'InvalidRestoreFault: no backup' });
  });

  it('rolls back when validation fails', () => {
    let execution = startExecution();
    for (let step = 0; step < 3; step += 1) execution = finishStep(replacePlan, execution);
    execution = recordStarted(replacePlan, execution, at, { alreadyStarted: false });
    execution = recordValidated(
      replacePlan,
      execution,
      [{ name: 'engine version', result: 'failed', detail: '15.2 ≠ 15.4' }],
      at,
    );
    expect(execution).toMatchObject({ phase: 'rollback', failure: 'validation failed: engine version' });
  });

  it('does not roll back a failed rename (nothing was renamed) or a failed delete (the new one is in place)', () => {
    const renameFailed = recordFailed(replacePlan, startExecution(), 'InvalidDBClusterStateFault', at);
    expect(renameFailed).toMatchObject({ outcome: 'failed', phase: 'forward' });
    let execution = startExecution();
    for (let step = 0; step < 4; step += 1) execution = finishStep(replacePlan, execution);
    expect(currentStep(replacePlan, execution)).toBe('delete-replaced-target');
    expect(recordFailed(replacePlan, execution, 'InvalidParameterCombination', at)).toMatchObject({
      outcome: 'failed',
      phase: 'forward',
    });
  });

  it('reports a failed rollback with both reasons', () => {
    let execution = finishStep(replacePlan, startExecution());
    execution = recordFailed(replacePlan, execution, 'restore refused', at);
    execution = recordFailed(replacePlan, execution, 'DBClusterAlreadyExistsFault', at);
    expect(execution).toMatchObject({
      outcome: 'failed',
      failure: 'restore refused; rollback failed: DBClusterAlreadyExistsFault',
    });
  });
});
