import type {
  CreateDBInstanceMessage,
  DeleteDBInstanceMessage,
  DescribeDBInstancesMessage,
  ModifyDBInstanceMessage,
  RestoreDBInstanceFromDBSnapshotMessage,
  RestoreDBInstanceToPointInTimeMessage,
} from '@aws-sdk/client-rds';
import { fault } from '../errors.js';
import type { ServiceHandlers, SimulatedRequest } from '../types.js';
import { automatedBackupSource, instanceAsSource, type PointInTimeSource } from './automated-backups.js';
import { clusterMemberSettings, type InstanceSpec, newInstance } from './builders.js';
import { bornCreating, type RdsContext, required, viewNow } from './context.js';
import { defaultEngineVersion } from './engines.js';
import { statusAt, transition } from './lifecycle.js';
import { checkParameterGroup, checkSubnetGroup, requireCluster, requireInstance, requireSnapshot } from './lookups.js';
import { applySharedModifications, checkFinalSnapshotChoice } from './modify-delete.js';
import { rdsArn } from './names.js';
import { applyFilters, paginate, tagMap } from './query.js';
import type { InstanceRecord, RegionState } from './records.js';
import { checkRestoreInstant, checkRestoreTimeParameters } from './restore-time.js';
import { instanceShape } from './shapes.js';
import { snapshotOf } from './snapshot-records.js';

