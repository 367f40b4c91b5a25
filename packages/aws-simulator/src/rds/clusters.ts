import { randomUUID } from 'node:crypto';
import type {
  DeleteDBClusterMessage,
  DescribeDBClustersMessage,
  ModifyDBClusterMessage,
  RestoreDBClusterFromSnapshotMessage,
  RestoreDBClusterToPointInTimeMessage,
} from '@aws-sdk/client-rds';
import { fault } from '../errors.js';
import type { ServiceHandlers, SimulatedRequest } from '../types.js';
import { type ClusterSpec, newCluster } from './builders.js';
import { bornCreating, type RdsContext, required, viewNow } from './context.js';
import { supportsClones } from './engines.js';
import { statusAt, transition } from './lifecycle.js';
import { checkParameterGroup, checkSubnetGroup, requireCluster, requireSnapshot } from './lookups.js';
import { applySharedModifications, checkFinalSnapshotChoice } from './modify-delete.js';
import { rdsArn } from './names.js';
import { applyFilters, paginate, tagMap } from './query.js';
import type { ClusterRecord, RegionState } from './records.js';
import { checkRestoreInstant, checkRestoreTimeParameters } from './restore-time.js';
import { clusterShape, restorableWindow } from './shapes.js';
import { snapshotOf } from './snapshot-records.js';

const RESTORE_TYPES = new Set(['full-copy', 'copy-on-write']);

/**
 * DescribeDBClusters, the two cluster restores, ModifyDBCluster and DeleteDBCluster, for Aurora and
 * DocumentDB alike. Like AWS, a cluster restore creates no instances.
 */
