import { type Lifecycle, startedFor } from './lifecycle.js';
import { DEFAULT_VPC_ID } from './names.js';
import type { ClusterRecord, InstanceRecord, RegionState, SnapshotKind, SnapshotRecord } from './records.js';

interface SnapshotOptions {
  id: string;
  type: 'automated' | 'manual';
  at: Date;
  lifecycle?: Lifecycle;
  /** How long the snapshot stays `creating`. */
  durationMs: number;
  tags?: Map<string, string>;
}

/** A snapshot of a standalone instance or of a cluster, as it is at `at`. */
export function snapshotOf(
  state: RegionState,
  source: { kind: 'instance'; record: InstanceRecord } | { kind: 'cluster'; record: ClusterRecord },
  options: SnapshotOptions,
): SnapshotRecord {
  const { record } = source;
  const common = {
    kind: source.kind as SnapshotKind,
    id: options.id,
    owner: state.owner,
    createdAt: options.at,
    lifecycle: options.lifecycle ?? startedFor('creating', options.at, options.durationMs),
    type: options.type,
    sourceId: record.id,
    sourceResourceId: record.resourceId,
    sourceCreatedAt: record.createdAt,
    engine: record.engine,
    engineVersion: record.engineVersion,
    port: record.port,
    encrypted: record.storageEncrypted,
    kmsKeyId: record.kmsKeyId,
    vpcId: state.subnetGroups.get(record.subnetGroup) ?? DEFAULT_VPC_ID,
    backupRetentionDays: record.backupRetentionDays,
    tags: options.tags ?? (record.copyTagsToSnapshot ? new Map(record.tags) : new Map<string, string>()),
    sharedWith: new Set<string>(),
  };
  if (source.kind === 'cluster') {
    return { ...common, allocatedStorage: source.record.sizeGiB, storageType: source.record.storageType };
  }
  return {
    ...common,
    allocatedStorage: source.record.allocatedStorage,
    storageType: source.record.storageType,
    instanceClass: source.record.instanceClass,
    optionGroup: source.record.optionGroup,
  };
}