/** DescribeDBInstances, the two instance restores, CreateDBInstance, ModifyDBInstance, DeleteDBInstance. */
export function instanceHandlers(ctx: RdsContext): ServiceHandlers {
  const stateOf = (request: SimulatedRequest) => ctx.store.state(request);
  const answer = (state: RegionState, instance: InstanceRecord) => ({
    DBInstance: instanceShape(state, instance, viewNow(ctx)),
  });
  /** Both restores end alike: a new instance, `creating` for restoreInstanceMs. */
  const restore = (state: RegionState, id: string, input: RestoreRequest, origin: RestoreOrigin) => {
    const birth = bornCreating(ctx, ctx.world.durations.restoreInstanceMs);
    return answer(state, admit(state, newInstance(state, restoredInstanceSpec(id, input, origin), birth)));
  };

  return {
    DescribeDBInstances: (request) => {
      const input: DescribeDBInstancesMessage = request.input;
      const state = stateOf(request);
      const { owner } = state;
      const all = input.DBInstanceIdentifier
        ? [requireInstance(state, input.DBInstanceIdentifier)]
        : [...state.instances.values()];
      const matching = applyFilters(all, input.Filters, {
        'db-instance-id': (instance) => [instance.id, rdsArn(owner, 'db', instance.id)],
        'db-cluster-id': (instance) =>
          instance.clusterId ? [instance.clusterId, rdsArn(owner, 'cluster', instance.clusterId)] : [],
        'dbi-resource-id': (instance) => [instance.resourceId],
        engine: (instance) => [instance.engine],
        domain: () => [],
      });
      const page = paginate(matching, (instance) => instance.id, input);
      const view = viewNow(ctx);
      return { DBInstances: page.items.map((instance) => instanceShape(state, instance, view)), Marker: page.marker };
    },

    RestoreDBInstanceToPointInTime: (request) => {
      const input: RestoreDBInstanceToPointInTimeMessage = request.input;
      const state = stateOf(request);
      const timing = { name: 'RestoreTime', time: input.RestoreTime, useLatest: input.UseLatestRestorableTime };
      checkRestoreTimeParameters(timing);
      const source = pointInTimeSource(ctx, state, input);
      const targetId = required(input.TargetDBInstanceIdentifier, 'TargetDBInstanceIdentifier').toLowerCase();
      refuseExisting(state, targetId);
      checkRestoreInstant(source.window, timing);
      return restore(state, targetId, input, source);
    },

    RestoreDBInstanceFromDBSnapshot: (request) => {
      const input: RestoreDBInstanceFromDBSnapshotMessage = request.input;
      const state = stateOf(request);
      const snapshot = requireSnapshot(
        ctx.store,
        request,
        'instance',
        required(input.DBSnapshotIdentifier, 'DBSnapshotIdentifier'),
      );
      if (snapshot.encrypted && snapshot.owner.accountId !== request.accountId) {
        throw fault(
          'InvalidDBSnapshotStateFault',
          "You can't restore a DB instance from a DB snapshot that is both shared and encrypted: copy it into this account first.",
        );
      }
      const snapshotStatus = statusAt(snapshot.lifecycle, ctx.world.now());
      if (snapshotStatus !== 'available') {
        throw fault('InvalidDBSnapshotStateFault', `DB snapshot ${snapshot.id} is not available: ${snapshotStatus}.`);
      }
      if (input.Engine && input.Engine !== snapshot.engine) {
        throw fault(
          'InvalidParameterCombination',
          `Engine ${input.Engine} does not match the snapshot's engine ${snapshot.engine}.`,
        );
      }
      const targetId = required(input.DBInstanceIdentifier, 'DBInstanceIdentifier').toLowerCase();
      refuseExisting(state, targetId);
      const origin = {
        ...snapshot,
        instanceClass: snapshot.instanceClass ?? 'db.t3.micro',
        storageEncrypted: snapshot.encrypted,
      };
      return restore(state, targetId, input, origin);
    },

    CreateDBInstance: (request) => {
      const input: CreateDBInstanceMessage = request.input;
      const state = stateOf(request);
      const id = required(input.DBInstanceIdentifier, 'DBInstanceIdentifier').toLowerCase();
      const engine = required(input.Engine, 'Engine');
      const instanceClass = required(input.DBInstanceClass, 'DBInstanceClass');
      refuseExisting(state, id);
      const birth = bornCreating(ctx, ctx.world.durations.createInstanceMs);
      const common = {
        id,
        engine,
        instanceClass,
        availabilityZone: input.AvailabilityZone,
        parameterGroup: input.DBParameterGroupName,
        copyTagsToSnapshot: input.CopyTagsToSnapshot,
        promotionTier: input.PromotionTier,
        tags: tagMap(input.Tags),
      };
      if (!input.DBClusterIdentifier) {
        const instance = newInstance(
          state,
          {
            ...common,
            engineVersion: input.EngineVersion ?? defaultEngineVersion(engine),
            allocatedStorage: input.AllocatedStorage,
            storageType: input.StorageType,
            port: input.Port,
            multiAz: input.MultiAZ,
            subnetGroup: input.DBSubnetGroupName,
            securityGroupIds: input.VpcSecurityGroupIds,
            optionGroup: input.OptionGroupName,
            storageEncrypted: input.StorageEncrypted,
            kmsKeyId: input.KmsKeyId,
            deletionProtection: input.DeletionProtection,
            backupRetentionDays: input.BackupRetentionPeriod,
          },
          birth,
        );
        return answer(state, admit(state, instance));
      }
      const cluster = requireCluster(state, input.DBClusterIdentifier);
      const clusterStatus = statusAt(cluster.lifecycle, ctx.world.now());
      if (clusterStatus !== 'available') {
        throw fault('InvalidDBClusterStateFault', `DB cluster ${cluster.id} is not available: ${clusterStatus}.`);
      }
      if (engine !== cluster.engine) {
        throw fault(
          'InvalidParameterCombination',
          `Engine ${engine} does not match the engine of DB cluster ${cluster.id} (${cluster.engine}).`,
        );
      }
      const instance = newInstance(state, { ...common, ...clusterMemberSettings(cluster) }, birth);
      return answer(state, admit(state, instance));
    },

    ModifyDBInstance: (request) => {
      const input: ModifyDBInstanceMessage = request.input;
      const state = stateOf(request);
      const instance = requireInstance(state, input.DBInstanceIdentifier);
      const now = ctx.world.now();
      const status = statusAt(instance.lifecycle, now);
      if (status === 'deleting') {
        throw fault('InvalidDBInstanceStateFault', `DB instance ${instance.id} is being deleted.`);
      }
      if (input.DBParameterGroupName) {
        checkParameterGroup(state, 'instance', input.DBParameterGroupName, instance.engine, instance.engineVersion);
        instance.parameterGroup = input.DBParameterGroupName;
      }
      const newId = input.NewDBInstanceIdentifier?.toLowerCase();
      if (newId && newId !== instance.id) {
        refuseExisting(state, newId);
        if (!input.ApplyImmediately) {
          // Without ApplyImmediately AWS waits for the maintenance window; the simulation never reaches it.
          instance.pendingRename = newId;
        } else {
          if (status !== 'available') {
            throw fault('InvalidDBInstanceStateFault', `DB instance ${instance.id} is not available: ${status}.`);
          }
          state.instances.delete(instance.id);
          instance.id = newId;
          instance.pendingRename = undefined;
          state.instances.set(newId, instance);
          transition(instance.lifecycle, now, 'renaming', ctx.world.durations.renameMs);
        }
      }
      applySharedModifications(instance, input);
      return answer(state, instance);
    },

    DeleteDBInstance: (request) => {
      const input: DeleteDBInstanceMessage = request.input;
      const state = stateOf(request);
      const instance = requireInstance(state, input.DBInstanceIdentifier);
      const now = ctx.world.now();
      const status = statusAt(instance.lifecycle, now);
      if (status === 'deleting') {
        throw fault('InvalidDBInstanceStateFault', `DB instance ${instance.id} is already being deleted.`);
      }
      if (instance.deletionProtection) {
        throw fault(
          'InvalidParameterCombination',
          'Cannot delete protected DB Instance, please disable deletion protection and try again.',
        );
      }
      const finalId = input.FinalDBSnapshotIdentifier?.toLowerCase();
      if (instance.clusterId) {
        if (finalId) {
          throw fault(
            'InvalidParameterCombination',
            'FinalDBSnapshotIdentifier can not be specified when deleting a DB instance in a DB cluster.',
          );
        }
      } else {
        checkFinalSnapshotChoice(input.SkipFinalSnapshot, finalId);
      }
      if (finalId) {
        if (state.instanceSnapshots.has(finalId)) {
          throw fault(
            'DBSnapshotAlreadyExistsFault',
            `Cannot create the snapshot because a snapshot with the identifier ${finalId} already exists.`,
          );
        }
        if (status !== 'available') {
          throw fault(
            'InvalidDBInstanceStateFault',
            `DB instance ${instance.id} is not available for a final snapshot.`,
          );
        }
        state.instanceSnapshots.set(
          finalId,
          snapshotOf(
            state,
            { kind: 'instance', record: instance },
            { id: finalId, type: 'manual', at: now, durationMs: ctx.world.durations.createSnapshotMs },
          ),
        );
      }
      transition(instance.lifecycle, now, 'deleting', ctx.world.durations.deleteMs, 'gone');
      return answer(state, instance);
    },
  };
}

