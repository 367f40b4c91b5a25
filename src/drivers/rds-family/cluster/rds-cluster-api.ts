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
  RemoveTagsFromResourceCommand,
  RestoreDBClusterFromSnapshotCommand,
  RestoreDBClusterToPointInTimeCommand,
} from '@aws-sdk/client-rds';
import { regionLabel, requestIdOf } from '../aws-errors.js';
import { clusterPage, clusterSnapshotPage, instancePage } from '../describe-pages.js';
import { fromTagList, toTagList } from '../tags.js';
import type { ClusterApi } from './cluster-api.js';

/** Aurora's cluster calls: RDS takes every input field as given. */
export function createRdsClusterApi(rds: RDSClient): ClusterApi {
  return {
    service: 'Amazon RDS',
    region: () => regionLabel(rds.config),
    describeClusters: async (input) => clusterPage(await rds.send(new DescribeDBClustersCommand(input))),
    describeInstances: async (input) => instancePage(await rds.send(new DescribeDBInstancesCommand(input))),
    describeClusterSnapshots: async (input) =>
      clusterSnapshotPage(await rds.send(new DescribeDBClusterSnapshotsCommand(input))),
    async listTags(arn) {
      const output = await rds.send(new ListTagsForResourceCommand({ ResourceName: arn }));
      return fromTagList(output.TagList);
    },
    async addTags(arn, tags) {
      return requestIdOf(await rds.send(new AddTagsToResourceCommand({ ResourceName: arn, Tags: toTagList(tags) })));
    },
    async removeTags(arn, keys) {
      return requestIdOf(await rds.send(new RemoveTagsFromResourceCommand({ ResourceName: arn, TagKeys: keys })));
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
