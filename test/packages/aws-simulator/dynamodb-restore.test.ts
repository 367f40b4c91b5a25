import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand } from '@aws-sdk/client-application-auto-scaling';
import {
  ContinuousBackupsUnavailableException,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  DynamoDBServiceException,
  InvalidRestoreTimeException,
  ListTagsOfResourceCommand,
  PointInTimeRecoveryUnavailableException,
  ResourceInUseException,
  RestoreTableToPointInTimeCommand,
  type RestoreTableToPointInTimeCommandInput,
  TableAlreadyExistsException,
  TableNotFoundException,
  UpdateContinuousBackupsCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../dev/demo/accounts.js';
import { seedDynamoDbDemo } from '../../../dev/demo/dynamodb.js';
import { DEFAULT_DURATIONS } from '../../../packages/aws-simulator/src/world.js';
import { createHarness, DAY, failure, type Harness, MINUTE, NOV_20_NOON } from './simulated-harness.js';

const production = DEMO_ACCOUNTS.production;

describe('simulated DynamoDB point-in-time restore', () => {
  let harness: Harness;
  let dynamodb: DynamoDBClient;
  const ago = (ms: number) => new Date(harness.now().getTime() - ms);
  const restore = (input: Partial<RestoreTableToPointInTimeCommandInput>) =>
    dynamodb.send(
      new RestoreTableToPointInTimeCommand({ SourceTableName: 'carts', TargetTableName: 'carts-copy', ...input }),
    );

  beforeEach(() => {
    harness = createHarness(NOV_20_NOON);
    seedDynamoDbDemo(harness.sim.dynamodb, DEMO_ACCOUNTS);
    dynamodb = harness.plug(new DynamoDBClient({ region: production.region }), production);
  });

  it('reports the window at read time: latest trails now by the lag, earliest is 35 days back at most', async () => {
    // Act
    const carts = await dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: 'carts' }));
    harness.advance(10 * MINUTE);
    const later = await dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: 'carts' }));
    const orders = await dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: 'orders-events' }));
    const audit = await dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: 'audit-log' }));

    // Assess
    expect(carts.ContinuousBackupsDescription?.PointInTimeRecoveryDescription).toEqual({
      PointInTimeRecoveryStatus: 'ENABLED',
      RecoveryPeriodInDays: 35,
      EarliestRestorableDateTime: new Date('2026-10-16T12:00:00Z'),
      LatestRestorableDateTime: new Date('2026-11-20T11:55:00Z'),
    });
    expect(later.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.LatestRestorableDateTime).toEqual(
      new Date('2026-11-20T12:05:00Z'),
    );
    // PITR was enabled on orders-events ten days before the start of the test.
    expect(orders.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.EarliestRestorableDateTime).toEqual(
      new Date('2026-11-10T12:00:00Z'),
    );
    expect(audit.ContinuousBackupsDescription?.PointInTimeRecoveryDescription).toEqual({
      PointInTimeRecoveryStatus: 'DISABLED',
    });
  });

  it('creates the new table CREATING for restoreTableMs, then ACTIVE, with a RestoreSummary', async () => {
    // Act
    const started = await restore({ RestoreDateTime: ago(2 * 60 * MINUTE) });
    harness.advance(DEFAULT_DURATIONS.restoreTableMs - 1);
    const almost = await dynamodb.send(new DescribeTableCommand({ TableName: 'carts-copy' }));
    harness.advance(1);
    const done = await dynamodb.send(new DescribeTableCommand({ TableName: 'carts-copy' }));

    // Assess
    expect(started.TableDescription).toMatchObject({
      TableName: 'carts-copy',
      TableArn: 'arn:aws:dynamodb:eu-west-1:111111111111:table/carts-copy',
      TableStatus: 'CREATING',
      RestoreSummary: {
        SourceTableArn: 'arn:aws:dynamodb:eu-west-1:111111111111:table/carts',
        RestoreDateTime: new Date('2026-11-20T10:00:00Z'),
        RestoreInProgress: true,
      },
    });
    expect(started.TableDescription?.GlobalSecondaryIndexes?.[0]?.IndexStatus).toBe('CREATING');
    expect(almost.Table?.TableStatus).toBe('CREATING');
    expect(done.Table?.TableStatus).toBe('ACTIVE');
    expect(done.Table?.RestoreSummary?.RestoreInProgress).toBe(false);
  });

  it('keeps keys, indexes, billing, encryption and items, and drops TTL, PITR, tags, stream and protection', async () => {
    // Prepare
    const source = (await dynamodb.send(new DescribeTableCommand({ TableName: 'carts' }))).Table;

    // Act
    await restore({ UseLatestRestorableTime: true });
    harness.advance(DEFAULT_DURATIONS.restoreTableMs);
    const table = (await dynamodb.send(new DescribeTableCommand({ TableName: 'carts-copy' }))).Table;
    const ttl = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: 'carts-copy' }));
    const pitr = await dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: 'carts-copy' }));
    const tags = await dynamodb.send(new ListTagsOfResourceCommand({ ResourceArn: table?.TableArn }));

    // Assess
    expect(table?.KeySchema).toEqual(source?.KeySchema);
    expect(table?.AttributeDefinitions).toEqual(source?.AttributeDefinitions);
    expect(table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['by-customer']);
    expect(table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table?.SSEDescription?.KMSMasterKeyArn).toBe(source?.SSEDescription?.KMSMasterKeyArn);
    expect(table?.ItemCount).toBe(source?.ItemCount);
    expect(table?.RestoreSummary?.RestoreDateTime).toEqual(new Date('2026-11-20T11:55:00Z'));
    expect(ttl.TimeToLiveDescription?.TimeToLiveStatus).toBe('DISABLED');
    expect(pitr.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus).toBe(
      'DISABLED',
    );
    expect(tags.Tags).toEqual([]);
    expect(table?.StreamSpecification).toBeUndefined();
    expect(table?.LatestStreamArn).toBeUndefined();
    expect(table?.DeletionProtectionEnabled).toBe(false);
  });

  it('refuses to re-apply PITR and TTL until the restored table is ACTIVE', async () => {
    // Prepare
    await restore({ UseLatestRestorableTime: true });
    const enablePitr = () =>
      dynamodb.send(
        new UpdateContinuousBackupsCommand({
          TableName: 'carts-copy',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      );
    const enableTtl = () =>
      dynamodb.send(
        new UpdateTimeToLiveCommand({
          TableName: 'carts-copy',
          TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
        }),
      );

    // Act
    const pitrWhileCreating = await failure(enablePitr());
    const ttlWhileCreating = await failure(enableTtl());
    harness.advance(DEFAULT_DURATIONS.restoreTableMs);
    const pitr = await enablePitr();
    const ttl = await enableTtl();

    // Assess
    expect(pitrWhileCreating).toBeInstanceOf(ContinuousBackupsUnavailableException);
    expect(ttlWhileCreating).toBeInstanceOf(ResourceInUseException);
    expect(pitr.ContinuousBackupsDescription?.PointInTimeRecoveryDescription).toMatchObject({
      PointInTimeRecoveryStatus: 'ENABLED',
      EarliestRestorableDateTime: harness.now(),
    });
    expect(ttl.TimeToLiveSpecification?.Enabled).toBe(true);
  });

  it('keeps provisioned throughput but not the auto scaling of the source', async () => {
    // Prepare
    const autoScaling = harness.plug(new ApplicationAutoScalingClient({ region: production.region }), production);
    const targetsOf = async (table: string) =>
      (
        await autoScaling.send(
          new DescribeScalableTargetsCommand({ ServiceNamespace: 'dynamodb', ResourceIds: [`table/${table}`] }),
        )
      ).ScalableTargets ?? [];

    // Act
    await restore({ SourceTableName: 'orders-events', TargetTableName: 'orders-copy', UseLatestRestorableTime: true });
    harness.advance(DEFAULT_DURATIONS.restoreTableMs);
    const table = (await dynamodb.send(new DescribeTableCommand({ TableName: 'orders-copy' }))).Table;

    // Assess
    expect(table?.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 50, WriteCapacityUnits: 20 });
    expect(table?.LocalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['by-status']);
    expect(await targetsOf('orders-events')).toHaveLength(2);
    expect(await targetsOf('orders-copy')).toEqual([]);
  });

  it('applies billing and encryption overrides', async () => {
    // Act
    const { TableDescription } = await restore({
      SourceTableArn: 'arn:aws:dynamodb:eu-west-1:111111111111:table/carts',
      SourceTableName: undefined,
      UseLatestRestorableTime: true,
      BillingModeOverride: 'PROVISIONED',
      ProvisionedThroughputOverride: { ReadCapacityUnits: 25, WriteCapacityUnits: 5 },
      SSESpecificationOverride: { Enabled: false },
    });

    // Assess
    expect(TableDescription?.BillingModeSummary?.BillingMode).toBe('PROVISIONED');
    expect(TableDescription?.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 25, WriteCapacityUnits: 5 });
    expect(TableDescription?.SSEDescription).toBeUndefined();
  });

  it('refuses RestoreDateTime together with UseLatestRestorableTime, and neither', async () => {
    // Act
    const both = await failure(restore({ UseLatestRestorableTime: true, RestoreDateTime: ago(DAY) }));
    const neither = await failure(restore({}));

    // Assess
    for (const error of [both, neither]) {
      expect(error).toBeInstanceOf(DynamoDBServiceException);
      expect((error as Error).name).toBe('ValidationException');
    }
    expect(harness.sim.dynamodb.describeTable(production, 'carts-copy')).toBeUndefined();
  });

  it('refuses a source without PITR', async () => {
    // Act
    const error = await failure(restore({ SourceTableName: 'audit-log', UseLatestRestorableTime: true }));

    // Assess
    expect(error).toBeInstanceOf(PointInTimeRecoveryUnavailableException);
  });

  it('refuses a time outside the window, on both sides', async () => {
    // Act
    const beforePitr = await failure(restore({ SourceTableName: 'orders-events', RestoreDateTime: ago(11 * DAY) }));
    const tooRecent = await failure(restore({ RestoreDateTime: ago(MINUTE) }));
    const tooOld = await failure(restore({ RestoreDateTime: ago(36 * DAY) }));

    // Assess
    expect(beforePitr).toBeInstanceOf(InvalidRestoreTimeException);
    expect(tooRecent).toBeInstanceOf(InvalidRestoreTimeException);
    expect(tooOld).toBeInstanceOf(InvalidRestoreTimeException);
    expect(harness.sim.callsOf('RestoreTableToPointInTime').map((call) => call.outcome)).toEqual([
      'InvalidRestoreTimeException',
      'InvalidRestoreTimeException',
      'InvalidRestoreTimeException',
    ]);
  });

  it('refuses an existing target and a missing source', async () => {
    // Act
    const exists = await failure(restore({ TargetTableName: 'orders-events', UseLatestRestorableTime: true }));
    const missing = await failure(restore({ SourceTableName: 'nope', UseLatestRestorableTime: true }));

    // Assess
    expect(exists).toBeInstanceOf(TableAlreadyExistsException);
    expect(missing).toBeInstanceOf(TableNotFoundException);
  });

  it('starts the window of a table when PITR is enabled on it', async () => {
    // Act
    await dynamodb.send(
      new UpdateContinuousBackupsCommand({
        TableName: 'audit-log',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      }),
    );
    harness.advance(DAY);
    const tooEarly = await failure(restore({ SourceTableName: 'audit-log', RestoreDateTime: ago(DAY + MINUTE) }));
    const restored = await restore({ SourceTableName: 'audit-log', RestoreDateTime: ago(DAY - MINUTE) });

    // Assess
    expect(tooEarly).toBeInstanceOf(InvalidRestoreTimeException);
    expect(restored.TableDescription?.TableClassSummary?.TableClass).toBe('STANDARD_INFREQUENT_ACCESS');
  });
});