/** What a restored instance takes from its source or snapshot unless the request overrides it. */
interface RestoreOrigin {
  engine: string;
  engineVersion: string;
  instanceClass: string;
  allocatedStorage: number;
  storageType?: string;
  port: number;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  backupRetentionDays: number;
}

/** Either instance restore: they take the settings read below under the same names. */
type RestoreRequest = RestoreDBInstanceToPointInTimeMessage | RestoreDBInstanceFromDBSnapshotMessage;

/** Engine, version and encryption always come from the origin: a restore cannot change them. */
function restoredInstanceSpec(id: string, input: RestoreRequest, origin: RestoreOrigin): InstanceSpec {
  return {
    id,
    engine: origin.engine,
    engineVersion: origin.engineVersion,
    instanceClass: input.DBInstanceClass ?? origin.instanceClass,
    allocatedStorage: input.AllocatedStorage ?? origin.allocatedStorage,
    storageType: input.StorageType ?? origin.storageType,
    port: input.Port ?? origin.port,
    multiAz: input.MultiAZ,
    availabilityZone: input.AvailabilityZone,
    subnetGroup: input.DBSubnetGroupName,
    securityGroupIds: input.VpcSecurityGroupIds,
    parameterGroup: input.DBParameterGroupName,
    optionGroup: input.OptionGroupName,
    storageEncrypted: origin.storageEncrypted,
    kmsKeyId: origin.kmsKeyId,
    deletionProtection: input.DeletionProtection,
    backupRetentionDays: input.BackupRetentionPeriod ?? origin.backupRetentionDays,
    copyTagsToSnapshot: input.CopyTagsToSnapshot,
    tags: tagMap(input.Tags),
  };
}

/** The source named by identifier, resource id, or (across regions) automated-backups ARN. */
function pointInTimeSource(
  ctx: RdsContext,
  state: RegionState,
  input: RestoreDBInstanceToPointInTimeMessage,
): PointInTimeSource {
  const view = viewNow(ctx);
  if (input.SourceDBInstanceAutomatedBackupsArn) {
    return automatedBackupSource(state, input.SourceDBInstanceAutomatedBackupsArn, view);
  }
  const source = input.SourceDbiResourceId
    ? [...state.instances.values()].find((instance) => instance.resourceId === input.SourceDbiResourceId)
    : requireInstance(state, required(input.SourceDBInstanceIdentifier, 'SourceDBInstanceIdentifier'));
  if (!source) throw fault('DBInstanceNotFoundFault', `DBInstance ${input.SourceDbiResourceId} not found.`);
  if (source.clusterId) {
    throw fault('InvalidParameterValue', `${source.id} is a member of DB cluster ${source.clusterId}.`);
  }
  const status = statusAt(source.lifecycle, view.now);
  if (status === 'creating' || status === 'deleting') {
    throw fault('InvalidDBInstanceStateFault', `DB instance ${source.id} is not in a restorable state: ${status}.`);
  }
  return instanceAsSource(source, view);
}

function refuseExisting(state: RegionState, id: string): void {
  if (state.instances.has(id)) throw fault('DBInstanceAlreadyExistsFault', 'DB instance already exists');
}

/** Checks the named groups exist here, then stores the new instance. */
function admit(state: RegionState, instance: InstanceRecord): InstanceRecord {
  checkSubnetGroup(state, instance.subnetGroup);
  checkParameterGroup(state, 'instance', instance.parameterGroup, instance.engine, instance.engineVersion);
  state.instances.set(instance.id, instance);
  return instance;
}
