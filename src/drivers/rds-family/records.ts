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

export function toClusterRecord(cluster: ClusterShape): ClusterRecord {
  return {
    identifier: cluster.DBClusterIdentifier ?? '',
    arn: cluster.DBClusterArn ?? '',
    status: cluster.Status ?? 'unknown',
    tags: tagsOrUndefined(cluster.TagList),
    engine: cluster.Engine ?? '',
    engineVersion: cluster.EngineVersion ?? '',
    members: (cluster.DBClusterMembers ?? []).flatMap((member) =>
      member.DBInstanceIdentifier
        ? [{ identifier: member.DBInstanceIdentifier, writer: member.IsClusterWriter === true }]
        : [],
    ),
    subnetGroup: cluster.DBSubnetGroup,
    securityGroupIds: securityGroupIds(cluster.VpcSecurityGroups),
    clusterParameterGroup: cluster.DBClusterParameterGroup,
    port: cluster.Port,
    endpoint: cluster.Endpoint,
    multiAz: cluster.MultiAZ,
    storageType: cluster.StorageType,
    encrypted: cluster.StorageEncrypted === true,
    kmsKeyId: cluster.KmsKeyId,
    deletionProtection: cluster.DeletionProtection === true,
    earliestRestorableTime: cluster.EarliestRestorableTime,
    latestRestorableTime: cluster.LatestRestorableTime,
    allocatedStorage: cluster.AllocatedStorage,
  };
}

export function toInstanceRecord(instance: InstanceShape): InstanceRecord {
  return {
    identifier: instance.DBInstanceIdentifier ?? '',
    arn: instance.DBInstanceArn ?? '',
    status: instance.DBInstanceStatus ?? 'unknown',
    tags: tagsOrUndefined(instance.TagList),
    engine: instance.Engine ?? '',
    engineVersion: instance.EngineVersion ?? '',
    instanceClass: instance.DBInstanceClass,
    clusterIdentifier: instance.DBClusterIdentifier,
    subnetGroup: instance.DBSubnetGroup?.DBSubnetGroupName,
    securityGroupIds: securityGroupIds(instance.VpcSecurityGroups),
    parameterGroup: instance.DBParameterGroups?.[0]?.DBParameterGroupName,
    optionGroup: instance.OptionGroupMemberships?.[0]?.OptionGroupName,
    port: instance.Endpoint?.Port ?? instance.DbInstancePort,
    endpoint: instance.Endpoint?.Address,
    multiAz: instance.MultiAZ,
    storageType: instance.StorageType,
    encrypted: instance.StorageEncrypted === true,
    kmsKeyId: instance.KmsKeyId,
    deletionProtection: instance.DeletionProtection === true,
    latestRestorableTime: instance.LatestRestorableTime,
    allocatedStorage: instance.AllocatedStorage,
    resourceId: instance.DbiResourceId,
  };
}

/** Shared snapshots are listed under their ARN; the record keeps the plain name as `identifier`. */
export function toClusterSnapshotRecord(snapshot: ClusterSnapshotShape): SnapshotRecord {
  return {
    identifier: resourceNameOf(snapshot.DBClusterSnapshotIdentifier ?? ''),
    arn: snapshot.DBClusterSnapshotArn ?? snapshot.DBClusterSnapshotIdentifier ?? '',
    status: snapshot.Status ?? 'unknown',
    tags: tagsOrUndefined(snapshot.TagList),
    sourceIdentifier: snapshot.DBClusterIdentifier ?? '',
    createdAt: snapshot.SnapshotCreateTime,
    engine: snapshot.Engine ?? '',
    engineVersion: snapshot.EngineVersion ?? '',
    snapshotType: snapshot.SnapshotType ?? 'manual',
    encrypted: snapshot.StorageEncrypted === true,
    kmsKeyId: snapshot.KmsKeyId,
    allocatedStorage: snapshot.AllocatedStorage,
  };
}

export function toInstanceSnapshotRecord(snapshot: InstanceSnapshotShape): SnapshotRecord {
  return {
    identifier: resourceNameOf(snapshot.DBSnapshotIdentifier ?? ''),
    arn: snapshot.DBSnapshotArn ?? snapshot.DBSnapshotIdentifier ?? '',
    status: snapshot.Status ?? 'unknown',
    tags: tagsOrUndefined(snapshot.TagList),
    sourceIdentifier: snapshot.DBInstanceIdentifier ?? '',
    createdAt: snapshot.SnapshotCreateTime,
    engine: snapshot.Engine ?? '',
    engineVersion: snapshot.EngineVersion ?? '',
    snapshotType: snapshot.SnapshotType ?? 'manual',
    encrypted: snapshot.Encrypted === true,
    kmsKeyId: snapshot.KmsKeyId,
    allocatedStorage: snapshot.AllocatedStorage,
  };
}
