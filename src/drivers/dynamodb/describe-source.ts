import type { KeySchemaElement, TableDescription } from '@aws-sdk/client-dynamodb';
import { SourceNotFoundError } from '../../domain/errors.js';
import type { KeyElement, SourceDescription, TableIndex } from '../../domain/source.js';
import { isTableNotFound } from './aws-errors.js';
import type { DynamoDbTableClients } from './clients.js';
import {
  describeTable,
  enabledTtlAttribute,
  isPointInTimeRecoveryOn,
  readContinuousBackups,
  readTags,
  readTimeToLive,
} from './read-table.js';
import { readScaling, scalingResourceIds } from './scaling.js';

const BYTES_PER_GIB = 1024 ** 3;

export function bytesToGiB(bytes: number): number {
  return bytes / BYTES_PER_GIB;
}

export function toKeySchema(elements: KeySchemaElement[] | undefined): KeyElement[] {
  return (elements ?? []).map((element) => ({
    attributeName: element.AttributeName ?? '',
    keyType: element.KeyType === 'RANGE' ? 'RANGE' : 'HASH',
  }));
}

/** Secondary indexes by name and key schema: what a restore must keep. */
export function toIndexes(
  indexes: ReadonlyArray<{ IndexName?: string | undefined; KeySchema?: KeySchemaElement[] | undefined }> | undefined,
): TableIndex[] {
  return (indexes ?? []).map((index) => ({ name: index.IndexName ?? '', keySchema: toKeySchema(index.KeySchema) }));
}

/** Tables created before on-demand existed carry no BillingModeSummary: they are provisioned. */
export function billingModeOf(table: TableDescription): 'PAY_PER_REQUEST' | 'PROVISIONED' {
  return table.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST' ? 'PAY_PER_REQUEST' : 'PROVISIONED';
}

/** The stream view type while the stream is on. */
export function streamViewTypeOf(table: TableDescription): string | undefined {
  return table.StreamSpecification?.StreamEnabled ? table.StreamSpecification.StreamViewType : undefined;
}

/** The KMS key of a KMS-encrypted table; undefined for the AWS owned key (no SSEDescription). */
export function sseKmsKeyOf(table: TableDescription): string | undefined {
  return table.SSEDescription?.KMSMasterKeyArn;
}

/** `arn:aws:dynamodb:<region>:<account>:table/<name>` → region and account. */
export function arnParts(arn: string): { region: string; accountId: string } {
  const [, , , region = '', accountId = ''] = arn.split(':');
  return { region, accountId };
}

/** Reads the table and everything a restore drops (TTL, PITR, tags, stream, auto scaling). */
export async function describeSource(clients: DynamoDbTableClients, name: string): Promise<SourceDescription> {
  const table = await describeTable(clients.dynamodb, name);
  if (table === undefined || table.TableArn === undefined) {
    throw new SourceNotFoundError(`There is no DynamoDB table named ${name}.`);
  }
  const arn = table.TableArn;
  const globalSecondaryIndexes = toIndexes(table.GlobalSecondaryIndexes);
  const [backups, ttl, tags, autoScaling] = await Promise.all([
    readContinuousBackups(clients.dynamodb, name),
    readTimeToLive(clients.dynamodb, name),
    readTags(clients.dynamodb, arn),
    readScaling(
      clients.autoScaling,
      scalingResourceIds(
        name,
        globalSecondaryIndexes.map((index) => index.name),
      ),
    ),
  ]).catch((error: unknown) => {
    // The table can be deleted between DescribeTable and the calls that follow.
    throw isTableNotFound(error)
      ? new SourceNotFoundError(`There is no DynamoDB table named ${name}.`, { cause: error })
      : error;
  });
  const pitr = backups?.PointInTimeRecoveryDescription;
  const earliest = pitr?.EarliestRestorableDateTime;
  const latest = pitr?.LatestRestorableDateTime;
  const ttlAttribute = enabledTtlAttribute(ttl);
  const viewType = streamViewTypeOf(table);
  const sseKmsKeyArn = sseKmsKeyOf(table);
  const tableClass = table.TableClassSummary?.TableClass;
  return {
    kind: 'dynamodb-table',
    identifier: name,
    arn,
    ...arnParts(arn),
    status: table.TableStatus ?? 'UNKNOWN',
    engine: 'dynamodb',
    engineVersion: '',
    securityGroupIds: [],
    // DynamoDB encrypts every table at rest; only the key differs.
    storageEncrypted: true,
    kmsKeyId: sseKmsKeyArn,
    deletionProtection: table.DeletionProtectionEnabled ?? false,
    tags,
    ...(isPointInTimeRecoveryOn(backups) && earliest && latest ? { restorableWindow: { earliest, latest } } : {}),
    sizeGiB: bytesToGiB(table.TableSizeBytes ?? 0),
    table: {
      keySchema: toKeySchema(table.KeySchema),
      globalSecondaryIndexes,
      localSecondaryIndexes: toIndexes(table.LocalSecondaryIndexes),
      billingMode: billingModeOf(table),
      itemCount: table.ItemCount ?? 0,
      ...(ttlAttribute === undefined ? {} : { ttlAttribute }),
      pointInTimeRecovery: isPointInTimeRecoveryOn(backups),
      ...(viewType === undefined ? {} : { stream: { viewType } }),
      autoScaling,
      ...(sseKmsKeyArn === undefined ? {} : { sseKmsKeyArn }),
      ...(tableClass === undefined ? {} : { tableClass }),
    },
  };
}
