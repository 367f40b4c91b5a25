import type { RDSClient } from '@aws-sdk/client-rds';
import { copiedSnapshotIdentifier } from '../../../domain/managed-resources.js';
import type { StepContext } from '../../../domain/ports/database-driver.js';
import type { StepStatus } from '../../../domain/steps.js';
import type { StepExpectation } from '../batch-check.js';
import { checkExpectations } from '../batch-check.js';
import { commonExpectation, filterDescriber, unsupportedStep } from '../step-expectations.js';
import { describeInstances, describeSnapshots } from './instance-lookup.js';

function instanceExpectation(context: StepContext): StepExpectation {
  const common = commonExpectation(context, 'instance');
  if (common) return common;
  if (context.step === 'copy-shared-snapshot') {
    const identifier = copiedSnapshotIdentifier(context.plan.target.identifier, context.jobId);
    return { type: 'available', resource: { type: 'snapshot', identifier } };
  }
  return unsupportedStep(context);
}

/** Checks many instance steps with one DescribeDBInstances (or DescribeDBSnapshots) per 100 identifiers. */
export function checkInstanceSteps(rds: RDSClient, contexts: readonly StepContext[]): Promise<StepStatus[]> {
  return checkExpectations(contexts.map(instanceExpectation), {
    instance: filterDescriber('db-instance-id', (input) => describeInstances(rds, input)),
    snapshot: filterDescriber('db-snapshot-id', (input) => describeSnapshots(rds, input)),
  });
}
