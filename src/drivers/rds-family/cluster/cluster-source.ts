import { SourceNotFoundError } from '../../../domain/errors.js';
import type { SourceSummary } from '../../../domain/ports/database-driver.js';
import type { CandidateFilter, ExistingResource, RestoreCandidate, SourceDescription } from '../../../domain/source.js';
import { collectAll } from '../pagination.js';
import type { ClusterRecord } from '../records.js';
import { selectRestoreCandidates } from '../snapshot-candidates.js';
import { baseSourceDescription, listMatchingSources } from '../source-description.js';
import type { ClusterApi } from './cluster-api.js';
import type { ClusterKind } from './cluster-kind.js';
import { findCluster, findInstance, tagsOf } from './cluster-lookup.js';

async function notFound(
  api: ClusterApi,
  kind: ClusterKind,
  identifier: string,
  found: ClusterRecord | undefined,
): Promise<SourceNotFoundError> {
  const where = `in ${await api.region()} (${api.service} DescribeDBClusters)`;
  if (!found) return new SourceNotFoundError(`No ${kind.label} named "${identifier}" ${where}.`);
  return new SourceNotFoundError(
    `Cluster "${identifier}" ${where} runs ${found.engine}; ${kind.label}s run ${[...kind.engines].join(' or ')}.`,
  );
}

/** The source cluster and its writer instance (class and DB parameter group live on the instance). */
export async function describeClusterSource(
  api: ClusterApi,
  kind: ClusterKind,
  identifier: string,
): Promise<SourceDescription> {
  const cluster = await findCluster(api, identifier);
  if (!cluster || !kind.engines.has(cluster.engine)) throw await notFound(api, kind, identifier, cluster);
  const writerId = cluster.members.find((member) => member.writer)?.identifier;
  const writer = writerId ? await findInstance(api, writerId) : undefined;
  const { earliestRestorableTime: earliest, latestRestorableTime: latest } = cluster;
  return {
    ...baseSourceDescription(kind.kind, cluster, await tagsOf(api, cluster)),
    instanceClass: writer?.instanceClass,
    writerInstanceIdentifier: writerId,
    parameterGroup: kind.instancesTakeParameterGroup ? writer?.parameterGroup : undefined,
    clusterParameterGroup: cluster.clusterParameterGroup,
    restorableWindow: earliest && latest ? { earliest, latest } : undefined,
  };
}

export function listClusterSources(
  api: ClusterApi,
  kind: ClusterKind,
  query: string,
  limit: number,
): Promise<SourceSummary[]> {
  return listMatchingSources(
    (marker) => api.describeClusters(marker ? { MaxRecords: 100, Marker: marker } : { MaxRecords: 100 }),
    (cluster) => kind.engines.has(cluster.engine),
    query,
    limit,
  );
}

/** Cluster identifiers are one namespace across engines: any cluster holding the name counts. */
export async function findExistingCluster(api: ClusterApi, identifier: string): Promise<ExistingResource | undefined> {
  const cluster = await findCluster(api, identifier);
  if (!cluster) return undefined;
  return { identifier: cluster.identifier, arn: cluster.arn, status: cluster.status, tags: await tagsOf(api, cluster) };
}

export async function listClusterCandidates(
  api: ClusterApi,
  kind: ClusterKind,
  filter: CandidateFilter,
): Promise<RestoreCandidate[]> {
  const base = {
    ...(filter.sourceIdentifier ? { DBClusterIdentifier: filter.sourceIdentifier } : {}),
    ...(filter.includeShared ? { IncludeShared: true } : {}),
    MaxRecords: 100,
  };
  const snapshots = await collectAll((marker) =>
    api.describeClusterSnapshots(marker ? { ...base, Marker: marker } : base),
  );
  return selectRestoreCandidates(kind.kind, snapshots, filter, (engine) => kind.engines.has(engine));
}
