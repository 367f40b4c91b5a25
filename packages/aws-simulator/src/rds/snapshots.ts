import type {
  CopyDBClusterSnapshotMessage,
  CopyDBSnapshotMessage,
  DescribeDBClusterSnapshotsMessage,
  DescribeDBSnapshotsMessage,
} from '@aws-sdk/client-rds';
import { fault } from '../errors.js';
import type { ServiceHandlers, SimulatedRequest, SimulatedTarget } from '../types.js';
import { type RdsContext, required } from './context.js';
import { startedFor, statusAt } from './lifecycle.js';
import { findSnapshot, requireSnapshot, SNAPSHOT_NOT_FOUND, sharedWithCaller } from './lookups.js';
import { kmsKeyArn, rdsArn, toRef } from './names.js';
import { applyFilters, type FilterFields, paginate, tagMap } from './query.js';
import type { SnapshotKind, SnapshotRecord } from './records.js';
import { clusterSnapshotShape, instanceSnapshotShape } from './shapes.js';

const SNAPSHOT_TYPES = new Set(['automated', 'manual', 'shared', 'public', 'awsbackup']);

/** The parameters DescribeDBSnapshots and DescribeDBClusterSnapshots both take, under the same names. */
type SharedQueryParameters = Pick<
  DescribeDBSnapshotsMessage & DescribeDBClusterSnapshotsMessage,
  'SnapshotType' | 'IncludeShared' | 'Filters' | 'MaxRecords' | 'Marker'
>;

/** A describe call's query, with the two parameters each operation names its own way. */
interface SnapshotQuery extends SharedQueryParameters {
  snapshotId?: string;
  sourceId?: string;
}

function snapshotArn(snapshot: SnapshotRecord): string {
  return rdsArn(snapshot.owner, snapshot.kind === 'instance' ? 'snapshot' : 'cluster-snapshot', snapshot.id);
}

function typeSeenBy(snapshot: SnapshotRecord, caller: SimulatedTarget): string {
  return snapshot.owner.accountId === caller.accountId ? snapshot.type : 'shared';
}

/**
 * AWS's selection rules: without SnapshotType, the caller's automated and manual snapshots, plus
 * shared ones with IncludeShared; `shared` lists only those; an automated snapshot named by
 * identifier is found only when SnapshotType says `automated`.
 */
function selectSnapshots(ctx: RdsContext, caller: SimulatedTarget, kind: SnapshotKind, query: SnapshotQuery) {
  if (query.SnapshotType !== undefined && !SNAPSHOT_TYPES.has(query.SnapshotType)) {
    throw fault('InvalidParameterValue', `Invalid snapshot type: ${query.SnapshotType}`);
  }
  if (query.snapshotId && query.sourceId) {
    const source = kind === 'instance' ? 'DBInstanceIdentifier' : 'DBClusterIdentifier';
    throw fault('InvalidParameterCombination', `The snapshot identifier cannot be used with ${source}.`);
  }
  if (query.snapshotId) {
    const snapshot = findSnapshot(ctx.store, caller, kind, query.snapshotId);
    if (!snapshot || (snapshot.type === 'automated' && query.SnapshotType !== 'automated')) {
      throw fault(SNAPSHOT_NOT_FOUND[kind], `Snapshot ${query.snapshotId} not found.`);
    }
    return [snapshot];
  }
  const own = [...ctx.store.state(caller).snapshots(kind).values()];
  const selected = (() => {
    switch (query.SnapshotType) {
      case undefined:
        return query.IncludeShared ? [...own, ...sharedWithCaller(ctx.store, caller, kind)] : own;
      case 'automated':
      case 'manual':
        return own.filter((snapshot) => snapshot.type === query.SnapshotType);
      case 'shared':
        return sharedWithCaller(ctx.store, caller, kind);
      default:
        return [];
    }
  })();
  if (!query.sourceId) return selected;
  const source = toRef(query.sourceId);
  return selected.filter(
    (snapshot) =>
      snapshot.sourceId === source.id &&
      (!source.owner ||
        (source.owner.accountId === snapshot.owner.accountId && source.owner.region === snapshot.owner.region)),
  );
}

function describe(ctx: RdsContext, caller: SimulatedTarget, kind: SnapshotKind, query: SnapshotQuery) {
  const sourceType = kind === 'instance' ? 'db' : 'cluster';
  const fields: FilterFields<SnapshotRecord> = {
    [kind === 'instance' ? 'db-instance-id' : 'db-cluster-id']: (snapshot) => [
      snapshot.sourceId,
      rdsArn(snapshot.owner, sourceType, snapshot.sourceId),
    ],
    [kind === 'instance' ? 'db-snapshot-id' : 'db-cluster-snapshot-id']: (snapshot) => [
      snapshot.id,
      snapshotArn(snapshot),
    ],
    [kind === 'instance' ? 'dbi-resource-id' : 'db-cluster-resource-id']: (snapshot) => [snapshot.sourceResourceId],
    'snapshot-type': (snapshot) => [typeSeenBy(snapshot, caller)],
    engine: (snapshot) => [snapshot.engine],
  };
  const matching = applyFilters(selectSnapshots(ctx, caller, kind, query), query.Filters, fields);
  return paginate(matching, snapshotArn, query);
}

