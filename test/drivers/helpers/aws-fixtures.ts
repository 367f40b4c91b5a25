import type * as docdb from '@aws-sdk/client-docdb';
import type * as rds from '@aws-sdk/client-rds';
import { ACCOUNT, KMS_KEY, REGION } from './plan-builder.js';

/*
 * Response items shaped like AWS's: the fields RDS and DocumentDB really return (trimmed of
 * those the drivers never read), so a mapping bug shows as a failed test, not a fixture quirk.
 */

const arn = (type: string, name: string, account = ACCOUNT) => `arn:aws:rds:${REGION}:${account}:${type}:${name}`;

/** An error as the SDK raises it: drivers compare `name`, so a plain Error with AWS's name is enough. */
export function awsError(name: string, message = `${name}: simulated`): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

export function rdsInstance(identifier: string, overrides: Partial<rds.DBInstance> = {}): rds.DBInstance {
  return {
    DBInstanceIdentifier: identifier,
    DBInstanceArn: arn('db', identifier),
    DBInstanceClass: 'db.r6g.large',
    Engine: 'postgres',
    EngineVersion: '16.3',
    DBInstanceStatus: 'available',
    Endpoint: {
      Address: `${identifier}.c9akciq32.${REGION}.rds.amazonaws.com`,
      Port: 5432,
      HostedZoneId: 'Z29XKXDKYMONMX',
    },
    AllocatedStorage: 200,
    InstanceCreateTime: new Date('2023-01-10T12:00:00Z'),
    BackupRetentionPeriod: 7,
    VpcSecurityGroups: [
      { VpcSecurityGroupId: 'sg-0a1b2c3d4e5f60718', Status: 'active' },
      { VpcSecurityGroupId: 'sg-0f1e2d3c4b5a69788', Status: 'active' },
    ],
    DBParameterGroups: [{ DBParameterGroupName: 'billing-pg16', ParameterApplyStatus: 'in-sync' }],
    DBSubnetGroup: { DBSubnetGroupName: 'db-private', VpcId: 'vpc-0123456789abcdef0', SubnetGroupStatus: 'Complete' },
    OptionGroupMemberships: [{ OptionGroupName: 'default:postgres-16', Status: 'in-sync' }],
    MultiAZ: true,
    StorageType: 'gp3',
    StorageEncrypted: true,
    KmsKeyId: KMS_KEY,
    DbiResourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY',
    DeletionProtection: true,
    LatestRestorableTime: new Date('2024-06-01T08:55:00Z'),
    DbInstancePort: 0,
    TagList: [
      { Key: 'team', Value: 'payments' },
      { Key: 'cost-center', Value: 'cc-42' },
    ],
    ...overrides,
  };
}

/** An instance inside a cluster, as DescribeDBInstances returns Aurora writers. */
export function auroraInstance(
  identifier: string,
  cluster: string,
  overrides: Partial<rds.DBInstance> = {},
): rds.DBInstance {
  return rdsInstance(identifier, {
    DBInstanceClass: 'db.r6g.xlarge',
    Engine: 'aurora-postgresql',
    EngineVersion: '15.4',
    DBClusterIdentifier: cluster,
    DBParameterGroups: [{ DBParameterGroupName: 'orders-aurora-pg15', ParameterApplyStatus: 'in-sync' }],
    OptionGroupMemberships: [{ OptionGroupName: 'default:aurora-postgresql-15', Status: 'in-sync' }],
    MultiAZ: false,
    StorageType: 'aurora',
    AllocatedStorage: 1,
    DeletionProtection: false,
    TagList: [],
    ...overrides,
  });
}

export function auroraCluster(identifier: string, overrides: Partial<rds.DBCluster> = {}): rds.DBCluster {
  return {
    DBClusterIdentifier: identifier,
    DBClusterArn: arn('cluster', identifier),
    Status: 'available',
    Engine: 'aurora-postgresql',
    EngineVersion: '15.4',
    EngineMode: 'provisioned',
    AllocatedStorage: 1,
    AvailabilityZones: [`${REGION}a`, `${REGION}b`, `${REGION}c`],
    BackupRetentionPeriod: 7,
    DBClusterParameterGroup: 'orders-cluster-pg15',
    DBSubnetGroup: 'db-private',
    EarliestRestorableTime: new Date('2024-05-25T00:00:00Z'),
    LatestRestorableTime: new Date('2024-06-01T08:55:00Z'),
    Endpoint: `${identifier}.cluster-c9akciq32.${REGION}.rds.amazonaws.com`,
    ReaderEndpoint: `${identifier}.cluster-ro-c9akciq32.${REGION}.rds.amazonaws.com`,
    MultiAZ: true,
    Port: 5432,
    MasterUsername: 'postgres',
    DBClusterMembers: [
      { DBInstanceIdentifier: `${identifier}-instance-1`, IsClusterWriter: true, PromotionTier: 1 },
      { DBInstanceIdentifier: `${identifier}-instance-2`, IsClusterWriter: false, PromotionTier: 1 },
    ],
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0a1b2c3d4e5f60718', Status: 'active' }],
    StorageEncrypted: true,
    KmsKeyId: KMS_KEY,
    DbClusterResourceId: 'cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    DeletionProtection: true,
    StorageType: 'aurora',
    TagList: [{ Key: 'team', Value: 'orders' }],
    ...overrides,
  };
}