export function clusterHandlers(ctx: RdsContext): ServiceHandlers {
  const stateOf = (request: SimulatedRequest) => ctx.store.state(request);
  const answer = (state: RegionState, cluster: ClusterRecord) => ({
    DBCluster: clusterShape(state, cluster, viewNow(ctx)),
  });

  return {
    DescribeDBClusters: (request) => {
      const input: DescribeDBClustersMessage = request.input;
      const state = stateOf(request);
      const all = input.DBClusterIdentifier
        ? [requireCluster(state, input.DBClusterIdentifier)]
        : [...state.clusters.values()];
      const matching = applyFilters(all, input.Filters, {
        'db-cluster-id': (cluster) => [cluster.id, rdsArn(state.owner, 'cluster', cluster.id)],
        'db-cluster-resource-id': (cluster) => [cluster.resourceId],
        'clone-group-id': (cluster) => [cluster.cloneGroupId],
        engine: (cluster) => [cluster.engine],
        domain: () => [],
      });
      const page = paginate(matching, (cluster) => cluster.id, input);
      const view = viewNow(ctx);
      return { DBClusters: page.items.map((cluster) => clusterShape(state, cluster, view)), Marker: page.marker };
    },

    RestoreDBClusterToPointInTime: (request) => {
      const input: RestoreDBClusterToPointInTimeMessage = request.input;
      const state = stateOf(request);
      if (input.RestoreType !== undefined && !RESTORE_TYPES.has(input.RestoreType)) {
        throw fault('InvalidParameterValue', `Invalid RestoreType: ${input.RestoreType}`);
      }
      const clone = input.RestoreType === 'copy-on-write';
      const timing = {
        name: 'RestoreToTime',
        time: input.RestoreToTime,
        useLatest: input.UseLatestRestorableTime,
        clone,
      };
      checkRestoreTimeParameters(timing);
      // A cross-account clone needs a RAM share: an ARN of another account's cluster finds nothing here.
      const source = requireCluster(state, required(input.SourceDBClusterIdentifier, 'SourceDBClusterIdentifier'));
      const status = statusAt(source.lifecycle, ctx.world.now());
      if (status === 'creating' || status === 'deleting') {
        throw fault('InvalidDBClusterStateFault', `DB cluster ${source.id} is not in a restorable state: ${status}.`);
      }
      if (clone && !supportsClones(source.engine)) {
        throw fault('InvalidParameterValue', `RestoreType copy-on-write is not supported for engine ${source.engine}.`);
      }
      const targetId = required(input.DBClusterIdentifier, 'DBClusterIdentifier').toLowerCase();
      refuseExisting(state, targetId);
      checkRestoreInstant(restorableWindow(source, viewNow(ctx)), timing);
      const cloneGroupId = clone ? (source.cloneGroupId ?? randomUUID()) : undefined;
      const cluster = newCluster(
        state,
        { ...restoredClusterSpec(targetId, input, source), cloneGroupId },
        bornCreating(ctx, ctx.world.durations.restoreClusterMs),
      );
      admit(state, cluster);
      if (cloneGroupId) source.cloneGroupId = cloneGroupId;
      return answer(state, cluster);
    },

    RestoreDBClusterFromSnapshot: (request) => {
      const input: RestoreDBClusterFromSnapshotMessage = request.input;
      const state = stateOf(request);
      const engine = required(input.Engine, 'Engine');
      const snapshot = requireSnapshot(
        ctx.store,
        request,
        'cluster',
        required(input.SnapshotIdentifier, 'SnapshotIdentifier'),
      );
      if (snapshot.engine === 'docdb' && snapshot.owner.accountId !== request.accountId) {
        throw fault(
          'InvalidDBClusterSnapshotStateFault',
          'A shared DocumentDB cluster snapshot cannot be restored directly: copy it into this account first.',
        );
      }
      const snapshotStatus = statusAt(snapshot.lifecycle, ctx.world.now());
      if (snapshotStatus !== 'available') {
        throw fault(
          'InvalidDBClusterSnapshotStateFault',
          `DB cluster snapshot ${snapshot.id} is not available: ${snapshotStatus}.`,
        );
      }
      if (engine !== snapshot.engine) {
        throw fault(
          'InvalidParameterCombination',
          `Engine ${engine} is not compatible with the snapshot's engine ${snapshot.engine}.`,
        );
      }
      const targetId = required(input.DBClusterIdentifier, 'DBClusterIdentifier').toLowerCase();
      refuseExisting(state, targetId);
      const origin = {
        ...snapshot,
        engineVersion: input.EngineVersion ?? snapshot.engineVersion,
        storageEncrypted: snapshot.encrypted,
        sizeGiB: snapshot.allocatedStorage,
      };
      const cluster = newCluster(
        state,
        restoredClusterSpec(targetId, input, origin),
        bornCreating(ctx, ctx.world.durations.restoreClusterMs),
      );
      return answer(state, admit(state, cluster));
    },

    ModifyDBCluster: (request) => {
      const input: ModifyDBClusterMessage = request.input;
      const state = stateOf(request);
      const cluster = requireCluster(state, input.DBClusterIdentifier);
      const now = ctx.world.now();
      const status = statusAt(cluster.lifecycle, now);
      if (status === 'deleting') {
        throw fault('InvalidDBClusterStateFault', `DB cluster ${cluster.id} is being deleted.`);
      }
      if (input.DBClusterParameterGroupName) {
        checkParameterGroup(state, 'cluster', input.DBClusterParameterGroupName, cluster.engine, cluster.engineVersion);
        cluster.clusterParameterGroup = input.DBClusterParameterGroupName;
      }
      const newId = input.NewDBClusterIdentifier?.toLowerCase();
      if (newId && newId !== cluster.id) {
        refuseExisting(state, newId);
        if (!input.ApplyImmediately) {
          // Without ApplyImmediately AWS waits for the maintenance window; the simulation never reaches it.
          cluster.pendingRename = newId;
        } else {
          if (status !== 'available') {
            throw fault('InvalidDBClusterStateFault', `DB cluster ${cluster.id} is not available: ${status}.`);
          }
          for (const member of state.membersOf(cluster.id)) member.clusterId = newId;
          state.clusters.delete(cluster.id);
          cluster.id = newId;
          cluster.pendingRename = undefined;
          state.clusters.set(newId, cluster);
          transition(cluster.lifecycle, now, 'renaming', ctx.world.durations.renameMs);
        }
      }
      applySharedModifications(cluster, input);
      return answer(state, cluster);
    },

    DeleteDBCluster: (request) => {
      const input: DeleteDBClusterMessage = request.input;
      const state = stateOf(request);
      const cluster = requireCluster(state, input.DBClusterIdentifier);
      const now = ctx.world.now();
      const status = statusAt(cluster.lifecycle, now);
      if (status === 'deleting') {
        throw fault('InvalidDBClusterStateFault', `DB cluster ${cluster.id} is already being deleted.`);
      }
      if (cluster.deletionProtection) {
        throw fault(
          'InvalidParameterCombination',
          'Cannot delete protected Cluster, please disable deletion protection and try again.',
        );
      }
      const remaining = state.membersOf(cluster.id).filter((member) => statusAt(member.lifecycle, now) !== 'deleting');
      if (remaining.length > 0) {
        throw fault(
          'InvalidDBClusterStateFault',
          `Cluster cannot be deleted, it still contains DB instances in non-deleting state: ${remaining.map((member) => member.id).join(', ')}.`,
        );
      }
      const finalId = input.FinalDBSnapshotIdentifier?.toLowerCase();
      checkFinalSnapshotChoice(input.SkipFinalSnapshot, finalId);
      if (finalId) {
        if (state.clusterSnapshots.has(finalId)) {
          throw fault('DBClusterSnapshotAlreadyExistsFault', `DB cluster snapshot ${finalId} already exists.`);
        }
        state.clusterSnapshots.set(
          finalId,
          snapshotOf(
            state,
            { kind: 'cluster', record: cluster },
            { id: finalId, type: 'manual', at: now, durationMs: ctx.world.durations.createSnapshotMs },
          ),
        );
      }
      transition(cluster.lifecycle, now, 'deleting', ctx.world.durations.deleteMs, 'gone');
      return answer(state, cluster);
    },
  };
}

