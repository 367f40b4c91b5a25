import type { DBCluster, DBClusterSnapshot, DBInstance, DBSnapshot } from '@aws-sdk/client-rds';
import type { SimulatedTarget } from '../types.js';
import { endpointDomain, isAurora, licenseModel, masterUsername } from './engines.js';
import { type Lifecycle, statusAt } from './lifecycle.js';
import { DEFAULT_VPC_ID, endpointHash, rdsArn } from './names.js';
import { toTagList } from './query.js';
import type { ClusterRecord, InstanceRecord, RegionState, SnapshotRecord } from './records.js';

const DAY_MS = 24 * 60 * 60_000;
const HOSTED_ZONE_ID = 'Z29XKXDKYMONMX';
const BACKUP_WINDOW = '03:00-03:30';
const MAINTENANCE_WINDOW = 'sun:04:00-sun:04:30';

/** When a describe call looks: the instant, and how far LatestRestorableTime trails it. */
export interface View {
  now: Date;
  restoreLagMs: number;
}

export interface RestorableWindow {
  earliest: Date;
  latest: Date;
}

/**
 * The span a point-in-time restore may target, computed at read time: from the later of creation and
 * `now − retention`, to `now − lag`. None while the resource is being created or without backups.
 */
export function restorableWindow(
  record: { createdAt: Date; backupRetentionDays: number; lifecycle: Lifecycle },
  view: View,
): RestorableWindow | undefined {
  if (record.backupRetentionDays <= 0 || statusAt(record.lifecycle, view.now) === 'creating') return undefined;
  const now = view.now.getTime();
  const earliest = Math.max(record.createdAt.getTime(), now - record.backupRetentionDays * DAY_MS);
  return { earliest: new Date(earliest), latest: new Date(Math.max(earliest, now - view.restoreLagMs)) };
}

function availabilityZones(region: string): string[] {
  return [`${region}a`, `${region}b`, `${region}c`];
}

function securityGroups(ids: string[]) {
  return ids.map((id) => ({ VpcSecurityGroupId: id, Status: 'active' }));
}

export function instanceShape(state: RegionState, instance: InstanceRecord, view: View): DBInstance {
  const { owner } = state;
  const status = statusAt(instance.lifecycle, view.now);
  const window = instance.clusterId ? undefined : restorableWindow(instance, view);
  const host = `${instance.id}.${endpointHash(owner)}.${owner.region}.${endpointDomain(instance.engine)}`;
  return {
    DBInstanceIdentifier: instance.id,
    DBInstanceClass: instance.instanceClass,
    Engine: instance.engine,
    EngineVersion: instance.engineVersion,
    DBInstanceStatus: status,
    MasterUsername: masterUsername(instance.engine),
    // AWS has no endpoint to give until the instance has been created.
    Endpoint: status === 'creating' ? undefined : { Address: host, Port: instance.port, HostedZoneId: HOSTED_ZONE_ID },
    AllocatedStorage: instance.allocatedStorage,
    InstanceCreateTime: instance.createdAt,
    PreferredBackupWindow: BACKUP_WINDOW,
    BackupRetentionPeriod: instance.backupRetentionDays,
    DBSecurityGroups: [],
    VpcSecurityGroups: securityGroups(instance.securityGroupIds),
    DBParameterGroups: [{ DBParameterGroupName: instance.parameterGroup, ParameterApplyStatus: 'in-sync' }],
    AvailabilityZone: instance.availabilityZone,
    DBSubnetGroup: {
      DBSubnetGroupName: instance.subnetGroup,
      DBSubnetGroupDescription: instance.subnetGroup,
      VpcId: state.subnetGroups.get(instance.subnetGroup) ?? DEFAULT_VPC_ID,
      SubnetGroupStatus: 'Complete',
      Subnets: [],
    },
    PreferredMaintenanceWindow: MAINTENANCE_WINDOW,
    PendingModifiedValues: instance.pendingRename ? { DBInstanceIdentifier: instance.pendingRename } : {},
    LatestRestorableTime: window?.latest,
    MultiAZ: instance.multiAz,
    AutoMinorVersionUpgrade: true,
    ReadReplicaDBInstanceIdentifiers: [],
    LicenseModel: licenseModel(instance.engine),
    OptionGroupMemberships: instance.optionGroup ? [{ OptionGroupName: instance.optionGroup, Status: 'in-sync' }] : [],
    PubliclyAccessible: false,
    StorageType: instance.storageType,
    DbInstancePort: 0,
    DBClusterIdentifier: instance.clusterId,
    StorageEncrypted: instance.storageEncrypted,
    KmsKeyId: instance.kmsKeyId,
    DbiResourceId: instance.resourceId,
    DBInstanceAutomatedBackupsReplications: instance.backupReplications?.map((arn) => ({
      DBInstanceAutomatedBackupsArn: arn,
    })),
    CopyTagsToSnapshot: instance.copyTagsToSnapshot,
    PromotionTier: instance.clusterId ? instance.promotionTier : undefined,
    DBInstanceArn: rdsArn(owner, 'db', instance.id),
    DeletionProtection: instance.deletionProtection,
    TagList: toTagList(instance.tags),
  };
}

