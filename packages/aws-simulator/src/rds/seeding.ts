import type { SimulatedTarget } from '../types.js';
import { replicatedBackup } from './automated-backups.js';
import { clusterMemberSettings, newCluster, newInstance } from './builders.js';
import { bornWith, type RdsContext } from './context.js';
import { defaultEngineVersion, defaultPort, parameterGroupFamily } from './engines.js';
import { type GlobalClusterRecord, markRoles } from './global-clusters.js';
import { startedAs } from './lifecycle.js';
import { awsManagedKey, DEFAULT_SUBNET_GROUP, kmsKeyArn, mainVpcId, parseRdsArn, rdsArn, resourceId } from './names.js';
import type { RegionState, SnapshotKind, SnapshotRecord } from './records.js';
import { snapshotOf } from './snapshot-records.js';

const DAY_MS = 24 * 60 * 60_000;
const SEEDED_RETENTION_DAYS = 7;

/** Tags as a plain object: `{ team: 'payments', env: 'production' }`. */
export type TagSeed = Record<string, string>;

/** A standalone DB instance that has been running for a while. Left-out settings get AWS's defaults. */
export interface InstanceSeed {
  id: string;
  engine: string;
  engineVersion?: string;
  instanceClass: string;
  allocatedStorage?: number;
  storageType?: string;
  port?: number;
  multiAz?: boolean;
  subnetGroup?: string;
  securityGroupIds?: string[];
  parameterGroup?: string;
  optionGroup?: string;
  storageEncrypted?: boolean;
  /** A key id, alias or ARN; implies encryption. */
  kmsKeyId?: string;
  deletionProtection?: boolean;
  /** Days of automated backups (and of the restorable window); 7 unless given. */
  backupRetentionDays?: number;
  copyTagsToSnapshot?: boolean;
  tags?: TagSeed;
  /** Default: a year ago. */
  createdAt?: Date;
}

export interface ClusterMemberSeed {
  id: string;
  instanceClass: string;
  parameterGroup?: string;
  promotionTier?: number;
}

/** An Aurora or DocumentDB cluster and its instances; the first member is the writer. */
export interface ClusterSeed {
  id: string;
  engine: string;
  engineVersion?: string;
  port?: number;
  subnetGroup?: string;
  securityGroupIds?: string[];
  clusterParameterGroup?: string;
  storageEncrypted?: boolean;
  kmsKeyId?: string;
  deletionProtection?: boolean;
  backupRetentionDays?: number;
  copyTagsToSnapshot?: boolean;
  /** Size of the cluster volume, reported by its snapshots. */
  sizeGiB?: number;
  storageType?: string;
  tags?: TagSeed;
  createdAt?: Date;
  members?: ClusterMemberSeed[];
}

/**
 * A manual snapshot taken at `takenAt` (automated ones follow from each resource's retention). When `sourceId` names an instance (or cluster) of the account, the
 * snapshot takes its settings; otherwise (a deleted source, a copy in another region) give `engine`
 * and `engineVersion`. Any field given wins, e.g. an older `engineVersion` for a pre-upgrade snapshot.
 */
export interface SnapshotSeed {
  id: string;
  sourceId: string;
  /** Default: now. */
  takenAt?: Date;
  engine?: string;
  engineVersion?: string;
  encrypted?: boolean;
  kmsKeyId?: string;
  allocatedStorage?: number;
  instanceClass?: string;
  tags?: TagSeed;
  /** Accounts (in the same region) the snapshot is shared with. */
  sharedWith?: string[];
  /** The ARN of the snapshot this one was copied from (e.g. into the disaster-recovery region). */
  copiedFrom?: string;
}

/** A global database: its primary cluster is already seeded; each secondary is added in its region. */
export interface GlobalClusterSeed {
  id: string;
  primaryClusterId: string;
  secondaries: { region: string; cluster: Omit<ClusterSeed, 'engine' | 'engineVersion'> }[];
}

function tagsOf(seed: TagSeed | undefined): Map<string, string> {
  return new Map(Object.entries(seed ?? {}));
}

/** Seeded resources keep a week of automated backups unless the seed says otherwise. */
function seededSettings(seed: { backupRetentionDays?: number; tags?: TagSeed }) {
  return { backupRetentionDays: seed.backupRetentionDays ?? SEEDED_RETENTION_DAYS, tags: tagsOf(seed.tags) };
}

function registerSubnetGroup(state: RegionState, name: string | undefined): void {
  if (name && name !== DEFAULT_SUBNET_GROUP) state.subnetGroups.set(name, mainVpcId(state.owner));
}

function registerGroup(groups: Map<string, string>, name: string | undefined, family: string): void {
  if (name && !name.startsWith('default.')) groups.set(name, family);
}