/** DescribeDBSnapshots, DescribeDBClusterSnapshots, CopyDBSnapshot and CopyDBClusterSnapshot. */
export function snapshotHandlers(ctx: RdsContext): ServiceHandlers {
  return {
    DescribeDBSnapshots: (request) => {
      const input: DescribeDBSnapshotsMessage = request.input;
      const page = describe(ctx, request, 'instance', {
        ...input,
        snapshotId: input.DBSnapshotIdentifier,
        sourceId: input.DBInstanceIdentifier,
      });
      const now = ctx.world.now();
      return {
        DBSnapshots: page.items.map((snapshot) => instanceSnapshotShape(snapshot, request, now)),
        Marker: page.marker,
      };
    },

    DescribeDBClusterSnapshots: (request) => {
      const input: DescribeDBClusterSnapshotsMessage = request.input;
      const page = describe(ctx, request, 'cluster', {
        ...input,
        snapshotId: input.DBClusterSnapshotIdentifier,
        sourceId: input.DBClusterIdentifier,
      });
      const now = ctx.world.now();
      return {
        DBClusterSnapshots: page.items.map((snapshot) => clusterSnapshotShape(snapshot, request, now)),
        Marker: page.marker,
      };
    },

    CopyDBSnapshot: (request) => {
      const input: CopyDBSnapshotMessage = request.input;
      const copy = copySnapshot(ctx, request, 'instance', {
        ...input,
        source: required(input.SourceDBSnapshotIdentifier, 'SourceDBSnapshotIdentifier'),
        target: required(input.TargetDBSnapshotIdentifier, 'TargetDBSnapshotIdentifier'),
      });
      return { DBSnapshot: instanceSnapshotShape(copy, request, ctx.world.now()) };
    },

    CopyDBClusterSnapshot: (request) => {
      const input: CopyDBClusterSnapshotMessage = request.input;
      const copy = copySnapshot(ctx, request, 'cluster', {
        ...input,
        source: required(input.SourceDBClusterSnapshotIdentifier, 'SourceDBClusterSnapshotIdentifier'),
        target: required(input.TargetDBClusterSnapshotIdentifier, 'TargetDBClusterSnapshotIdentifier'),
      });
      return { DBClusterSnapshot: clusterSnapshotShape(copy, request, ctx.world.now()) };
    },
  };
}

const COPY_FAULTS = {
  instance: { state: 'InvalidDBSnapshotStateFault', exists: 'DBSnapshotAlreadyExistsFault' },
  cluster: { state: 'InvalidDBClusterSnapshotStateFault', exists: 'DBClusterSnapshotAlreadyExistsFault' },
};

/** A copy call, with the source and target each operation names its own way. */
interface CopyRequest
  extends Pick<CopyDBSnapshotMessage & CopyDBClusterSnapshotMessage, 'KmsKeyId' | 'CopyTags' | 'Tags'> {
  source: string;
  target: string;
}

/**
 * A copy into the caller's account and region. A shared snapshot is named by ARN; copying an
 * encrypted one from another account or region needs a KmsKeyId of the caller's own.
 */
function copySnapshot(
  ctx: RdsContext,
  request: SimulatedRequest,
  kind: SnapshotKind,
  copy: CopyRequest,
): SnapshotRecord {
  const faults = COPY_FAULTS[kind];
  const targetId = copy.target.toLowerCase();
  const source = requireSnapshot(ctx.store, request, kind, copy.source, true);
  const now = ctx.world.now();
  const status = statusAt(source.lifecycle, now);
  if (status !== 'available') {
    throw fault(faults.state, `Snapshot ${source.id} is not available: ${status}.`);
  }
  const foreign = source.owner.accountId !== request.accountId || source.owner.region !== request.region;
  if (foreign && source.encrypted && !copy.KmsKeyId) {
    throw fault(
      'KMSKeyNotAccessibleFault',
      `The source snapshot ${snapshotArn(source)} is encrypted with a key of its owner: a KmsKeyId is required to copy it.`,
    );
  }
  const snapshots = ctx.store.state(request).snapshots(kind);
  if (snapshots.has(targetId)) throw fault(faults.exists, `Snapshot ${targetId} already exists.`);
  const record: SnapshotRecord = {
    ...source,
    id: targetId,
    owner: { accountId: request.accountId, region: request.region },
    createdAt: now,
    lifecycle: startedFor('creating', now, ctx.world.durations.copySnapshotMs),
    type: 'manual',
    encrypted: source.encrypted || copy.KmsKeyId !== undefined,
    kmsKeyId: copy.KmsKeyId ? kmsKeyArn(request, copy.KmsKeyId) : source.kmsKeyId,
    tags: new Map([...(copy.CopyTags && !foreign ? source.tags : []), ...tagMap(copy.Tags)]),
    sharedWith: new Set(),
    sourceSnapshotArn: snapshotArn(source),
  };
  snapshots.set(targetId, record);
  return record;
}
