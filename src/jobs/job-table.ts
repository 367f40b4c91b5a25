import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { hasAwsErrorName } from '../aws/error-names.js';
import { ACTIVE_JOBS_INDEX, RECENT_JOBS_INDEX } from './table/keys.js';

/**
 * Creates the job table where nobody else does (the embedded store, tests). In AWS the table
 * is a CloudFormation resource with the same keys, indexes and TTL on `expiresAt`.
 */
export async function ensureJobTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    // A table made by an older version lacks a newer index: say so rather than fail on the first listing.
    const indexes = new Set(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName));
    const missing = [ACTIVE_JOBS_INDEX, RECENT_JOBS_INDEX].filter((name) => !indexes.has(name));
    if (missing.length > 0) {
      throw new Error(
        `job table ${tableName} has no ${missing.join(' or ')} index: it was made by an older version; remove it (locally, its data directory) to have it made again`,
      );
    }
    return;
  } catch (error) {
    if (!hasAwsErrorName(error, 'ResourceNotFoundException')) throw error;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'activePartition', AttributeType: 'S' },
        { AttributeName: 'createdAt', AttributeType: 'S' },
        { AttributeName: 'jobPartition', AttributeType: 'S' },
      ],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: [
        {
          IndexName: ACTIVE_JOBS_INDEX,
          KeySchema: [
            { AttributeName: 'activePartition', KeyType: 'HASH' },
            { AttributeName: 'createdAt', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        {
          IndexName: RECENT_JOBS_INDEX,
          KeySchema: [
            { AttributeName: 'jobPartition', KeyType: 'HASH' },
            { AttributeName: 'createdAt', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job table ${tableName} did not become ACTIVE`);
}
