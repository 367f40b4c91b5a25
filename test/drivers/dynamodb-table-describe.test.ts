import {
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
} from '@aws-sdk/client-application-auto-scaling';
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListBackupsCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  TableNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { SourceNotFoundError } from '../../src/domain/errors.js';
import { autoScalingMock, createTableDriver, dynamodbMock, mockScaling, resetMocks } from './helpers/dynamodb-mocks.js';
import { ACCOUNT, buildTableSource, SOURCE_ARN, SOURCE_SCALING, SOURCE_TABLE } from './helpers/dynamodb-plan.js';
import { continuousBackups, tableDescription, tableNotFound, timeToLive } from './helpers/dynamodb-responses.js';

function mockSourceTable() {
  dynamodbMock.on(DescribeTableCommand, { TableName: SOURCE_TABLE }).resolves({ Table: tableDescription() });
  dynamodbMock.on(DescribeContinuousBackupsCommand).resolves({ ContinuousBackupsDescription: continuousBackups(true) });
  dynamodbMock.on(DescribeTimeToLiveCommand).resolves({ TimeToLiveDescription: timeToLive('expiresAt') });
  dynamodbMock.on(ListTagsOfResourceCommand).resolves({
    Tags: [
      { Key: 'team', Value: 'payments' },
      { Key: 'aws:cloudformation:stack-name', Value: 'orders-prod' },
    ],
  });
  mockScaling(SOURCE_SCALING);
}

beforeEach(resetMocks);

describe('describeSource', () => {
  it('maps the table and everything a restore drops', async () => {
    // Prepare
    mockSourceTable();

    // Act
    const source = await createTableDriver().describeSource(SOURCE_TABLE);

    // Assess
    expect(source).toEqual(
      buildTableSource({
        tags: { team: 'payments', 'aws:cloudformation:stack-name': 'orders-prod' },
        restorableWindow: { earliest: new Date('2024-04-27T12:00:00Z'), latest: new Date('2024-06-01T11:55:00Z') },
      }),
    );
  });

  it('asks Application Auto Scaling about the table and every GSI, and policies only where a target is', async () => {
    // Prepare
    mockSourceTable();

    // Act
    await createTableDriver().describeSource(SOURCE_TABLE);

    // Assess
    expect(autoScalingMock.commandCalls(DescribeScalableTargetsCommand)[0]?.args[0].input).toEqual({
      ServiceNamespace: 'dynamodb',
      ResourceIds: ['table/orders', 'table/orders/index/by-customer'],
    });
    const policyInputs = autoScalingMock.commandCalls(DescribeScalingPoliciesCommand).map((call) => call.args[0].input);
    expect(policyInputs).toEqual([
      { ServiceNamespace: 'dynamodb', ResourceId: 'table/orders' },
      { ServiceNamespace: 'dynamodb', ResourceId: 'table/orders/index/by-customer' },
    ]);
    expect(dynamodbMock.commandCalls(ListTagsOfResourceCommand)[0]?.args[0].input).toEqual({ ResourceArn: SOURCE_ARN });
  });

  it('has no restorable window, PITR, TTL, stream, scaling or customer key when the source has none', async () => {
    // Prepare
    const { StreamSpecification, SSEDescription, ...plain } = tableDescription();
    dynamodbMock.on(DescribeTableCommand).resolves({
      Table: { ...plain, BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' }, DeletionProtectionEnabled: false },
    });
    dynamodbMock
      .on(DescribeContinuousBackupsCommand)
      .resolves({ ContinuousBackupsDescription: continuousBackups(false) });
    dynamodbMock.on(DescribeTimeToLiveCommand).resolves({ TimeToLiveDescription: timeToLive() });
    dynamodbMock.on(ListTagsOfResourceCommand).resolves({ Tags: [] });
    autoScalingMock.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: [] });

    // Act
    const source = await createTableDriver().describeSource(SOURCE_TABLE);

    // Assess
    expect(source.restorableWindow).toBeUndefined();
    expect(source.kmsKeyId).toBeUndefined();
    expect(source.deletionProtection).toBe(false);
    expect(source.table).toEqual({
      keySchema: buildTableSource().table?.keySchema,
      globalSecondaryIndexes: buildTableSource().table?.globalSecondaryIndexes,
      localSecondaryIndexes: buildTableSource().table?.localSecondaryIndexes,
      billingMode: 'PAY_PER_REQUEST',
      itemCount: 1_250_000,
      pointInTimeRecovery: false,
      autoScaling: [],
      tableClass: 'STANDARD',
    });
    expect(autoScalingMock.commandCalls(DescribeScalingPoliciesCommand)).toHaveLength(0);
  });

  it('throws SourceNotFoundError when DescribeTable finds no table', async () => {
    // Prepare
    dynamodbMock.on(DescribeTableCommand).rejects(tableNotFound());

    // Act
    const described = createTableDriver().describeSource('nope');

    // Assess
    await expect(described).rejects.toBeInstanceOf(SourceNotFoundError);
  });

  it('throws SourceNotFoundError when the table goes away between calls', async () => {
    // Prepare
    mockSourceTable();
    dynamodbMock
      .on(DescribeContinuousBackupsCommand)
      .rejects(new TableNotFoundException({ message: 'Table not found: orders', $metadata: {} }));

    // Act
    const described = createTableDriver().describeSource(SOURCE_TABLE);

    // Assess
    await expect(described).rejects.toBeInstanceOf(SourceNotFoundError);
  });

  it('lets other AWS errors through unchanged', async () => {
    // Prepare
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    dynamodbMock.on(DescribeTableCommand).rejects(throttled);

    // Act
    const described = createTableDriver().describeSource(SOURCE_TABLE);

    // Assess
    await expect(described).rejects.toBe(throttled);
  });
});

