import type {
  CopyDBClusterSnapshotMessage,
  CopyDBSnapshotMessage,
  DescribeDBClusterSnapshotsMessage,
  DescribeDBSnapshotsMessage,
  Filter,
  Tag,
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

/** What DescribeDBSnapshots and DescribeDBClusterSnapshots share, in their own parameter names. */
interface SnapshotQuery {
  snapshotId?: string;
  sourceId?: string;
  snapshotType?: string;
  includeShared?: boolean;
  filters?: Filter[];
  maxRecords?: number;
  marker?: string;
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
  if (query.snapshotType !== undefined && !SNAPSHOT_TYPES.has(query.snapshotType)) {
    throw fault('InvalidParameterValue', `Invalid snapshot type: ${query.snapshotType}`);
  }
  if (query.snapshotId && query.sourceId) {
    const source = kind === 'instance' ? 'DBInstanceIdentifier' : 'DBClusterIdentifier';
    throw fault('InvalidParameterCombination', `The snapshot identifier cannot be used with ${source}.`);
  }
  if (query.snapshotId) {
    const snapshot = findSnapshot(ctx.store, caller, kind, query.snapshotId);
    if (!snapshot || (snapshot.type === 'automated' && query.snapshotType !== 'automated')) {
      throw fault(SNAPSHOT_NOT_FOUND[kind], `Snapshot ${query.snapshotId} not found.`);
    }
    return [snapshot];
  }
  const own = [...ctx.store.state(caller).snapshots(kind).values()];
  const selected = (() => {
    switch (query.snapshotType) {
      case undefined:
        return query.includeShared ? [...own, ...sharedWithCaller(ctx.store, caller, kind)] : own;
      case 'automated':
      case 'manual':
        return own.filter((snapshot) => snapshot.type === query.snapshotType);
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
  const matching = applyFilters(selectSnapshots(ctx, caller, kind, query), query.filters, fields);
  return paginate(matching, snapshotArn, { MaxRecords: query.maxRecords, Marker: query.marker });
}

/** DescribeDBSnapshots, DescribeDBClusterSnapshots, CopyDBSnapshot and CopyDBClusterSnapshot. */
export function snapshotHandlers(ctx: RdsContext): ServiceHandlers {
  return {
    DescribeDBSnapshots: (request) => {
      const input: DescribeDBSnapshotsMessage = request.input;
      const page = describe(ctx, request, 'instance', {
        snapshotId: input.DBSnapshotIdentifier,
        sourceId: input.DBInstanceIdentifier,
        snapshotType: input.SnapshotType,
        includeShared: input.IncludeShared,
        filters: input.Filters,
        maxRecords: input.MaxRecords,
        marker: input.Marker,
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
        snapshotId: input.DBClusterSnapshotIdentifier,
        sourceId: input.DBClusterIdentifier,
        snapshotType: input.SnapshotType,
        includeShared: input.IncludeShared,
        filters: input.Filters,
        maxRecords: input.MaxRecords,
        marker: input.Marker,
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
        source: required(input.SourceDBSnapshotIdentifier, 'SourceDBSnapshotIdentifier'),
        target: required(input.TargetDBSnapshotIdentifier, 'TargetDBSnapshotIdentifier'),
        kmsKeyId: input.KmsKeyId,
        copyTags: input.CopyTags,
        tags: input.Tags,
      });
      return { DBSnapshot: instanceSnapshotShape(copy, request, ctx.world.now()) };
    },

    CopyDBClusterSnapshot: (request) => {
      const input: CopyDBClusterSnapshotMessage = request.input;
      const copy = copySnapshot(ctx, request, 'cluster', {
        source: required(input.SourceDBClusterSnapshotIdentifier, 'SourceDBClusterSnapshotIdentifier'),
        target: required(input.TargetDBClusterSnapshotIdentifier, 'TargetDBClusterSnapshotIdentifier'),
        kmsKeyId: input.KmsKeyId,
        copyTags: input.CopyTags,
        tags: input.Tags,
      });
      return { DBClusterSnapshot: clusterSnapshotShape(copy, request, ctx.world.now()) };
    },
  };
}

const COPY_FAULTS = {
  instance: { state: 'InvalidDBSnapshotStateFault', exists: 'DBSnapshotAlreadyExistsFault' },
  cluster: { state: 'InvalidDBClusterSnapshotStateFault', exists: 'DBClusterSnapshotAlreadyExistsFault' },
};

interface CopyRequest {
  source: string;
  target: string;
  kmsKeyId?: string;
  copyTags?: boolean;
  tags?: Tag[];
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
  if (foreign && source.encrypted && !copy.kmsKeyId) {
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
    encrypted: source.encrypted || copy.kmsKeyId !== undefined,
    kmsKeyId: copy.kmsKeyId ? kmsKeyArn(request, copy.kmsKeyId) : source.kmsKeyId,
    tags: new Map([...(copy.copyTags && !foreign ? source.tags : []), ...tagMap(copy.tags)]),
    sharedWith: new Set(),
    sourceSnapshotArn: snapshotArn(source),
  };
  snapshots.set(targetId, record);
  return record;
}
