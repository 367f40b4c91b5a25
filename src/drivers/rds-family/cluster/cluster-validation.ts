import { writerInstanceIdentifier } from '../../../domain/managed-resources.js';
import type { StepContext } from '../../../domain/ports/database-driver.js';
import type { ValidationCheck } from '../../../domain/source.js';
import {
  carriedOverCheck,
  commonChecks,
  endpointCheck,
  equalityCheck,
  missingTargetChecks,
  statusCheck,
} from '../validation-checks.js';
import type { ClusterApi } from './cluster-api.js';
import type { ClusterKind } from './cluster-kind.js';
import { findCluster, findInstance, tagsOf } from './cluster-lookup.js';

/** Compares the restored cluster and its writer with the plan. */
export async function validateCluster(
  api: ClusterApi,
  kind: ClusterKind,
  { plan, jobId }: StepContext,
): Promise<ValidationCheck[]> {
  const target = plan.target.identifier;
  const cluster = await findCluster(api, target);
  if (!cluster) return missingTargetChecks('DB cluster', target);
  const { settings } = plan;
  const writerId =
    cluster.members.find((member) => member.writer)?.identifier ?? writerInstanceIdentifier(target, jobId);
  const writer = await findInstance(api, writerId);
  const writerChecks: ValidationCheck[] = writer
    ? [
        statusCheck('Writer instance', writer.status, `${writerId} is ${writer.status}`),
        equalityCheck('Instance class', settings.instanceClass, writer.instanceClass),
        ...(kind.instancesTakeParameterGroup
          ? [
              carriedOverCheck(
                'DB parameter group',
                settings.parameterGroup,
                plan.source.parameterGroup,
                writer.parameterGroup,
              ),
            ]
          : []),
      ]
    : [{ name: 'Writer instance', result: 'failed', detail: `${writerId} does not exist` }];
  return [
    ...commonChecks(plan, jobId, cluster, await tagsOf(api, cluster)),
    carriedOverCheck(
      'Cluster parameter group',
      settings.clusterParameterGroup,
      plan.source.clusterParameterGroup,
      cluster.clusterParameterGroup,
    ),
    ...writerChecks,
    endpointCheck(cluster),
  ];
}