/** The seeding side of the simulation: builds accounts the way they would look after months of use. */
export function createSeeding(ctx: RdsContext) {
  const longAgo = () => new Date(ctx.world.now().getTime() - 365 * DAY_MS);
  const alwaysThere = (at: Date) => bornWith(ctx, at, startedAs('available', at));

  function addInstance(target: SimulatedTarget, seed: InstanceSeed): string {
    const state = ctx.store.state(target);
    const engineVersion = seed.engineVersion ?? defaultEngineVersion(seed.engine);
    registerSubnetGroup(state, seed.subnetGroup);
    registerGroup(state.parameterGroups, seed.parameterGroup, parameterGroupFamily(seed.engine, engineVersion));
    const createdAt = seed.createdAt ?? longAgo();
    const instance = newInstance(state, { ...seed, engineVersion, ...seededSettings(seed) }, alwaysThere(createdAt));
    state.instances.set(instance.id, instance);
    return rdsArn(state.owner, 'db', instance.id);
  }

  function addCluster(target: SimulatedTarget, seed: ClusterSeed): string {
    const state = ctx.store.state(target);
    const engineVersion = seed.engineVersion ?? defaultEngineVersion(seed.engine);
    const family = parameterGroupFamily(seed.engine, engineVersion);
    registerSubnetGroup(state, seed.subnetGroup);
    registerGroup(state.clusterParameterGroups, seed.clusterParameterGroup, family);
    const createdAt = seed.createdAt ?? longAgo();
    const cluster = newCluster(state, { ...seed, engineVersion, ...seededSettings(seed) }, alwaysThere(createdAt));
    state.clusters.set(cluster.id, cluster);
    for (const member of seed.members ?? []) {
      registerGroup(state.parameterGroups, member.parameterGroup, family);
      const instance = newInstance(
        state,
        { ...member, ...clusterMemberSettings(cluster), tags: tagsOf(seed.tags) },
        alwaysThere(createdAt),
      );
      state.instances.set(instance.id, instance);
    }
    return rdsArn(state.owner, 'cluster', cluster.id);
  }

  function addSnapshot(target: SimulatedTarget, kind: SnapshotKind, seed: SnapshotSeed): string {
    const state = ctx.store.state(target);
    const takenAt = seed.takenAt ?? ctx.world.now();
    const sourceId = seed.sourceId.toLowerCase();
    const lifecycle = startedAs('available', takenAt);
    const options = { id: seed.id.toLowerCase(), type: 'manual' as const, at: takenAt, lifecycle, durationMs: 0 };
    const instance = kind === 'instance' ? state.instances.get(sourceId) : undefined;
    const cluster = kind === 'cluster' ? state.clusters.get(sourceId) : undefined;
    const base: SnapshotRecord = instance
      ? snapshotOf(state, { kind: 'instance', record: instance }, options)
      : cluster
        ? snapshotOf(state, { kind: 'cluster', record: cluster }, options)
        : orphanSnapshot(state, kind, seed, options);
    const encrypted = seed.encrypted ?? (seed.kmsKeyId !== undefined || base.encrypted);
    const keyId = seed.kmsKeyId ?? base.kmsKeyId;
    const snapshot: SnapshotRecord = {
      ...base,
      engine: seed.engine ?? base.engine,
      engineVersion: seed.engineVersion ?? base.engineVersion,
      allocatedStorage: seed.allocatedStorage ?? base.allocatedStorage,
      instanceClass: seed.instanceClass ?? base.instanceClass,
      encrypted,
      kmsKeyId: encrypted ? kmsKeyArn(state.owner, keyId ?? awsManagedKey(state.owner)) : undefined,
      tags: seed.tags ? tagsOf(seed.tags) : base.tags,
      sourceSnapshotArn: seed.copiedFrom,
    };
    state.snapshots(kind).set(snapshot.id, snapshot);
    const arn = rdsArn(state.owner, kind === 'instance' ? 'snapshot' : 'cluster-snapshot', snapshot.id);
    for (const accountId of seed.sharedWith ?? []) shareSnapshot(arn, accountId);
    return arn;
  }

  function addGlobalCluster(primary: SimulatedTarget, seed: GlobalClusterSeed): string {
    const source = ctx.store.state(primary).clusters.get(seed.primaryClusterId.toLowerCase());
    if (!source)
      throw new Error(`No cluster ${seed.primaryClusterId} in ${primary.region} to make a global database of`);
    const record: GlobalClusterRecord = {
      id: seed.id.toLowerCase(),
      accountId: primary.accountId,
      engine: source.engine,
      engineVersion: source.engineVersion,
      members: [{ target: primary, clusterId: source.id }],
      writer: 0,
    };
    for (const secondary of seed.secondaries) {
      const target = { accountId: primary.accountId, region: secondary.region };
      addCluster(target, { ...secondary.cluster, engine: source.engine, engineVersion: source.engineVersion });
      record.members.push({ target, clusterId: secondary.cluster.id.toLowerCase() });
    }
    ctx.store.globalClusters.set(`${record.accountId}/${record.id}`, record);
    markRoles(ctx, record);
    return record.id;
  }

  /** Shares a manual snapshot with another account, as ModifyDB[Cluster]SnapshotAttribute `restore` would. */
  function shareSnapshot(arn: string, withAccountId: string): void {
    const parsed = parseRdsArn(arn);
    const kind = parsed?.type === 'snapshot' ? 'instance' : parsed?.type === 'cluster-snapshot' ? 'cluster' : undefined;
    if (!parsed || !kind) throw new Error(`Not a snapshot ARN: ${arn}`);
    const snapshot = ctx.store.state(parsed).snapshots(kind).get(parsed.id);
    if (!snapshot) throw new Error(`No snapshot ${arn} to share`);
    if (snapshot.type !== 'manual') throw new Error(`AWS shares only manual snapshots; ${arn} is ${snapshot.type}`);
    if (snapshot.kmsKeyId === awsManagedKey(snapshot.owner)) {
      throw new Error(`${arn} is encrypted with the aws/rds key, which AWS does not let you share`);
    }
    snapshot.sharedWith.add(withAccountId);
  }

  /**
   * Starts cross-Region replication of a standalone instance's automated backups into
   * `destinationRegion` of the same account, replicated there since `since` (default: as far back
   * as the retention reaches), encrypted with `kmsKeyId`, a key of that region. Returns the ARN
   * a disaster-recovery restore names as SourceDBInstanceAutomatedBackupsArn.
   */
  function replicateAutomatedBackups(
    instanceArn: string,
    destinationRegion: string,
    options: { kmsKeyId?: string; since?: Date } = {},
  ): string {
    const parsed = parseRdsArn(instanceArn);
    const instance = parsed?.type === 'db' ? ctx.store.existing(parsed)?.instances.get(parsed.id) : undefined;
    if (!parsed || !instance) throw new Error(`No instance ${instanceArn} to replicate`);
    if (instance.clusterId || instance.backupRetentionDays <= 0) {
      throw new Error(`${instanceArn} has no automated backups of its own to replicate`);
    }
    const destination = ctx.store.state({ accountId: parsed.accountId, region: destinationRegion });
    const since =
      options.since ??
      new Date(
        Math.max(instance.createdAt.getTime(), ctx.world.now().getTime() - instance.backupRetentionDays * DAY_MS),
      );
    const kmsKeyId = options.kmsKeyId && kmsKeyArn(destination.owner, options.kmsKeyId);
    const backup = replicatedBackup(instance, parsed, destination.owner, { since, kmsKeyId });
    destination.replicatedBackups.set(backup.arn, backup);
    instance.backupReplications = [...(instance.backupReplications ?? []), backup.arn];
    return backup.arn;
  }

  /** A DB subnet group (RDS and DocumentDB) of the account's main VPC in that region. */
  function addSubnetGroup(target: SimulatedTarget, name: string): void {
    registerSubnetGroup(ctx.store.state(target), name);
  }

  return {
    replicateAutomatedBackups,
    addSubnetGroup,
    addInstance,
    addCluster,
    addGlobalCluster,
    addInstanceSnapshot: (target: SimulatedTarget, seed: SnapshotSeed) => addSnapshot(target, 'instance', seed),
    addClusterSnapshot: (target: SimulatedTarget, seed: SnapshotSeed) => addSnapshot(target, 'cluster', seed),
    shareSnapshot,
  };
}

