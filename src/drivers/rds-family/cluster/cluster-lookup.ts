import { undefinedIfNotFound } from '../aws-errors.js';
import type { ClusterRecord, InstanceRecord, ResourceRecord, SnapshotRecord } from '../records.js';
import type { ClusterApi } from './cluster-api.js';

/** The cluster named `identifier`, whatever its engine, or `undefined`. */
export function findCluster(api: ClusterApi, identifier: string): Promise<ClusterRecord | undefined> {
  return undefinedIfNotFound(
    'DBClusterNotFoundFault',
    async () => (await api.describeClusters({ DBClusterIdentifier: identifier })).items[0],
  );
}

export function findInstance(api: ClusterApi, identifier: string): Promise<InstanceRecord | undefined> {
  return undefinedIfNotFound(
    'DBInstanceNotFoundFault',
    async () => (await api.describeInstances({ DBInstanceIdentifier: identifier })).items[0],
  );
}

export function findClusterSnapshot(api: ClusterApi, identifier: string): Promise<SnapshotRecord | undefined> {
  return undefinedIfNotFound(
    'DBClusterSnapshotNotFoundFault',
    async () => (await api.describeClusterSnapshots({ DBClusterSnapshotIdentifier: identifier })).items[0],
  );
}

/** RDS describes carry TagList; DocumentDB's do not, so its tags take a ListTagsForResource call. */
export async function tagsOf(api: ClusterApi, record: ResourceRecord): Promise<Record<string, string>> {
  return record.tags ?? (await api.listTags(record.arn));
}

export async function tagsIfFound(
  api: ClusterApi,
  record: ResourceRecord | undefined,
): Promise<Record<string, string> | undefined> {
  return record ? tagsOf(api, record) : undefined;
}