describe('findExisting', () => {
  it('returns the table with its tags', async () => {
    // Prepare
    dynamodbMock.on(DescribeTableCommand).resolves({ Table: tableDescription() });
    dynamodbMock.on(ListTagsOfResourceCommand).resolves({ Tags: [{ Key: 'team', Value: 'payments' }] });

    // Act
    const existing = await createTableDriver().findExisting(SOURCE_TABLE);

    // Assess
    expect(existing).toEqual({
      identifier: SOURCE_TABLE,
      arn: SOURCE_ARN,
      status: 'ACTIVE',
      tags: { team: 'payments' },
    });
  });

  it('returns undefined when there is no such table', async () => {
    // Prepare
    dynamodbMock.on(DescribeTableCommand).rejects(tableNotFound());

    // Act
    const existing = await createTableDriver().findExisting('orders-copy');

    // Assess
    expect(existing).toBeUndefined();
  });
});

describe('listSources', () => {
  it('pages through ListTables and filters case-insensitively up to the limit', async () => {
    // Prepare
    dynamodbMock
      .on(ListTablesCommand, { ExclusiveStartTableName: undefined })
      .resolves({ TableNames: ['Orders', 'customers'], LastEvaluatedTableName: 'customers' })
      .on(ListTablesCommand, { ExclusiveStartTableName: 'customers' })
      .resolves({ TableNames: ['orders-archive', 'orders-audit'], LastEvaluatedTableName: 'orders-audit' })
      .on(ListTablesCommand, { ExclusiveStartTableName: 'orders-audit' })
      .resolves({ TableNames: ['orders-zz'] });

    // Act
    const sources = await createTableDriver().listSources('ORDERS', 2);

    // Assess
    expect(sources).toEqual([
      { identifier: 'Orders', engine: 'dynamodb', engineVersion: '' },
      { identifier: 'orders-archive', engine: 'dynamodb', engineVersion: '' },
    ]);
    expect(dynamodbMock.commandCalls(ListTablesCommand)).toHaveLength(2);
  });
});

