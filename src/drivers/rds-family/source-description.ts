import type { DatabaseKind } from '../../domain/kinds.js';
import type { SourceDescription } from '../../domain/source.js';
import { parseArn } from './arn.js';
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
