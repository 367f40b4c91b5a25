import { hasErrorName } from '../aws-errors.js';
import type { ClusterRecord, InstanceRecord, ResourceRecord, SnapshotRecord } from '../records.js';
import type { ClusterApi } from './cluster-api.js';

/** The cluster named `identifier`, whatever its engine, or `undefined`. */
export async function findCluster(api: ClusterApi, identifier: string): Promise<ClusterRecord | undefined> {
  try {
    return (await api.describeClusters({ DBClusterIdentifier: identifier })).items[0];
  } catch (error) {
    if (hasErrorName(error, 'DBClusterNotFoundFault')) return undefined;
    throw error;
  }
}

export async function findInstance(api: ClusterApi, identifier: string): Promise<InstanceRecord | undefined> {
  try {
    return (await api.describeInstances({ DBInstanceIdentifier: identifier })).items[0];
  } catch (error) {
    if (hasErrorName(error, 'DBInstanceNotFoundFault')) return undefined;
    throw error;
  }
}

export async function findClusterSnapshot(api: ClusterApi, identifier: string): Promise<SnapshotRecord | undefined> {
  try {
    return (await api.describeClusterSnapshots({ DBClusterSnapshotIdentifier: identifier })).items[0];
  } catch (error) {
    if (hasErrorName(error, 'DBClusterSnapshotNotFoundFault')) return undefined;
    throw error;
  }
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
