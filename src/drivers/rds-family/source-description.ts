import type { DatabaseKind } from '../../domain/kinds.js';
import type { SourceSummary } from '../../domain/ports/database-driver.js';
import type { SourceDescription } from '../../domain/source.js';
import { parseArn } from './arn.js';
import { type PageFetcher, paginate } from './pagination.js';
import type { DatabaseRecord } from './records.js';

/** The part of a SourceDescription every RDS-family kind fills the same way; the kind adds the rest. */
export function baseSourceDescription(
  kind: DatabaseKind,
  record: DatabaseRecord,
  tags: Record<string, string>,
): SourceDescription {
  const arn = parseArn(record.arn);
  return {
    kind,
    identifier: record.identifier,
    arn: record.arn,
    accountId: arn?.accountId ?? '',
    region: arn?.region ?? '',
    status: record.status,
    engine: record.engine,
    engineVersion: record.engineVersion,
    subnetGroup: record.subnetGroup,
    securityGroupIds: record.securityGroupIds,
    port: record.port,
    multiAz: record.multiAz,
    storageType: record.storageType,
    storageEncrypted: record.encrypted,
    kmsKeyId: record.kmsKeyId,
    deletionProtection: record.deletionProtection,
    tags,
    sizeGiB: record.allocatedStorage,
  };
}

/** True when `identifier` contains `query`, ignoring case: how the modal's source picker matches. */
export function matchesQuery(identifier: string, query: string): boolean {
  return identifier.toLowerCase().includes(query.trim().toLowerCase());
}

/**
 * The sources the modal's picker offers: records of the kind (`isOfKind`) whose identifier
 * matches `query`, at most `limit`, fetching pages only until it has enough.
 */
export async function listMatchingSources<R extends DatabaseRecord>(
  fetchPage: PageFetcher<R>,
  isOfKind: (record: R) => boolean,
  query: string,
  limit: number,
): Promise<SourceSummary[]> {
  const sources: SourceSummary[] = [];
  if (limit <= 0) return sources;
  for await (const record of paginate(fetchPage)) {
    if (!isOfKind(record) || !matchesQuery(record.identifier, query)) continue;
    sources.push({ identifier: record.identifier, engine: record.engine, engineVersion: record.engineVersion });
    if (sources.length >= limit) break;
  }
  return sources;
}