/** DocumentDB's DBCluster: no TagList (tags come from ListTagsForResource), no AllocatedStorage. */
export function docdbCluster(identifier: string, overrides: Partial<docdb.DBCluster> = {}): docdb.DBCluster {
  return {
    DBClusterIdentifier: identifier,
    DBClusterArn: arn('cluster', identifier),
    Status: 'available',
    Engine: 'docdb',
    EngineVersion: '5.0.0',
    AvailabilityZones: [`${REGION}a`, `${REGION}b`, `${REGION}c`],
    BackupRetentionPeriod: 7,
    DBClusterParameterGroup: 'catalog-docdb5',
    DBSubnetGroup: 'db-private',
    EarliestRestorableTime: new Date('2024-05-25T00:00:00Z'),
    LatestRestorableTime: new Date('2024-06-01T08:55:00Z'),
    Endpoint: `${identifier}.cluster-c9akciq32.${REGION}.docdb.amazonaws.com`,
    ReaderEndpoint: `${identifier}.cluster-ro-c9akciq32.${REGION}.docdb.amazonaws.com`,
    MultiAZ: false,
    Port: 27017,
    MasterUsername: 'docdbadmin',
    DBClusterMembers: [{ DBInstanceIdentifier: `${identifier}-1`, IsClusterWriter: true, PromotionTier: 1 }],
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0c0c0c0c0c0c0c0c0', Status: 'active' }],
    StorageEncrypted: true,
    KmsKeyId: KMS_KEY,
    DbClusterResourceId: 'cluster-DOCDBABCDEFGHIJKLMNOPQRST',
    DeletionProtection: false,
    StorageType: 'standard',
    ...overrides,
  };
}

export function docdbInstance(
  identifier: string,
  cluster: string,
  overrides: Partial<docdb.DBInstance> = {},
): docdb.DBInstance {
  return {
    DBInstanceIdentifier: identifier,
    DBInstanceArn: arn('db', identifier),
    DBInstanceClass: 'db.r6g.large',
    Engine: 'docdb',
    EngineVersion: '5.0.0',
    DBInstanceStatus: 'available',
    Endpoint: { Address: `${identifier}.c9akciq32.${REGION}.docdb.amazonaws.com`, Port: 27017 },
    DBClusterIdentifier: cluster,
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0c0c0c0c0c0c0c0c0', Status: 'active' }],
    DBSubnetGroup: { DBSubnetGroupName: 'db-private', VpcId: 'vpc-0123456789abcdef0' },
    StorageEncrypted: true,
    KmsKeyId: KMS_KEY,
    PromotionTier: 1,
    ...overrides,
  };
}

export function clusterSnapshot(
  identifier: string,
  overrides: Partial<rds.DBClusterSnapshot> = {},
): rds.DBClusterSnapshot {
  return {
    DBClusterSnapshotIdentifier: identifier,
    DBClusterSnapshotArn: arn('cluster-snapshot', identifier),
    DBClusterIdentifier: 'orders',
    SnapshotCreateTime: new Date('2024-05-31T03:00:00Z'),
    Engine: 'aurora-postgresql',
    EngineVersion: '15.4',
    AllocatedStorage: 120,
    Status: 'available',
    Port: 0,
    VpcId: 'vpc-0123456789abcdef0',
    SnapshotType: 'automated',
    PercentProgress: 100,
    StorageEncrypted: true,
    KmsKeyId: KMS_KEY,
    TagList: [],
    ...overrides,
  };
}

export function dbSnapshot(identifier: string, overrides: Partial<rds.DBSnapshot> = {}): rds.DBSnapshot {
  return {
    DBSnapshotIdentifier: identifier,
    DBSnapshotArn: arn('snapshot', identifier),
    DBInstanceIdentifier: 'billing-db',
    SnapshotCreateTime: new Date('2024-05-31T03:00:00Z'),
    Engine: 'postgres',
    EngineVersion: '16.3',
    AllocatedStorage: 200,
    Status: 'available',
    Port: 5432,
    SnapshotType: 'automated',
    Encrypted: true,
    KmsKeyId: KMS_KEY,
    PercentProgress: 100,
    StorageType: 'gp3',
    TagList: [],
    ...overrides,
  };
}