/** What a restored cluster takes from its source or snapshot unless the request overrides it. */
interface RestoreOrigin {
  engine: string;
  engineVersion: string;
  port: number;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  sizeGiB: number;
  storageType?: string;
}

/** Either cluster restore: they take the settings read below under the same names. */
type RestoreRequest = RestoreDBClusterToPointInTimeMessage | RestoreDBClusterFromSnapshotMessage;

/** A key in the request encrypts the restore; without one it keeps the origin's encryption. */
function restoredClusterSpec(id: string, input: RestoreRequest, origin: RestoreOrigin): ClusterSpec {
  return {
    id,
    engine: origin.engine,
    engineVersion: origin.engineVersion,
    port: input.Port ?? origin.port,
    subnetGroup: input.DBSubnetGroupName,
    securityGroupIds: input.VpcSecurityGroupIds,
    clusterParameterGroup: input.DBClusterParameterGroupName,
    storageEncrypted: origin.storageEncrypted || input.KmsKeyId !== undefined,
    kmsKeyId: input.KmsKeyId ?? origin.kmsKeyId,
    deletionProtection: input.DeletionProtection,
    backupRetentionDays: input.BackupRetentionPeriod,
    copyTagsToSnapshot: input.CopyTagsToSnapshot,
    sizeGiB: origin.sizeGiB,
    storageType: input.StorageType ?? origin.storageType,
    tags: tagMap(input.Tags),
  };
}

function refuseExisting(state: RegionState, id: string): void {
  if (state.clusters.has(id)) throw fault('DBClusterAlreadyExistsFault', 'DB Cluster already exists');
}

function admit(state: RegionState, cluster: ClusterRecord): ClusterRecord {
  checkSubnetGroup(state, cluster.subnetGroup);
  checkParameterGroup(state, 'cluster', cluster.clusterParameterGroup, cluster.engine, cluster.engineVersion);
  state.clusters.set(cluster.id, cluster);
  return cluster;
}
