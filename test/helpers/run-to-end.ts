import { describeAwsError } from '../../src/aws/errors.js';
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
import type { DatabaseDriver } from '../../src/domain/ports/database-driver.js';
import type { ManualClock } from './manual-clock.js';

const MINUTE = 60_000;

/**
 * Drives one plan through its driver to an outcome, a minute of simulated time per pending
 * check. The restore core's harness; the worker (with its ledger) does the same with persistence.
 */
export async function runToEnd(
  plan: Plan,
  jobId: string,
  driver: DatabaseDriver,
  clock: ManualClock,
): Promise<Execution> {
  let execution = startExecution();
  for (let round = 0; round < 1_000; round += 1) {
    const step = currentStep(plan, execution);
    if (!step) return execution;
    const context = { jobId, plan, step };
    try {
      if (!execution.started) {
        execution = recordStarted(plan, execution, clock.now(), await driver.startStep(context));
      } else if (step === 'validate') {
        execution = recordValidated(plan, execution, await driver.validate(context), clock.now());
      } else {
        const [status] = await driver.checkSteps([context]);
        if (!status) throw new Error('checkSteps returned no status');
        const next = recordChecked(plan, execution, status, clock.now());
        if (next === execution) clock.advance(MINUTE);
        execution = next;
      }
    } catch (error) {
      execution = recordFailed(plan, execution, describeAwsError(error), clock.now());
    }
  }
  throw new Error(`plan for ${plan.target.identifier} did not finish in 1000 rounds`);
}
