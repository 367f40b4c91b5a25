import {
  type BackupSummary,
  type DynamoDBClient,
  ListBackupsCommand,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import type { SourceSummary } from '../../domain/ports/database-driver.js';
import type { CandidateFilter, ExistingResource, RestoreCandidate } from '../../domain/source.js';
import { arnParts, bytesToGiB } from './describe-source.js';
import { describeTable, readTags } from './read-table.js';

/** Table names containing `query` (case-insensitive), at most `limit`; ListTables pages by table name. */
export async function listSources(dynamodb: DynamoDBClient, query: string, limit: number): Promise<SourceSummary[]> {
  const needle = query.toLowerCase();
  const found: SourceSummary[] = [];
  let startAfter: string | undefined;
  do {
    const response = await dynamodb.send(new ListTablesCommand({ ExclusiveStartTableName: startAfter }));
    for (const name of response.TableNames ?? []) {
      if (found.length < limit && name.toLowerCase().includes(needle)) {
        found.push({ identifier: name, engine: 'dynamodb', engineVersion: '' });
      }
    }
    startAfter = response.LastEvaluatedTableName;
  } while (startAfter && found.length < limit);
  return found;
}

/** The table that holds `name` now, with its tags, if any. */
export async function findExisting(dynamodb: DynamoDBClient, name: string): Promise<ExistingResource | undefined> {
  const table = await describeTable(dynamodb, name);
  if (table?.TableArn === undefined) {
    return undefined;
  }
  return {
    identifier: name,
    arn: table.TableArn,
    status: table.TableStatus ?? 'UNKNOWN',
    tags: await readTags(dynamodb, table.TableArn),
  };
}

/**
 * Available on-demand backups, newest first. DynamoDB backups are never shared across accounts, so
 * `includeShared` changes nothing. AWS Backup's copies (`AWS_BACKUP`) restore through AWS Backup, not
 * RestoreTableFromBackup: left out; DynamoDB's own SYSTEM backups (kept when a table is deleted) stay in.
 */
export async function listRestoreCandidates(
  dynamodb: DynamoDBClient,
  filter: CandidateFilter,
): Promise<RestoreCandidate[]> {
  const summaries: BackupSummary[] = [];
  let startAfter: string | undefined;
  do {
    const response = await dynamodb.send(
      new ListBackupsCommand({
        ...(filter.sourceIdentifier === undefined ? {} : { TableName: filter.sourceIdentifier }),
        BackupType: 'ALL',
        ExclusiveStartBackupArn: startAfter,
      }),
    );
    summaries.push(...(response.BackupSummaries ?? []));
    startAfter = response.LastEvaluatedBackupArn;
  } while (startAfter);
  return summaries
    .filter((summary) => summary.BackupStatus === 'AVAILABLE' && summary.BackupType !== 'AWS_BACKUP')
    .flatMap((summary) => toCandidate(summary) ?? [])
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

function toCandidate(summary: BackupSummary): RestoreCandidate | undefined {
  if (summary.BackupArn === undefined || summary.BackupCreationDateTime === undefined) {
    return undefined;
  }
  return {
    kind: 'dynamodb-table',
    id: summary.BackupName ?? summary.BackupArn,
    arn: summary.BackupArn,
    sourceIdentifier: summary.TableName ?? '',
    createdAt: summary.BackupCreationDateTime,
    status: summary.BackupStatus ?? 'UNKNOWN',
    engine: 'dynamodb',
    engineVersion: '',
    ownerAccountId: arnParts(summary.BackupArn).accountId,
    shared: false,
    origin: 'backup',
    encrypted: true,
    ...(summary.BackupSizeBytes === undefined ? {} : { sizeGiB: bytesToGiB(summary.BackupSizeBytes) }),
  };
}
