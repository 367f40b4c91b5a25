import {
  copiedSnapshotIdentifier,
  managedTags,
  TAG_SOURCE,
  writerInstanceIdentifier,
} from '../../../domain/managed-resources.js';
import type { Plan } from '../../../domain/plan.js';
import type { StepContext } from '../../../domain/ports/database-driver.js';
import type { StepStartResult } from '../../../domain/steps.js';
import { InvalidPlanError } from '../errors.js';
import { createIdempotently } from '../idempotent-create.js';
import { securityGroupIdsInput } from '../network-settings.js';
import { isSharedStep, startSharedStep } from '../replace-steps.js';
import { plannedSnapshotCopy, restoredEngine, snapshotReference } from '../restore-plan.js';
import { restoredResourceTags, toTagList } from '../tags.js';
import type { ClusterApi } from './cluster-api.js';
import type { ClusterKind } from './cluster-kind.js';
import { findCluster, findClusterSnapshot, findInstance, tagsIfFound } from './cluster-lookup.js';
import { clusterOps } from './cluster-ops.js';

/** A cross-account source (an Aurora clone shared through RAM) is named by ARN; a local one by identifier. */
function sourceReference(plan: Plan): string {
  const crossAccount = plan.source.accountId !== '' && plan.source.accountId !== plan.target.accountId;
  return crossAccount ? plan.source.arn : plan.source.identifier;
}

function restoreCluster(api: ClusterApi, kind: ClusterKind, { plan, jobId }: StepContext): Promise<string | undefined> {
  const { settings, method } = plan;
  const target = plan.target.identifier;
  // Every setting is passed: left out, AWS would use the defaults (security group, subnet and parameter groups).
  const common = {
    DBClusterIdentifier: target,
    DBSubnetGroupName: settings.subnetGroup,
    VpcSecurityGroupIds: securityGroupIdsInput(settings),
    Port: settings.port,
    KmsKeyId: settings.kmsKeyId,
    StorageType: settings.storageType,
    DeletionProtection: settings.deletionProtection,
    Tags: toTagList(restoredResourceTags(plan, jobId)),
  };
  if (method.type === 'snapshot') {
    return api.restoreFromSnapshot({
      ...common,
      SnapshotIdentifier: method.copyFirst
        ? copiedSnapshotIdentifier(target, jobId)
        : snapshotReference(method.snapshot),
      Engine: restoredEngine(plan),
      EngineVersion: method.snapshot.engineVersion || undefined,
      DBClusterParameterGroupName: settings.clusterParameterGroup,
    });
  }
  if (method.type === 'clone' && !kind.supportsClone) {
    throw new InvalidPlanError(`${kind.label}s cannot be cloned; restore to the latest time instead.`);
  }
  return api.restoreToPointInTime({
    ...common,
    SourceDBClusterIdentifier: sourceReference(plan),
    // RestoreToTime and UseLatestRestorableTime are exclusive; a clone takes neither time, only "latest".
    ...(method.type === 'point-in-time' ? { RestoreToTime: method.at } : { UseLatestRestorableTime: true }),
    ...(method.type === 'clone' ? { RestoreType: 'copy-on-write' } : {}),
    ...(kind.pointInTimeTakesClusterParameterGroup
      ? { DBClusterParameterGroupName: settings.clusterParameterGroup }
      : {}),
  });
}

function copySharedSnapshot(api: ClusterApi, { plan, jobId }: StepContext): Promise<StepStartResult> {
  const { snapshot, kmsKeyId } = plannedSnapshotCopy(plan);
  const copyId = copiedSnapshotIdentifier(plan.target.identifier, jobId);
  return createIdempotently({
    jobId,
    create: () =>
      api.copyClusterSnapshot({
        SourceDBClusterSnapshotIdentifier: snapshot.arn,
        TargetDBClusterSnapshotIdentifier: copyId,
        KmsKeyId: kmsKeyId,
        Tags: toTagList(managedTags(jobId, { [TAG_SOURCE]: snapshot.arn })),
      }),
    alreadyExists: ['DBClusterSnapshotAlreadyExistsFault'],
    existingTags: async () => tagsIfFound(api, await findClusterSnapshot(api, copyId)),
  });
}

/**
 * DocumentDB's point-in-time restore takes no cluster parameter group: it is set here, while the
 * cluster has no instance yet, so the writer starts with it and needs no reboot.
 */
async function applyClusterParameterGroup(api: ClusterApi, kind: ClusterKind, plan: Plan): Promise<void> {
  const planned = plan.settings.clusterParameterGroup;
  if (kind.pointInTimeTakesClusterParameterGroup || plan.method.type === 'snapshot' || !planned) return;
  const cluster = await findCluster(api, plan.target.identifier);
  if (!cluster || cluster.clusterParameterGroup === planned) return;
  await api.modifyCluster({
    DBClusterIdentifier: plan.target.identifier,
    DBClusterParameterGroupName: planned,
    ApplyImmediately: true,
  });
}

async function createWriterInstance(
  api: ClusterApi,
  kind: ClusterKind,
  context: StepContext,
): Promise<StepStartResult> {
  const { plan, jobId } = context;
  const { instanceClass, parameterGroup } = plan.settings;
  if (!instanceClass)
    throw new InvalidPlanError(`The plan for ${plan.target.identifier} names no writer instance class.`);
  await applyClusterParameterGroup(api, kind, plan);
  const writerId = writerInstanceIdentifier(plan.target.identifier, jobId);
  return createIdempotently({
    jobId,
    create: () =>
      api.createInstance({
        DBInstanceIdentifier: writerId,
        DBClusterIdentifier: plan.target.identifier,
        DBInstanceClass: instanceClass,
        Engine: restoredEngine(plan),
        ...(kind.instancesTakeParameterGroup ? { DBParameterGroupName: parameterGroup } : {}),
        Tags: toTagList(restoredResourceTags(plan, jobId)),
      }),
    alreadyExists: ['DBInstanceAlreadyExistsFault'],
    existingTags: async () => {
      // Only a writer in the target cluster is the one this step makes.
      const writer = await findInstance(api, writerId);
      return writer?.clusterIdentifier === plan.target.identifier ? tagsIfFound(api, writer) : undefined;
    },
  });
}

/** Starts one step of a cluster restore with one idempotent call (or a short idempotent sequence). */
export async function startClusterStep(
  api: ClusterApi,
  kind: ClusterKind,
  context: StepContext,
): Promise<StepStartResult> {
  const { step } = context;
  if (isSharedStep(step)) return startSharedStep(clusterOps(api), step, context);
  switch (step) {
    case 'copy-shared-snapshot':
      return copySharedSnapshot(api, context);
    case 'restore':
      return createIdempotently({
        jobId: context.jobId,
        create: () => restoreCluster(api, kind, context),
        alreadyExists: ['DBClusterAlreadyExistsFault'],
        existingTags: async () => {
          const cluster = await findCluster(api, context.plan.target.identifier);
          return cluster && kind.engines.has(cluster.engine) ? tagsIfFound(api, cluster) : undefined;
        },
      });
    case 'create-writer-instance':
      return createWriterInstance(api, kind, context);
  }
}
