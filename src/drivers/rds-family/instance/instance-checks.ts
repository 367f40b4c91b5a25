import type { RDSClient } from '@aws-sdk/client-rds';
import type { StepContext } from '../../../domain/ports/database-driver.js';
import type { StepStatus } from '../../../domain/steps.js';
import { checkExpectations } from '../batch-check.js';
import { commonExpectation, filterDescriber, unsupportedStep } from '../step-expectations.js';
import { describeInstances } from './instance-lookup.js';

/** Checks many instance steps with one DescribeDBInstances per 100 identifiers. */
export function checkInstanceSteps(rds: RDSClient, contexts: readonly StepContext[]): Promise<StepStatus[]> {
  const expectations = contexts.map((context) => commonExpectation(context, 'instance') ?? unsupportedStep(context));
  return checkExpectations(expectations, {
    instance: filterDescriber('db-instance-id', (input) => describeInstances(rds, input)),
  });
}
