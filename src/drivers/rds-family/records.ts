import { resourceNameOf } from './arn.js';
import { fromTagList, type TagShape } from './tags.js';

/*
 * RDS and DocumentDB return the same structures under the same names; DocumentDB's are a
 * subset (no TagList, no DB parameter groups on instances). These shapes list only what the
 * drivers read, so both SDKs' outputs fit them and one mapper serves both services.
 */

interface SecurityGroupShape {
  VpcSecurityGroupId?: string | undefined;
}

export interface ClusterShape {
  DBClusterIdentifier?: string | undefined;
  DBClusterArn?: string | undefined;
  Status?: string | undefined;
  Engine?: string | undefined;
  EngineVersion?: string | undefined;
  DBClusterMembers?: { DBInstanceIdentifier?: string | undefined; IsClusterWriter?: boolean | undefined }[] | undefined;
  DBSubnetGroup?: string | undefined;
  VpcSecurityGroups?: SecurityGroupShape[] | undefined;
  DBClusterParameterGroup?: string | undefined;
  Port?: number | undefined;
  Endpoint?: string | undefined;
  MultiAZ?: boolean | undefined;
  StorageType?: string | undefined;
  StorageEncrypted?: boolean | undefined;
  KmsKeyId?: string | undefined;
  DeletionProtection?: boolean | undefined;
  TagList?: TagShape[] | undefined;
  EarliestRestorableTime?: Date | undefined;
  LatestRestorableTime?: Date | undefined;
  AllocatedStorage?: number | undefined;
  PendingModifiedValues?: { DBClusterIdentifier?: string | undefined } | undefined;
}

export interface InstanceShape {
  DBInstanceIdentifier?: string | undefined;
  DBInstanceArn?: string | undefined;
  DBInstanceStatus?: string | undefined;
  Engine?: string | undefined;
  EngineVersion?: string | undefined;
  DBInstanceClass?: string | undefined;
  DBClusterIdentifier?: string | undefined;
  DBSubnetGroup?: { DBSubnetGroupName?: string | undefined } | undefined;
  VpcSecurityGroups?: SecurityGroupShape[] | undefined;
  DBParameterGroups?: { DBParameterGroupName?: string | undefined }[] | undefined;
  OptionGroupMemberships?: { OptionGroupName?: string | undefined }[] | undefined;
  Endpoint?: { Address?: string | undefined; Port?: number | undefined } | undefined;
  DbInstancePort?: number | undefined;
  MultiAZ?: boolean | undefined;
  StorageType?: string | undefined;
  StorageEncrypted?: boolean | undefined;
  KmsKeyId?: string | undefined;
  DeletionProtection?: boolean | undefined;
  TagList?: TagShape[] | undefined;
  LatestRestorableTime?: Date | undefined;
  AllocatedStorage?: number | undefined;
  DbiResourceId?: string | undefined;
  PendingModifiedValues?: { DBInstanceIdentifier?: string | undefined } | undefined;
}

export interface ClusterSnapshotShape {
  DBClusterSnapshotIdentifier?: string | undefined;
  DBClusterSnapshotArn?: string | undefined;
  DBClusterIdentifier?: string | undefined;
  SnapshotCreateTime?: Date | undefined;
  Status?: string | undefined;
  Engine?: string | undefined;
  EngineVersion?: string | undefined;
  SnapshotType?: string | undefined;
  StorageEncrypted?: boolean | undefined;
  KmsKeyId?: string | undefined;
  AllocatedStorage?: number | undefined;
  TagList?: TagShape[] | undefined;
}

export interface InstanceSnapshotShape {
  DBSnapshotIdentifier?: string | undefined;
  DBSnapshotArn?: string | undefined;
  DBInstanceIdentifier?: string | undefined;
  SnapshotCreateTime?: Date | undefined;
  Status?: string | undefined;
  Engine?: string | undefined;
  EngineVersion?: string | undefined;
  SnapshotType?: string | undefined;
  Encrypted?: boolean | undefined;
  KmsKeyId?: string | undefined;
  AllocatedStorage?: number | undefined;
  TagList?: TagShape[] | undefined;
}

/** What every described resource has. `tags` is undefined when the API does not return them (DocumentDB). */
export interface ResourceRecord {
  identifier: string;
  arn: string;
  status: string;
  tags?: Record<string, string> | undefined;
}

/** What a validation compares, the same for instances and clusters. */
export interface DatabaseRecord extends ResourceRecord {
  engine: string;
  engineVersion: string;
  subnetGroup?: string | undefined;
  securityGroupIds: string[];
  port?: number | undefined;
  endpoint?: string | undefined;
  multiAz?: boolean | undefined;
  storageType?: string | undefined;
  encrypted: boolean;
  kmsKeyId?: string | undefined;
  deletionProtection: boolean;
  allocatedStorage?: number | undefined;
  /** The new name of a rename AWS has accepted but not begun (the status still reads `available`). */
  pendingIdentifier?: string | undefined;
}

export interface InstanceRecord extends DatabaseRecord {
  instanceClass?: string | undefined;
  clusterIdentifier?: string | undefined;
  parameterGroup?: string | undefined;
  optionGroup?: string | undefined;
  latestRestorableTime?: Date | undefined;
  resourceId?: string | undefined;
}

export interface ClusterMemberRecord {
  identifier: string;
  writer: boolean;
}

export interface ClusterRecord extends DatabaseRecord {
  members: ClusterMemberRecord[];
  clusterParameterGroup?: string | undefined;
  earliestRestorableTime?: Date | undefined;
  latestRestorableTime?: Date | undefined;
}

