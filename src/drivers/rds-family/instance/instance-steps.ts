import {
  type RDSClient,
  RestoreDBInstanceFromDBSnapshotCommand,
  RestoreDBInstanceToPointInTimeCommand,
} from '@aws-sdk/client-rds';
import type { StepContext } from '../../../domain/ports/database-driver.js';
import type { StepStartResult } from '../../../domain/steps.js';
import { requestIdOf } from '../aws-errors.js';
import { InvalidPlanError, StepNotSupportedError } from '../errors.js';
import { createIdempotently } from '../idempotent-create.js';
import { securityGroupIdsInput } from '../network-settings.js';
import { deleteReplacedTarget, renameBack, renameExistingTarget, setAsideFailedRestore } from '../replace-steps.js';
import { restoredEngine, snapshotReference } from '../restore-plan.js';
import { restoredResourceTags, toTagList } from '../tags.js';
import { findInstance, instanceTags } from './instance-lookup.js';
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
        SourceDBInstanceIdentifier: plan.source.identifier,
        TargetDBInstanceIdentifier: target,
        // Exclusive in AWS: one or the other, never both.
        ...(method.type === 'point-in-time' ? { RestoreTime: method.at } : { UseLatestRestorableTime: true }),
        ...common,
      });
      return requestIdOf(await rds.send(command));
    }
    case 'snapshot': {
      if (method.copyFirst) {
        throw new InvalidPlanError('An RDS instance restores a shared snapshot directly by ARN; it needs no copy.');
      }
      const command = new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: target,
        DBSnapshotIdentifier: snapshotReference(method.snapshot),
        Engine: restoredEngine(plan),
        ...common,
      });
      return requestIdOf(await rds.send(command));
    }
    case 'clone':
      throw new InvalidPlanError('RDS instances cannot be cloned; restore to the latest time instead.');
  }
}

/** Starts one step of an RDS instance restore with one idempotent call (or a short idempotent sequence). */
export async function startInstanceStep(rds: RDSClient, context: StepContext): Promise<StepStartResult> {
  const ops = instanceOps(rds);
  switch (context.step) {
    case 'rename-existing-target':
      return renameExistingTarget(ops, context);
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
    case 'delete-replaced-target':
      return deleteReplacedTarget(ops, context);
    case 'set-aside-failed-restore':
      return setAsideFailedRestore(ops, context);
    case 'rename-back':
      return renameBack(ops, context);
    case 'validate':
    case 'reapply-table-settings':
      return { alreadyStarted: false };
    case 'copy-shared-snapshot':
    case 'create-writer-instance':
      throw new StepNotSupportedError(`Step ${context.step} does not apply to an RDS instance.`);
  }
}
