import { copiedSnapshotIdentifier, writerInstanceIdentifier } from '../../../domain/managed-resources.js';
import type { StepContext } from '../../../domain/ports/database-driver.js';
import type { StepStatus } from '../../../domain/steps.js';
import { checkExpectations, type StepExpectation } from '../batch-check.js';
import { commonExpectation, filterDescriber, unsupportedStep } from '../step-expectations.js';
import type { ClusterApi } from './cluster-api.js';

function clusterExpectation(context: StepContext): StepExpectation {
  const common = commonExpectation(context, 'cluster');
  if (common) return common;
  const { plan, jobId, step } = context;
  if (step === 'copy-shared-snapshot') {
    const identifier = copiedSnapshotIdentifier(plan.target.identifier, jobId);
    return { type: 'available', resource: { type: 'cluster-snapshot', identifier } };
  }
  if (step === 'create-writer-instance') {
    const identifier = writerInstanceIdentifier(plan.target.identifier, jobId);
    return { type: 'available', resource: { type: 'instance', identifier } };
  }
  return unsupportedStep(context);
}

/** Checks many cluster steps with one describe per resource type and 100 identifiers. */
export function checkClusterSteps(api: ClusterApi, contexts: readonly StepContext[]): Promise<StepStatus[]> {
  return checkExpectations(contexts.map(clusterExpectation), {
    cluster: filterDescriber('db-cluster-id', (input) => api.describeClusters(input)),
    instance: filterDescriber('db-instance-id', (input) => api.describeInstances(input)),
    'cluster-snapshot': filterDescriber('db-cluster-snapshot-id', (input) => api.describeClusterSnapshots(input)),
  });
}
