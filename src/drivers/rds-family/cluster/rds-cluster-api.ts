import {
  AddTagsToResourceCommand,
  CopyDBClusterSnapshotCommand,
  CreateDBInstanceCommand,
  DeleteDBClusterCommand,
  DeleteDBInstanceCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  ListTagsForResourceCommand,
  ModifyDBClusterCommand,
  type RDSClient,
  RestoreDBClusterFromSnapshotCommand,
  RestoreDBClusterToPointInTimeCommand,
} from '@aws-sdk/client-rds';
import { regionLabel, requestIdOf } from '../aws-errors.js';
import { toClusterRecord, toClusterSnapshotRecord, toInstanceRecord } from '../records.js';
import { fromTagList, toTagList } from '../tags.js';
import type { ClusterApi } from './cluster-api.js';

/** Aurora's cluster calls: RDS takes every input field as given. */
export function createRdsClusterApi(rds: RDSClient): ClusterApi {
  return {
    service: 'Amazon RDS',
    region: () => regionLabel(rds.config),
    async describeClusters(input) {
      const output = await rds.send(new DescribeDBClustersCommand(input));
      return { items: (output.DBClusters ?? []).map(toClusterRecord), marker: output.Marker };
    },
    async describeInstances(input) {
      const output = await rds.send(new DescribeDBInstancesCommand(input));
      return { items: (output.DBInstances ?? []).map(toInstanceRecord), marker: output.Marker };
    },
    async describeClusterSnapshots(input) {
      const output = await rds.send(new DescribeDBClusterSnapshotsCommand(input));
      return { items: (output.DBClusterSnapshots ?? []).map(toClusterSnapshotRecord), marker: output.Marker };
    },
    async listTags(arn) {
      const output = await rds.send(new ListTagsForResourceCommand({ ResourceName: arn }));
      return fromTagList(output.TagList);
    },
    async addTags(arn, tags) {
      return requestIdOf(await rds.send(new AddTagsToResourceCommand({ ResourceName: arn, Tags: toTagList(tags) })));
    },
    restoreFromSnapshot: async (input) => requestIdOf(await rds.send(new RestoreDBClusterFromSnapshotCommand(input))),
    restoreToPointInTime: async (input) => requestIdOf(await rds.send(new RestoreDBClusterToPointInTimeCommand(input))),
    copyClusterSnapshot: async (input) => requestIdOf(await rds.send(new CopyDBClusterSnapshotCommand(input))),
    createInstance: async (input) => requestIdOf(await rds.send(new CreateDBInstanceCommand(input))),
    modifyCluster: async (input) => requestIdOf(await rds.send(new ModifyDBClusterCommand(input))),
    deleteInstance: async (input) => requestIdOf(await rds.send(new DeleteDBInstanceCommand(input))),
    deleteCluster: async (input) => requestIdOf(await rds.send(new DeleteDBClusterCommand(input))),
  };
}
