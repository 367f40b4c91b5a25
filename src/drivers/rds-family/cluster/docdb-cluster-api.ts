import {
  AddTagsToResourceCommand,
  CopyDBClusterSnapshotCommand,
  CreateDBInstanceCommand,
  DeleteDBClusterCommand,
  DeleteDBInstanceCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  type DocDBClient,
  ListTagsForResourceCommand,
  ModifyDBClusterCommand,
  RemoveTagsFromResourceCommand,
  RestoreDBClusterFromSnapshotCommand,
  RestoreDBClusterToPointInTimeCommand,
} from '@aws-sdk/client-docdb';
import { regionLabel, requestIdOf } from '../aws-errors.js';
import { clusterPage, clusterSnapshotPage, instancePage } from '../describe-pages.js';
import { fromTagList, toTagList } from '../tags.js';
import type { ClusterApi } from './cluster-api.js';

/**
 * Keeps the fields DocumentDB's operation takes. A set field outside `fields` is a bug in the
 * caller (an Aurora-only setting reaching DocumentDB): it throws instead of vanishing, since the
 * SDK would serialize only the fields it knows and the restore would silently lack the setting.
 */
function narrow<T extends object, K extends keyof T & string>(
  operation: string,
  input: T,
  fields: readonly K[],
): Pick<T, K> {
  const allowed: readonly string[] = fields;
  const picked: Partial<Pick<T, K>> = {};
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (!allowed.includes(field)) throw new Error(`Amazon DocumentDB's ${operation} takes no ${field}.`);
  }
  for (const field of fields) {
    if (input[field] !== undefined) picked[field] = input[field];
  }
  return picked as Pick<T, K>;
}

const DESCRIBE = ['Filters', 'MaxRecords', 'Marker'] as const;

/** DocumentDB's cluster calls, through @aws-sdk/client-docdb. */
export function createDocdbClusterApi(docdb: DocDBClient): ClusterApi {
  return {
    service: 'Amazon DocumentDB',
    region: () => regionLabel(docdb.config),
    async describeClusters(input) {
      const request = narrow('DescribeDBClusters', input, ['DBClusterIdentifier', ...DESCRIBE]);
      return clusterPage(await docdb.send(new DescribeDBClustersCommand(request)));
    },
    async describeInstances(input) {
      const request = narrow('DescribeDBInstances', input, ['DBInstanceIdentifier', ...DESCRIBE]);
      return instancePage(await docdb.send(new DescribeDBInstancesCommand(request)));
    },
    async describeClusterSnapshots(input) {
      const request = narrow('DescribeDBClusterSnapshots', input, [
        'DBClusterIdentifier',
        'DBClusterSnapshotIdentifier',
        'SnapshotType',
        'IncludeShared',
        'IncludePublic',
        ...DESCRIBE,
      ]);
      return clusterSnapshotPage(await docdb.send(new DescribeDBClusterSnapshotsCommand(request)));
    },
    async listTags(arn) {
      const output = await docdb.send(new ListTagsForResourceCommand({ ResourceName: arn }));
      return fromTagList(output.TagList);
    },
    async addTags(arn, tags) {
      return requestIdOf(await docdb.send(new AddTagsToResourceCommand({ ResourceName: arn, Tags: toTagList(tags) })));
    },
    async removeTags(arn, keys) {
      return requestIdOf(await docdb.send(new RemoveTagsFromResourceCommand({ ResourceName: arn, TagKeys: keys })));
    },
    async restoreFromSnapshot(input) {
      const request = narrow('RestoreDBClusterFromSnapshot', input, [
        'DBClusterIdentifier',
        'SnapshotIdentifier',
        'Engine',
        'EngineVersion',
        'Port',
        'DBSubnetGroupName',
        'VpcSecurityGroupIds',
        'DBClusterParameterGroupName',
        'KmsKeyId',
        'StorageType',
        'DeletionProtection',
        'Tags',
      ]);
      return requestIdOf(await docdb.send(new RestoreDBClusterFromSnapshotCommand(request)));
    },
    async restoreToPointInTime(input) {
      const request = narrow('RestoreDBClusterToPointInTime', input, [
        'DBClusterIdentifier',
        'SourceDBClusterIdentifier',
        'RestoreType',
        'RestoreToTime',
        'UseLatestRestorableTime',
        'Port',
        'DBSubnetGroupName',
        'VpcSecurityGroupIds',
        'KmsKeyId',
        'StorageType',
        'DeletionProtection',
        'Tags',
      ]);
      // DocumentDB requires the source cluster (RDS can name it by resource id instead).
      const command = new RestoreDBClusterToPointInTimeCommand({
        ...request,
        SourceDBClusterIdentifier: input.SourceDBClusterIdentifier,
      });
      return requestIdOf(await docdb.send(command));
    },
    async copyClusterSnapshot(input) {
      const request = narrow('CopyDBClusterSnapshot', input, [
        'SourceDBClusterSnapshotIdentifier',
        'TargetDBClusterSnapshotIdentifier',
        'KmsKeyId',
        'CopyTags',
        'Tags',
      ]);
      return requestIdOf(await docdb.send(new CopyDBClusterSnapshotCommand(request)));
    },
    async createInstance(input) {
      const request = narrow('CreateDBInstance', input, [
        'DBInstanceIdentifier',
        'DBInstanceClass',
        'Engine',
        'DBClusterIdentifier',
        'Tags',
      ]);
      // Every DocumentDB instance belongs to a cluster; RDS makes that optional.
      const command = new CreateDBInstanceCommand({ ...request, DBClusterIdentifier: input.DBClusterIdentifier });
      return requestIdOf(await docdb.send(command));
    },
    async modifyCluster(input) {
      const request = narrow('ModifyDBCluster', input, [
        'DBClusterIdentifier',
        'NewDBClusterIdentifier',
        'ApplyImmediately',
        'DBClusterParameterGroupName',
        'DeletionProtection',
      ]);
      return requestIdOf(await docdb.send(new ModifyDBClusterCommand(request)));
    },
    async deleteInstance(input) {
      const request = narrow('DeleteDBInstance', input, ['DBInstanceIdentifier']);
      return requestIdOf(await docdb.send(new DeleteDBInstanceCommand(request)));
    },
    async deleteCluster(input) {
      const request = narrow('DeleteDBCluster', input, [
        'DBClusterIdentifier',
        'SkipFinalSnapshot',
        'FinalDBSnapshotIdentifier',
      ]);
      return requestIdOf(await docdb.send(new DeleteDBClusterCommand(request)));
    },
  };
}
