import {
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  DynamoDBServiceException,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../dev/demo/accounts.js';
import { seedDynamoDbDemo } from '../../../dev/demo/dynamodb.js';
import { DEFAULT_DURATIONS } from '../../../packages/aws-simulator/src/world.js';
import { createHarness, type Harness, NOV_20_NOON } from './simulated-harness.js';

const production = DEMO_ACCOUNTS.production;
const CARTS_ARN = 'arn:aws:dynamodb:eu-west-1:111111111111:table/carts';

describe('simulated DynamoDB tables', () => {
  let harness: Harness;
  let dynamodb: DynamoDBClient;
  const describeTable = async (TableName: string) =>
    (await dynamodb.send(new DescribeTableCommand({ TableName }))).Table;

  beforeEach(() => {
    harness = createHarness(NOV_20_NOON);
    seedDynamoDbDemo(harness.sim.dynamodb, DEMO_ACCOUNTS);
    dynamodb = harness.plug(new DynamoDBClient({ region: production.region }), production);
  });

  it('describes a seeded table with the shapes of the SDK', async () => {
    // Act
    const table = await describeTable('carts');

    // Assess
    expect(table).toMatchObject({
      TableName: 'carts',
      TableArn: CARTS_ARN,
      TableStatus: 'ACTIVE',
      KeySchema: [{ AttributeName: 'cartId', KeyType: 'HASH' }],
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
      ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      SSEDescription: { Status: 'ENABLED', SSEType: 'KMS' },
      DeletionProtectionEnabled: true,
      ItemCount: 1_284_503,
    });
    expect(table?.GlobalSecondaryIndexes?.[0]).toMatchObject({ IndexName: 'by-customer', IndexStatus: 'ACTIVE' });
    expect(table?.LatestStreamArn).toMatch(/^arn:aws:dynamodb:eu-west-1:111111111111:table\/carts\/stream\//);
    expect(table?.SSEDescription?.KMSMasterKeyArn).toMatch(/^arn:aws:kms:eu-west-1:111111111111:key\//);
    expect(table?.CreationDateTime).toBeInstanceOf(Date);
    expect(table?.RestoreSummary).toBeUndefined();
  });

  it('accepts a table ARN as TableName, but not one of another account', async () => {
    // Act
    const byArn = await describeTable(CARTS_ARN);
    const otherAccount = describeTable('arn:aws:dynamodb:eu-west-1:222222222222:table/carts');

    // Assess
    expect(byArn?.TableName).toBe('carts');
    await expect(otherAccount).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('answers an unknown table with ResourceNotFoundException and logs the outcome', async () => {
    // Act
    const error = await describeTable('nope').catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toBeInstanceOf(DynamoDBServiceException);
    expect((error as Error).name).toBe('ResourceNotFoundException');
    expect(harness.sim.callsOf('DescribeTable', 'DynamoDB')).toMatchObject([
      {
        accountId: production.accountId,
        region: production.region,
        input: { TableName: 'nope' },
        outcome: 'ResourceNotFoundException',
      },
    ]);
  });

  it('keeps tables per account: acceptance has carts-acc, not carts', async () => {
    // Prepare
    const acceptance = harness.plug(
      new DynamoDBClient({ region: DEMO_ACCOUNTS.acceptance.region }),
      DEMO_ACCOUNTS.acceptance,
    );

    // Act
    const names = (await acceptance.send(new ListTablesCommand({}))).TableNames;

    // Assess
    expect(names).toEqual(['carts-acc', 'orders-events-acc']);
  });

  it('pages ListTables with Limit and ExclusiveStartTableName', async () => {
    // Act
    const first = await dynamodb.send(new ListTablesCommand({ Limit: 2 }));
    const second = await dynamodb.send(
      new ListTablesCommand({ Limit: 2, ExclusiveStartTableName: first.LastEvaluatedTableName }),
    );

    // Assess
    expect(first.TableNames).toEqual(['audit-log', 'carts']);
    expect(first.LastEvaluatedTableName).toBe('carts');
    expect(second.TableNames).toEqual(['orders-events']);
    expect(second.LastEvaluatedTableName).toBeUndefined();
  });

  it('puts an updated table in UPDATING for updateTableMs and refuses another update meanwhile', async () => {
    // Act
    const updated = await dynamodb.send(
      new UpdateTableCommand({
        TableName: 'orders-events',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      }),
    );
    const second = dynamodb.send(
      new UpdateTableCommand({ TableName: 'orders-events', DeletionProtectionEnabled: true }),
    );
    await expect(second).rejects.toBeInstanceOf(ResourceInUseException);
    harness.advance(DEFAULT_DURATIONS.updateTableMs);
    const settled = await describeTable('orders-events');

    // Assess
    expect(updated.TableDescription?.TableStatus).toBe('UPDATING');
    expect(settled?.TableStatus).toBe('ACTIVE');
    expect(settled?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
    expect(settled?.LatestStreamArn).toBe(
      'arn:aws:dynamodb:eu-west-1:111111111111:table/orders-events/stream/2026-11-20T12:00:00.000',
    );
  });

  it('refuses to enable a stream that is already enabled', async () => {
    // Act
    const error = await dynamodb
      .send(
        new UpdateTableCommand({
          TableName: 'carts',
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
        }),
      )
      .catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(DynamoDBServiceException);
    expect((error as Error).name).toBe('ValidationException');
    expect((error as Error).message).toContain('already has an enabled stream');
  });

  it('switches a provisioned table to on-demand and reports zero throughput', async () => {
    // Act
    await dynamodb.send(new UpdateTableCommand({ TableName: 'orders-events', BillingMode: 'PAY_PER_REQUEST' }));
    const table = await describeTable('orders-events');

    // Assess
    expect(table?.BillingModeSummary).toEqual({
      BillingMode: 'PAY_PER_REQUEST',
      LastUpdateToPayPerRequestDateTime: harness.now(),
    });
    expect(table?.ProvisionedThroughput?.ReadCapacityUnits).toBe(0);
    expect(table?.GlobalSecondaryIndexes?.[0]?.ProvisionedThroughput?.ReadCapacityUnits).toBe(0);
  });

  it('needs throughput for the table and every index to switch to provisioned', async () => {
    // Act
    const withoutIndex = dynamodb.send(
      new UpdateTableCommand({
        TableName: 'carts',
        BillingMode: 'PROVISIONED',
        ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 10 },
      }),
    );

    // Assess
    await expect(withoutIndex).rejects.toThrow('ProvisionedThroughput must be specified for index: by-customer');
  });

  it('refuses to delete a protected table, then deletes it once protection is off', async () => {
    // Act
    const refused = await dynamodb
      .send(new DeleteTableCommand({ TableName: 'carts' }))
      .catch((caught: unknown) => caught);
    await dynamodb.send(new UpdateTableCommand({ TableName: 'carts', DeletionProtectionEnabled: false }));
    harness.advance(DEFAULT_DURATIONS.updateTableMs);
    const deleting = await dynamodb.send(new DeleteTableCommand({ TableName: 'carts' }));
    const duringDelete = await describeTable('carts');
    harness.advance(DEFAULT_DURATIONS.deleteMs);
    const afterDelete = describeTable('carts');

    // Assess
    expect((refused as Error).name).toBe('ValidationException');
    expect((refused as Error).message).toContain('protected against deletion');
    expect(deleting.TableDescription?.TableStatus).toBe('DELETING');
    expect(duringDelete?.TableStatus).toBe('DELETING');
    await expect(afterDelete).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('refuses to enable TTL again on the same attribute, and on another one', async () => {
    // Act
    const same = dynamodb.send(
      new UpdateTimeToLiveCommand({
        TableName: 'carts',
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
      }),
    );
    const other = dynamodb.send(
      new UpdateTimeToLiveCommand({
        TableName: 'carts',
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'ttl' },
      }),
    );

    // Assess
    await expect(same).rejects.toThrow('TimeToLive is already enabled');
    await expect(other).rejects.toThrow('current AttributeName is expiresAt');
  });

  it('enables and disables TTL', async () => {
    // Act
    const enabled = await dynamodb.send(
      new UpdateTimeToLiveCommand({
        TableName: 'audit-log',
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'purgeAt' },
      }),
    );
    const afterEnable = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: 'audit-log' }));
    await dynamodb.send(
      new UpdateTimeToLiveCommand({
        TableName: 'audit-log',
        TimeToLiveSpecification: { Enabled: false, AttributeName: 'purgeAt' },
      }),
    );
    const afterDisable = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: 'audit-log' }));

    // Assess
    expect(enabled.TimeToLiveSpecification).toEqual({ Enabled: true, AttributeName: 'purgeAt' });
    expect(afterEnable.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'purgeAt' });
    expect(afterDisable.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'DISABLED' });
  });

  it('tags and untags a table by ARN', async () => {
    // Act
    await dynamodb.send(new TagResourceCommand({ ResourceArn: CARTS_ARN, Tags: [{ Key: 'owner', Value: 'ana' }] }));
    await dynamodb.send(new UntagResourceCommand({ ResourceArn: CARTS_ARN, TagKeys: ['service'] }));
    const { Tags } = await dynamodb.send(new ListTagsOfResourceCommand({ ResourceArn: CARTS_ARN }));
    const reserved = dynamodb.send(
      new TagResourceCommand({ ResourceArn: CARTS_ARN, Tags: [{ Key: 'aws:x', Value: 'y' }] }),
    );

    // Assess
    expect(Tags).toEqual([
      { Key: 'team', Value: 'checkout' },
      { Key: 'env', Value: 'production' },
      { Key: 'owner', Value: 'ana' },
    ]);
    await expect(reserved).rejects.toThrow('reserved');
  });
});