export function clusterShape(state: RegionState, cluster: ClusterRecord, view: View): DBCluster {
  const { owner } = state;
  const window = restorableWindow(cluster, view);
  const members = state.membersOf(cluster.id);
  const domain = `${endpointHash(owner)}.${owner.region}.${endpointDomain(cluster.engine)}`;
  return {
    AllocatedStorage: 1,
    AvailabilityZones: availabilityZones(owner.region),
    BackupRetentionPeriod: cluster.backupRetentionDays,
    DBClusterIdentifier: cluster.id,
    DBClusterParameterGroup: cluster.clusterParameterGroup,
    DBSubnetGroup: cluster.subnetGroup,
    Status: statusAt(cluster.lifecycle, view.now),
    EarliestRestorableTime: window?.earliest,
    Endpoint: `${cluster.id}.cluster-${domain}`,
    ReaderEndpoint: `${cluster.id}.cluster-ro-${domain}`,
    MultiAZ: members.length > 1,
    Engine: cluster.engine,
    EngineVersion: cluster.engineVersion,
    LatestRestorableTime: window?.latest,
    Port: cluster.port,
    MasterUsername: masterUsername(cluster.engine),
    DBClusterOptionGroupMemberships: [],
    PreferredBackupWindow: BACKUP_WINDOW,
    PreferredMaintenanceWindow: MAINTENANCE_WINDOW,
    ReadReplicaIdentifiers: [],
    DBClusterMembers: members.map((member, index) => ({
      DBInstanceIdentifier: member.id,
      IsClusterWriter: index === 0 && cluster.globalRole !== 'secondary',
      DBClusterParameterGroupStatus: 'in-sync',
      PromotionTier: member.promotionTier,
    })),
    VpcSecurityGroups: securityGroups(cluster.securityGroupIds),
    HostedZoneId: HOSTED_ZONE_ID,
    StorageEncrypted: cluster.storageEncrypted,
    KmsKeyId: cluster.kmsKeyId,
    DbClusterResourceId: cluster.resourceId,
    DBClusterArn: rdsArn(owner, 'cluster', cluster.id),
    AssociatedRoles: [],
    IAMDatabaseAuthenticationEnabled: false,
    CloneGroupId: cluster.cloneGroupId,
    GlobalClusterIdentifier: cluster.globalClusterId,
    ClusterCreateTime: cluster.createdAt,
    EngineMode: isAurora(cluster.engine) ? 'provisioned' : undefined,
    StorageType: cluster.storageType,
    DeletionProtection: cluster.deletionProtection,
    CopyTagsToSnapshot: cluster.copyTagsToSnapshot,
    PendingModifiedValues: cluster.pendingRename ? { DBClusterIdentifier: cluster.pendingRename } : undefined,
    TagList: toTagList(cluster.tags),
  };
}

