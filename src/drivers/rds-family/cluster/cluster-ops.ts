import { hasAwsErrorName } from '../../../aws/error-names.js';
import { tagRestoreFor } from '../../../domain/replaced-target-tags.js';
import type { ClusterMemberRecord } from '../records.js';
import type { ReplaceableOps, ReplaceableResource } from '../replace-steps.js';
import type { ClusterApi } from './cluster-api.js';
import { findCluster, findClusterSnapshot, tagsOf } from './cluster-lookup.js';

export interface ClusterResource extends ReplaceableResource {
  members: ClusterMemberRecord[];
}

/** The cluster's member instances as they are now (the cluster record names them only). */
async function describeMembers(api: ClusterApi, cluster: ClusterResource) {
  const memberIds = cluster.members.map((member) => member.identifier);
  if (memberIds.length === 0) return [];
  return (await api.describeInstances({ Filters: [{ Name: 'db-instance-id', Values: memberIds }] })).items;
}

/**
 * Deletes the cluster's instances (members take no final snapshot), then the cluster with its
 * final snapshot: AWS accepts DeleteDBCluster once every member is `deleting`. Members already
 * deleting or gone are skipped, so a retry repeats only what is left. Each member is tagged
 * first: one added since the cluster was tagged (a reader, by auto scaling) would otherwise be
 * refused to the tag-conditioned role halfway through.
 */
async function deleteCluster(
  api: ClusterApi,
  cluster: ClusterResource,
  finalSnapshot: string,
  tags: Record<string, string>,
) {
  const members = await describeMembers(api, cluster);
  for (const member of members.filter((instance) => instance.status !== 'deleting')) {
    try {
      await api.addTags(member.arn, tags);
      await api.deleteInstance({ DBInstanceIdentifier: member.identifier });
    } catch (error) {
      if (!hasAwsErrorName(error, 'DBInstanceNotFoundFault')) throw error;
    }
  }
  return api.deleteCluster({
    DBClusterIdentifier: cluster.identifier,
    FinalDBSnapshotIdentifier: finalSnapshot,
    SkipFinalSnapshot: false,
  });
}

/** Puts back what the replace overwrote (while the managed tag still allows it), then removes what it added. */
async function restoreTagsOf(api: ClusterApi, arn: string, current: Record<string, string>): Promise<void> {
  const restore = tagRestoreFor(current);
  if (!restore) return;
  if (Object.keys(restore.add).length > 0) await api.addTags(arn, restore.add);
  await api.removeTags(arn, restore.remove);
}

/** The rename, delete and rollback calls on clusters, for the shared replace steps. */
export function clusterOps(api: ClusterApi): ReplaceableOps<ClusterResource> {
  return {
    label: 'DB cluster',
    async find(identifier) {
      const cluster = await findCluster(api, identifier);
      return cluster && { ...cluster, tags: await tagsOf(api, cluster) };
    },
    async tag(cluster, tagsFor) {
      // Members first, so a cluster that carries the tags never has members without them.
      for (const member of await describeMembers(api, cluster))
        await api.addTags(member.arn, tagsFor(await tagsOf(api, member)));
      await api.addTags(cluster.arn, tagsFor(cluster.tags));
    },
    async restoreTags(cluster) {
      // The cluster first, the reverse of tag: members keep the managed tag until the cluster has lost it.
      await restoreTagsOf(api, cluster.arn, cluster.tags);
      for (const member of await describeMembers(api, cluster))
        await restoreTagsOf(api, member.arn, await tagsOf(api, member));
    },
    rename: (identifier, newIdentifier) =>
      api.modifyCluster({
        DBClusterIdentifier: identifier,
        NewDBClusterIdentifier: newIdentifier,
        ApplyImmediately: true,
      }),
    async disableDeletionProtection(cluster) {
      await api.modifyCluster({
        DBClusterIdentifier: cluster.identifier,
        DeletionProtection: false,
        ApplyImmediately: true,
      });
    },
    delete: (cluster, finalSnapshot, tags) => deleteCluster(api, cluster, finalSnapshot, tags),
    finalSnapshotExists: async (identifier) => (await findClusterSnapshot(api, identifier)) !== undefined,
  };
}