export interface SnapshotRecord extends ResourceRecord {
  sourceIdentifier: string;
  createdAt?: Date | undefined;
  engine: string;
  engineVersion: string;
  /** `automated`, `manual`, `shared`, `awsbackup`, ... */
  snapshotType: string;
  encrypted: boolean;
  kmsKeyId?: string | undefined;
  allocatedStorage?: number | undefined;
}

function securityGroupIds(groups: SecurityGroupShape[] | undefined): string[] {
  return (groups ?? []).flatMap((group) => (group.VpcSecurityGroupId ? [group.VpcSecurityGroupId] : []));
}

function tagsOrUndefined(list: TagShape[] | undefined): Record<string, string> | undefined {
  return list === undefined ? undefined : fromTagList(list);
}

/** The fields clusters and instances return under the same names, mapped the same way. */
function databaseFields(database: ClusterShape | InstanceShape) {
  return {
    tags: tagsOrUndefined(database.TagList),
    engine: database.Engine ?? '',
    engineVersion: database.EngineVersion ?? '',
    securityGroupIds: securityGroupIds(database.VpcSecurityGroups),
    multiAz: database.MultiAZ,
    storageType: database.StorageType,
    encrypted: database.StorageEncrypted === true,
    kmsKeyId: database.KmsKeyId,
    deletionProtection: database.DeletionProtection === true,
    allocatedStorage: database.AllocatedStorage,
  };
}

export function toClusterRecord(cluster: ClusterShape): ClusterRecord {
  return {
    ...databaseFields(cluster),
    identifier: cluster.DBClusterIdentifier ?? '',
    arn: cluster.DBClusterArn ?? '',
    status: cluster.Status ?? 'unknown',
    pendingIdentifier: cluster.PendingModifiedValues?.DBClusterIdentifier,
    members: (cluster.DBClusterMembers ?? []).flatMap((member) =>
      member.DBInstanceIdentifier
        ? [{ identifier: member.DBInstanceIdentifier, writer: member.IsClusterWriter === true }]
        : [],
    ),
    subnetGroup: cluster.DBSubnetGroup,
    clusterParameterGroup: cluster.DBClusterParameterGroup,
    port: cluster.Port,
    endpoint: cluster.Endpoint,
    earliestRestorableTime: cluster.EarliestRestorableTime,
    latestRestorableTime: cluster.LatestRestorableTime,
  };
}

export function toInstanceRecord(instance: InstanceShape): InstanceRecord {
  return {
    ...databaseFields(instance),
    identifier: instance.DBInstanceIdentifier ?? '',
    arn: instance.DBInstanceArn ?? '',
    status: instance.DBInstanceStatus ?? 'unknown',
    pendingIdentifier: instance.PendingModifiedValues?.DBInstanceIdentifier,
    instanceClass: instance.DBInstanceClass,
    clusterIdentifier: instance.DBClusterIdentifier,
    subnetGroup: instance.DBSubnetGroup?.DBSubnetGroupName,
    parameterGroup: instance.DBParameterGroups?.[0]?.DBParameterGroupName,
    optionGroup: instance.OptionGroupMemberships?.[0]?.OptionGroupName,
    port: instance.Endpoint?.Port ?? instance.DbInstancePort,
    endpoint: instance.Endpoint?.Address,
    latestRestorableTime: instance.LatestRestorableTime,
    resourceId: instance.DbiResourceId,
  };
}

/** The fields whose names differ between the two snapshot kinds, already read from the snapshot. */
interface NamedSnapshotFields {
  listedIdentifier: string | undefined;
  arn: string | undefined;
  sourceIdentifier: string | undefined;
  encrypted: boolean | undefined;
}

/** Shared snapshots are listed under their ARN; the record keeps the plain name as `identifier`. */
function toSnapshotRecord(
  snapshot: ClusterSnapshotShape | InstanceSnapshotShape,
  named: NamedSnapshotFields,
): SnapshotRecord {
  return {
    identifier: resourceNameOf(named.listedIdentifier ?? ''),
    arn: named.arn ?? named.listedIdentifier ?? '',
    status: snapshot.Status ?? 'unknown',
    tags: tagsOrUndefined(snapshot.TagList),
    sourceIdentifier: named.sourceIdentifier ?? '',
    createdAt: snapshot.SnapshotCreateTime,
    engine: snapshot.Engine ?? '',
    engineVersion: snapshot.EngineVersion ?? '',
    snapshotType: snapshot.SnapshotType ?? 'manual',
    encrypted: named.encrypted === true,
    kmsKeyId: snapshot.KmsKeyId,
    allocatedStorage: snapshot.AllocatedStorage,
  };
}

export function toClusterSnapshotRecord(snapshot: ClusterSnapshotShape): SnapshotRecord {
  return toSnapshotRecord(snapshot, {
    listedIdentifier: snapshot.DBClusterSnapshotIdentifier,
    arn: snapshot.DBClusterSnapshotArn,
    sourceIdentifier: snapshot.DBClusterIdentifier,
    encrypted: snapshot.StorageEncrypted,
  });
}

export function toInstanceSnapshotRecord(snapshot: InstanceSnapshotShape): SnapshotRecord {
  return toSnapshotRecord(snapshot, {
    listedIdentifier: snapshot.DBSnapshotIdentifier,
    arn: snapshot.DBSnapshotArn,
    sourceIdentifier: snapshot.DBInstanceIdentifier,
    encrypted: snapshot.Encrypted,
  });
}