/** A snapshot whose source is not (or no longer) in this account and region. */
function orphanSnapshot(
  state: RegionState,
  kind: SnapshotKind,
  seed: SnapshotSeed,
  options: { id: string; type: 'manual'; at: Date; lifecycle: SnapshotRecord['lifecycle'] },
): SnapshotRecord {
  const { engine, engineVersion } = seed;
  if (!engine || !engineVersion) {
    throw new Error(`Snapshot ${seed.id}: ${seed.sourceId} is not in this account, so give engine and engineVersion`);
  }
  const { owner } = state;
  return {
    kind,
    id: options.id,
    owner,
    createdAt: options.at,
    lifecycle: options.lifecycle,
    type: options.type,
    sourceId: seed.sourceId.toLowerCase(),
    sourceResourceId: resourceId(kind === 'instance' ? 'db' : 'cluster', owner.accountId, seed.sourceId),
    sourceCreatedAt: new Date(options.at.getTime() - 365 * DAY_MS),
    engine,
    engineVersion,
    port: defaultPort(engine),
    allocatedStorage: seed.allocatedStorage ?? 10,
    encrypted: seed.encrypted ?? seed.kmsKeyId !== undefined,
    vpcId: mainVpcId(owner),
    instanceClass: seed.instanceClass,
    backupRetentionDays: SEEDED_RETENTION_DAYS,
    tags: new Map(),
    sharedWith: new Set(),
  };
}
