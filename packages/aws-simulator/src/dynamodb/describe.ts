import type {
  BackupDescription,
  BackupDetails,
  BackupSummary,
  GlobalSecondaryIndexDescription,
  LocalSecondaryIndexDescription,
  ProvisionedThroughputDescription,
  TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { Capacity, StoredBackup, StoredIndex, StoredTable } from './state.js';

/** On-demand tables and their indexes report zero provisioned throughput, as AWS does. */
function throughput(capacity: Capacity | undefined): ProvisionedThroughputDescription {
  return {
    NumberOfDecreasesToday: 0,
    ReadCapacityUnits: capacity?.read ?? 0,
    WriteCapacityUnits: capacity?.write ?? 0,
  };
}

function globalIndex(table: StoredTable, index: StoredIndex): GlobalSecondaryIndexDescription {
  return {
    IndexName: index.name,
    KeySchema: index.keySchema,
    Projection: index.projection,
    IndexStatus: table.status === 'CREATING' ? 'CREATING' : 'ACTIVE',
    ProvisionedThroughput: throughput(index.capacity),
    IndexSizeBytes: Math.round(table.sizeBytes / 4),
    ItemCount: table.itemCount,
    IndexArn: `${table.arn}/index/${index.name}`,
  };
}

function localIndex(table: StoredTable, index: StoredIndex): LocalSecondaryIndexDescription {
  return {
    IndexName: index.name,
    KeySchema: index.keySchema,
    Projection: index.projection,
    IndexSizeBytes: Math.round(table.sizeBytes / 4),
    ItemCount: table.itemCount,
    IndexArn: `${table.arn}/index/${index.name}`,
  };
}

/** The table as DescribeTable reports it. */
export function describeTable(table: StoredTable): TableDescription {
  return {
    TableName: table.name,
    TableArn: table.arn,
    TableId: table.id,
    TableStatus: table.status,
    CreationDateTime: table.createdAt,
    KeySchema: table.keySchema,
    AttributeDefinitions: table.attributeDefinitions,
    ...(table.globalSecondaryIndexes.length > 0 && {
      GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((index) => globalIndex(table, index)),
    }),
    ...(table.localSecondaryIndexes.length > 0 && {
      LocalSecondaryIndexes: table.localSecondaryIndexes.map((index) => localIndex(table, index)),
    }),
    BillingModeSummary: {
      BillingMode: table.billingMode,
      ...(table.lastUpdateToPayPerRequest && { LastUpdateToPayPerRequestDateTime: table.lastUpdateToPayPerRequest }),
    },
    ProvisionedThroughput: throughput(table.capacity),
    ItemCount: table.itemCount,
    TableSizeBytes: table.sizeBytes,
    ...(table.stream?.enabled && {
      StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream.viewType },
    }),
    ...(table.stream && { LatestStreamArn: table.stream.arn, LatestStreamLabel: table.stream.label }),
    ...(table.kmsMasterKeyArn && {
      SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: table.kmsMasterKeyArn },
    }),
    TableClassSummary: { TableClass: table.tableClass },
    DeletionProtectionEnabled: table.deletionProtection,
    ...(table.replicaRegions && {
      GlobalTableVersion: '2019.11.21',
      Replicas: table.replicaRegions.map((RegionName) => ({ RegionName, ReplicaStatus: 'ACTIVE' as const })),
    }),
    ...(table.restore && {
      RestoreSummary: {
        ...(table.restore.sourceBackupArn && { SourceBackupArn: table.restore.sourceBackupArn }),
        ...(table.restore.sourceTableArn && { SourceTableArn: table.restore.sourceTableArn }),
        RestoreDateTime: table.restore.restoreDateTime,
        RestoreInProgress: table.status === 'CREATING',
      },
    }),
  };
}

export function backupStatus(backup: StoredBackup, now: Date): 'CREATING' | 'AVAILABLE' {
  return now.getTime() >= backup.availableAt.getTime() ? 'AVAILABLE' : 'CREATING';
}

export function backupDetails(backup: StoredBackup, now: Date): BackupDetails {
  return {
    BackupArn: backup.arn,
    BackupName: backup.name,
    BackupSizeBytes: backup.contents.sizeBytes,
    BackupStatus: backupStatus(backup, now),
    BackupType: backup.type,
    BackupCreationDateTime: backup.createdAt,
  };
}

export function backupSummary(backup: StoredBackup, now: Date): BackupSummary {
  return {
    TableName: backup.table.name,
    TableId: backup.table.id,
    TableArn: backup.table.arn,
    BackupArn: backup.arn,
    BackupName: backup.name,
    BackupCreationDateTime: backup.createdAt,
    BackupStatus: backupStatus(backup, now),
    BackupType: backup.type,
    BackupSizeBytes: backup.contents.sizeBytes,
  };
}

export function describeBackup(backup: StoredBackup, now: Date): BackupDescription {
  const { contents, features } = backup;
  return {
    BackupDetails: backupDetails(backup, now),
    SourceTableDetails: {
      TableName: backup.table.name,
      TableId: backup.table.id,
      TableArn: backup.table.arn,
      TableSizeBytes: contents.sizeBytes,
      KeySchema: contents.keySchema,
      TableCreationDateTime: backup.table.createdAt,
      ProvisionedThroughput: {
        ReadCapacityUnits: contents.capacity?.read ?? 0,
        WriteCapacityUnits: contents.capacity?.write ?? 0,
      },
      ItemCount: contents.itemCount,
      BillingMode: contents.billingMode,
    },
    SourceTableFeatureDetails: {
      ...(contents.globalSecondaryIndexes.length > 0 && {
        GlobalSecondaryIndexes: contents.globalSecondaryIndexes.map((index) => ({
          IndexName: index.name,
          KeySchema: index.keySchema,
          Projection: index.projection,
          ...(index.capacity && {
            ProvisionedThroughput: { ReadCapacityUnits: index.capacity.read, WriteCapacityUnits: index.capacity.write },
          }),
        })),
      }),
      ...(contents.localSecondaryIndexes.length > 0 && {
        LocalSecondaryIndexes: contents.localSecondaryIndexes.map((index) => ({
          IndexName: index.name,
          KeySchema: index.keySchema,
          Projection: index.projection,
        })),
      }),
      ...(features.streamViewType && {
        StreamDescription: { StreamEnabled: true, StreamViewType: features.streamViewType },
      }),
      TimeToLiveDescription: features.ttlAttribute
        ? { TimeToLiveStatus: 'ENABLED', AttributeName: features.ttlAttribute }
        : { TimeToLiveStatus: 'DISABLED' },
      ...(contents.kmsMasterKeyArn && {
        SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: contents.kmsMasterKeyArn },
      }),
    },
  };
}
