import type { RDSClient } from '@aws-sdk/client-rds';
import { SourceNotFoundError } from '../../../domain/errors.js';
import type { SourceSummary } from '../../../domain/ports/database-driver.js';
import type { CandidateFilter, ExistingResource, RestoreCandidate, SourceDescription } from '../../../domain/source.js';
import { regionLabel } from '../aws-errors.js';
import { collectAll } from '../pagination.js';
import { selectRestoreCandidates } from '../snapshot-candidates.js';
import { baseSourceDescription, listMatchingSources } from '../source-description.js';
import {
  describeInstances,
  describeSnapshots,
  findInstance,
  instanceRestorableWindow,
  instanceTags,
} from './instance-lookup.js';

const EVERY_ENGINE = () => true;

/** A standalone instance; cluster members (Aurora, DocumentDB, Neptune) are restored with their cluster. */
export async function describeInstanceSource(rds: RDSClient, identifier: string): Promise<SourceDescription> {
  const instance = await findInstance(rds, identifier);
  const where = `in ${await regionLabel(rds.config)} (Amazon RDS DescribeDBInstances)`;
  if (!instance) throw new SourceNotFoundError(`No RDS instance named "${identifier}" ${where}.`);
  if (instance.clusterIdentifier) {
    throw new SourceNotFoundError(
      `"${identifier}" ${where} is an instance of cluster ${instance.clusterIdentifier} (${instance.engine}), not a standalone RDS instance: restore the cluster instead.`,
    );
  }
  return {
    ...baseSourceDescription('rds-instance', instance, await instanceTags(rds, instance)),
    instanceClass: instance.instanceClass,
    parameterGroup: instance.parameterGroup,
    optionGroup: instance.optionGroup,
    restorableWindow: await instanceRestorableWindow(rds, instance),
  };
}

/** Cluster members are left out: they are restored with their cluster. */
export function listInstanceSources(rds: RDSClient, query: string, limit: number): Promise<SourceSummary[]> {
  return listMatchingSources(
    (marker) => describeInstances(rds, marker ? { MaxRecords: 100, Marker: marker } : { MaxRecords: 100 }),
    (instance) => !instance.clusterIdentifier,
    query,
    limit,
  );
}

/** Instance identifiers are one namespace: a cluster member holding the name counts too. */
export async function findExistingInstance(rds: RDSClient, identifier: string): Promise<ExistingResource | undefined> {
  const instance = await findInstance(rds, identifier);
  if (!instance) return undefined;
  const tags = await instanceTags(rds, instance);
  return { identifier: instance.identifier, arn: instance.arn, status: instance.status, tags };
}

export async function listInstanceCandidates(rds: RDSClient, filter: CandidateFilter): Promise<RestoreCandidate[]> {
  const base = {
    ...(filter.sourceIdentifier ? { DBInstanceIdentifier: filter.sourceIdentifier } : {}),
    ...(filter.includeShared ? { IncludeShared: true } : {}),
    MaxRecords: 100,
  };
  const snapshots = await collectAll((marker) => describeSnapshots(rds, marker ? { ...base, Marker: marker } : base));
  return selectRestoreCandidates('rds-instance', snapshots, filter, EVERY_ENGINE);
}
