import type { StepName } from '../../domain/steps.js';

/** Why a table step the planner never plans was asked for: DynamoDB has no rename, no writer, no snapshot copy. */
export function unsupportedStepMessage(step: StepName): string {
  return `DynamoDB tables cannot be renamed in place, and have no snapshot copy or writer instance: step ${step} does not apply to a table`;
}
