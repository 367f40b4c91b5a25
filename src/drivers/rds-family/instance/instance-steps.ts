import {
  CopyDBSnapshotCommand,
  type RDSClient,
  RestoreDBInstanceFromDBSnapshotCommand,
  RestoreDBInstanceToPointInTimeCommand,
} from '@aws-sdk/client-rds';
import { copiedSnapshotIdentifier, managedTags, TAG_SOURCE } from '../../../domain/managed-resources.js';
import type { StepContext } from '../../../domain/ports/database-driver.js';
import type { StepStartResult } from '../../../domain/steps.js';
import { requestIdOf } from '../aws-errors.js';
import { InvalidPlanError, StepNotSupportedError } from '../errors.js';
import { createIdempotently } from '../idempotent-create.js';
import { securityGroupIdsInput } from '../network-settings.js';
import { isSharedStep, startSharedStep } from '../replace-steps.js';
import { plannedSnapshotCopy, restoredEngine, snapshotReference } from '../restore-plan.js';
import { restoredResourceTags, toTagList } from '../tags.js';
import { findInstance, findSnapshot, instanceTags } from './instance-lookup.js';
import { instanceOps } from './instance-ops.js';

/**
 * Neither instance restore takes a KMS key (the restore keeps the source's or snapshot's
 * encryption); every other setting is passed, or AWS would use its defaults.
 */
async function restoreInstance(rds: RDSClient, { plan, jobId }: StepContext): Promise<string | undefined> {
  const { settings, method } = plan;
  const target = plan.target.identifier;
  const common = {
    DBInstanceClass: settings.instanceClass,
    DBSubnetGroupName: settings.subnetGroup,
    VpcSecurityGroupIds: securityGroupIdsInput(settings),
    DBParameterGroupName: settings.parameterGroup,
    OptionGroupName: settings.optionGroup,
    Port: settings.port,
    MultiAZ: settings.multiAz,
    StorageType: settings.storageType,
    DeletionProtection: settings.deletionProtection,
    Tags: toTagList(restoredResourceTags(plan, jobId)),
  };
  switch (method.type) {
    case 'latest':
    case 'point-in-time': {
      const command = new RestoreDBInstanceToPointInTimeCommand({
        // In a DR Region the source is its replicated automated backups, named by their ARN.
        ...(method.from
          ? { SourceDBInstanceAutomatedBackupsArn: method.from.automatedBackupsArn }
          : { SourceDBInstanceIdentifier: plan.source.identifier }),
        TargetDBInstanceIdentifier: target,
        // Exclusive in AWS: one or the other, never both.
        ...(method.type === 'point-in-time' ? { RestoreTime: method.at } : { UseLatestRestorableTime: true }),
        ...common,
      });
      return requestIdOf(await rds.send(command));
    }
    case 'snapshot': {
      const command = new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: target,
        DBSnapshotIdentifier: method.copyFirst
          ? copiedSnapshotIdentifier(target, jobId)
          : snapshotReference(method.snapshot),
        Engine: restoredEngine(plan),
        ...common,
      });
      return requestIdOf(await rds.send(command));
    }
    case 'clone':
      throw new InvalidPlanError('RDS instances cannot be cloned; restore to the latest time instead.');
  }
}

/**
 * A DB instance cannot be restored from a snapshot that is both shared and encrypted: it is
 * copied into this account first, re-encrypted with this account's key.
 */
function copySharedSnapshot(rds: RDSClient, { plan, jobId }: StepContext): Promise<StepStartResult> {
  const { snapshot, kmsKeyId } = plannedSnapshotCopy(plan);
  const copyId = copiedSnapshotIdentifier(plan.target.identifier, jobId);
  return createIdempotently({
    jobId,
    create: async () =>
      requestIdOf(
        await rds.send(
          new CopyDBSnapshotCommand({
            SourceDBSnapshotIdentifier: snapshot.arn,
            TargetDBSnapshotIdentifier: copyId,
            ...(kmsKeyId ? { KmsKeyId: kmsKeyId } : {}),
            Tags: toTagList(managedTags(jobId, { [TAG_SOURCE]: snapshot.arn })),
          }),
        ),
      ),
    alreadyExists: ['DBSnapshotAlreadyExistsFault'],
    existingTags: async () => {
      const copy = await findSnapshot(rds, copyId);
      return copy ? instanceTags(rds, copy) : undefined;
    },
  });
}

/** Starts one step of an RDS instance restore with one idempotent call (or a short idempotent sequence). */
export async function startInstanceStep(rds: RDSClient, context: StepContext): Promise<StepStartResult> {
  const { step } = context;
  if (isSharedStep(step)) return startSharedStep(instanceOps(rds), step, context);
  switch (step) {
    case 'restore':
      return createIdempotently({
        jobId: context.jobId,
        create: () => restoreInstance(rds, context),
        alreadyExists: ['DBInstanceAlreadyExistsFault'],
        existingTags: async () => {
          const instance = await findInstance(rds, context.plan.target.identifier);
          // A cluster member of that name is not what this step makes.
          return instance && !instance.clusterIdentifier ? instanceTags(rds, instance) : undefined;
        },
      });
    case 'copy-shared-snapshot':
      return copySharedSnapshot(rds, context);
    case 'create-writer-instance':
      throw new StepNotSupportedError(`Step ${context.step} does not apply to an RDS instance.`);
  }
}