/**
 * What `viewer` sees of a snapshot. Another account's snapshot shared with the viewer is of type
 * `shared`, is named by its ARN, and shows none of the owner's tags.
 */
function snapshotView(snapshot: SnapshotRecord, viewer: SimulatedTarget, now: Date) {
  const arn = rdsArn(snapshot.owner, snapshot.kind === 'instance' ? 'snapshot' : 'cluster-snapshot', snapshot.id);
  const shared = snapshot.owner.accountId !== viewer.accountId;
  const status = statusAt(snapshot.lifecycle, now);
  return {
    arn,
    identifier: shared ? arn : snapshot.id,
    type: shared ? 'shared' : snapshot.type,
    status,
    progress: status === 'available' ? 100 : 0,
    tags: shared ? [] : toTagList(snapshot.tags),
  };
}

export function instanceSnapshotShape(snapshot: SnapshotRecord, viewer: SimulatedTarget, now: Date): DBSnapshot {
  const view = snapshotView(snapshot, viewer, now);
  return {
    DBSnapshotIdentifier: view.identifier,
    DBInstanceIdentifier: snapshot.sourceId,
    SnapshotCreateTime: snapshot.createdAt,
    OriginalSnapshotCreateTime: snapshot.createdAt,
    Engine: snapshot.engine,
    AllocatedStorage: snapshot.allocatedStorage,
    Status: view.status,
    Port: snapshot.port,
    AvailabilityZone: `${snapshot.owner.region}a`,
    VpcId: snapshot.vpcId,
    InstanceCreateTime: snapshot.sourceCreatedAt,
    MasterUsername: masterUsername(snapshot.engine),
    EngineVersion: snapshot.engineVersion,
    LicenseModel: licenseModel(snapshot.engine),
    SnapshotType: view.type,
    OptionGroupName: snapshot.optionGroup,
    PercentProgress: view.progress,
    StorageType: snapshot.storageType,
    Encrypted: snapshot.encrypted,
    KmsKeyId: snapshot.kmsKeyId,
    DBSnapshotArn: view.arn,
    DbiResourceId: snapshot.sourceResourceId,
    SourceDBSnapshotIdentifier: snapshot.sourceSnapshotArn,
    TagList: view.tags,
  };
}

export function clusterSnapshotShape(snapshot: SnapshotRecord, viewer: SimulatedTarget, now: Date): DBClusterSnapshot {
  const view = snapshotView(snapshot, viewer, now);
  return {
    AvailabilityZones: availabilityZones(snapshot.owner.region),
    DBClusterSnapshotIdentifier: view.identifier,
    DBClusterIdentifier: snapshot.sourceId,
    SnapshotCreateTime: snapshot.createdAt,
    Engine: snapshot.engine,
    EngineMode: isAurora(snapshot.engine) ? 'provisioned' : undefined,
    AllocatedStorage: snapshot.allocatedStorage,
    Status: view.status,
    Port: snapshot.port,
    VpcId: snapshot.vpcId,
    ClusterCreateTime: snapshot.sourceCreatedAt,
    MasterUsername: masterUsername(snapshot.engine),
    EngineVersion: snapshot.engineVersion,
    LicenseModel: licenseModel(snapshot.engine),
    SnapshotType: view.type,
    PercentProgress: view.progress,
    StorageEncrypted: snapshot.encrypted,
    KmsKeyId: snapshot.kmsKeyId,
    DBClusterSnapshotArn: view.arn,
    SourceDBClusterSnapshotArn: snapshot.sourceSnapshotArn,
    IAMDatabaseAuthenticationEnabled: false,
    TagList: view.tags,
    StorageType: snapshot.storageType,
    DbClusterResourceId: snapshot.sourceResourceId,
  };
}