describe('listRestoreCandidates', () => {
  const backupArn = (id: string) => `${SOURCE_ARN}/backup/${id}`;

  it('lists available backups of the table, newest first, and ignores includeShared', async () => {
    // Prepare
    dynamodbMock
      .on(ListBackupsCommand, { ExclusiveStartBackupArn: undefined })
      .resolves({
        BackupSummaries: [
          {
            TableName: SOURCE_TABLE,
            TableId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
            TableArn: SOURCE_ARN,
            BackupArn: backupArn('01717000000000-aaaaaaaa'),
            BackupName: 'orders-before-migration',
            BackupCreationDateTime: new Date('2024-05-30T08:00:00Z'),
            BackupStatus: 'AVAILABLE',
            BackupType: 'USER',
            BackupSizeBytes: 1024 ** 3,
          },
          {
            TableName: SOURCE_TABLE,
            TableArn: SOURCE_ARN,
            BackupArn: backupArn('01717100000000-bbbbbbbb'),
            BackupName: 'orders-in-progress',
            BackupCreationDateTime: new Date('2024-06-01T08:00:00Z'),
            BackupStatus: 'CREATING',
            BackupType: 'USER',
          },
        ],
        LastEvaluatedBackupArn: backupArn('01717100000000-bbbbbbbb'),
      })
      .on(ListBackupsCommand, { ExclusiveStartBackupArn: backupArn('01717100000000-bbbbbbbb') })
      .resolves({
        BackupSummaries: [
          {
            TableName: SOURCE_TABLE,
            TableArn: SOURCE_ARN,
            BackupArn: backupArn('01717050000000-cccccccc'),
            BackupName: 'orders-weekly',
            BackupCreationDateTime: new Date('2024-05-31T08:00:00Z'),
            BackupStatus: 'AVAILABLE',
            BackupType: 'SYSTEM',
          },
          {
            TableName: SOURCE_TABLE,
            TableArn: SOURCE_ARN,
            BackupArn: `arn:aws:backup:eu-west-1:${ACCOUNT}:recovery-point:1EB3B5E7-9EB0-435A-A80B-108B488B0D45`,
            BackupName: 'aws-backup-daily',
            BackupCreationDateTime: new Date('2024-06-01T02:00:00Z'),
            BackupStatus: 'AVAILABLE',
            BackupType: 'AWS_BACKUP',
          },
        ],
      });

    // Act
    const candidates = await createTableDriver().listRestoreCandidates({
      sourceIdentifier: SOURCE_TABLE,
      includeShared: true,
    });

    // Assess
    expect(dynamodbMock.commandCalls(ListBackupsCommand)[0]?.args[0].input).toEqual({
      TableName: SOURCE_TABLE,
      BackupType: 'ALL',
    });
    expect(candidates.map((candidate) => candidate.id)).toEqual(['orders-weekly', 'orders-before-migration']);
    expect(candidates[1]).toEqual({
      kind: 'dynamodb-table',
      id: 'orders-before-migration',
      arn: backupArn('01717000000000-aaaaaaaa'),
      sourceIdentifier: SOURCE_TABLE,
      createdAt: new Date('2024-05-30T08:00:00Z'),
      status: 'AVAILABLE',
      engine: 'dynamodb',
      engineVersion: '',
      ownerAccountId: ACCOUNT,
      shared: false,
      origin: 'backup',
      encrypted: true,
      sizeGiB: 1,
    });
  });

  it('lists every table’s backups when no source is given', async () => {
    // Prepare
    dynamodbMock.on(ListBackupsCommand).resolves({ BackupSummaries: [] });

    // Act
    await createTableDriver().listRestoreCandidates({ includeShared: false });

    // Assess
    expect(dynamodbMock.commandCalls(ListBackupsCommand)[0]?.args[0].input).toEqual({ BackupType: 'ALL' });
  });
});
