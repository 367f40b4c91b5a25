import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureJobTable } from '../../src/jobs/job-table.js';
import { type RunningDynalite, startDynalite } from '../helpers/dynalite.js';

let dynamo: RunningDynalite;

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo.close();
});

describe('ensureJobTable', () => {
  it('makes the table with both job indexes, and accepts it when it exists', async () => {
    await ensureJobTable(dynamo.client, 'fresh-jobs');
    await ensureJobTable(dynamo.client, 'fresh-jobs');
    const { Table } = await dynamo.client.send(new DescribeTableCommand({ TableName: 'fresh-jobs' }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual([
      'active-jobs',
      'recent-jobs',
    ]);
  });

  it('stops with the way out when a table made by an older version lacks an index', async () => {
    await dynamo.client.send(
      new CreateTableCommand({
        TableName: 'old-jobs',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'activePartition', AttributeType: 'S' },
          { AttributeName: 'createdAt', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'active-jobs',
            KeySchema: [
              { AttributeName: 'activePartition', KeyType: 'HASH' },
              { AttributeName: 'createdAt', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
    await expect(ensureJobTable(dynamo.client, 'old-jobs')).rejects.toThrow(
      /job table old-jobs has no recent-jobs index: it was made by an older version/,
    );
  });
});
