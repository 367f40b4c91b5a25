import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
} from '@aws-sdk/client-application-auto-scaling';
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTagsOfResourceCommand,
  ResourceNotFoundException,
  TagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StepContext } from '../../src/domain/ports/database-driver.js';
import type { ScalingSetting } from '../../src/domain/source.js';
import { createDynamoDbTableDriver } from '../../src/drivers/dynamodb-table.js';
import {
  buildTablePlan,
  buildTableSettings,
  buildTableSource,
  JOB_ID,
  SOURCE_ARN,
  TARGET_ARN,
  TARGET_TABLE,
} from './helpers/dynamodb-plan.js';
import {
  awsError,
  continuousBackups,
  metadata,
  restoredTableDescription,
  scalableTargets,
  scalingPolicies,
  timeToLive,
} from './helpers/dynamodb-responses.js';

const dynamodbMock = mockClient(DynamoDBClient);
const autoScalingMock = mockClient(ApplicationAutoScalingClient);

/** The source's scaling as it must appear on `orders-restored`. */
const TARGET_SCALING: ScalingSetting[] = [
  {
    resourceId: 'table/orders-restored',
    dimension: 'dynamodb:table:ReadCapacityUnits',
    minCapacity: 5,
    maxCapacity: 100,
    policyName: 'DynamoDBReadCapacityUtilization:table/orders-restored',
    targetValue: 70,
    predefinedMetricType: 'DynamoDBReadCapacityUtilization',
    scaleInCooldown: 60,
    scaleOutCooldown: 60,
  },
  {
    resourceId: 'table/orders-restored/index/by-customer',
    dimension: 'dynamodb:index:WriteCapacityUnits',
    minCapacity: 2,
    maxCapacity: 40,
    policyName: 'ordersByCustomerWriteScaling',
    targetValue: 50,
    predefinedMetricType: 'DynamoDBWriteCapacityUtilization',
  },
];

const WANTED_TAGS = {
  team: 'payments',
  'restore-bot:expires-at': '2024-06-04T12:00:00.000Z',
  'restore-bot:source': SOURCE_ARN,
  'restore-bot:managed': 'true',
  'restore-bot:job-id': JOB_ID,
};

function createDriver() {
  return createDynamoDbTableDriver({
    dynamodb: new DynamoDBClient({ region: 'eu-west-1' }),
    autoScaling: new ApplicationAutoScalingClient({ region: 'eu-west-1' }),
  });
}

function reapplyContext(
  plan = buildTablePlan({ settings: { ...buildTablePlan().settings, deletionProtection: true } }),
) {
  const context: StepContext = { jobId: JOB_ID, plan, step: 'reapply-table-settings' };
  return context;
}

/** A fresh restore: nothing of what the restore drops is there yet. */
function mockFreshRestore() {
  dynamodbMock.on(DescribeTableCommand).resolves({ Table: restoredTableDescription(TARGET_TABLE) });
  dynamodbMock.on(DescribeTimeToLiveCommand).resolves({ TimeToLiveDescription: timeToLive() });
  dynamodbMock
    .on(DescribeContinuousBackupsCommand)
    .resolves({ ContinuousBackupsDescription: continuousBackups(false) });
  dynamodbMock.on(ListTagsOfResourceCommand).resolves({ Tags: [] });
  dynamodbMock.on(UpdateTimeToLiveCommand).resolves({ $metadata: metadata('REQ-TTL') });
  dynamodbMock.on(UpdateContinuousBackupsCommand).resolves({ $metadata: metadata('REQ-PITR') });
  dynamodbMock.on(TagResourceCommand).resolves({ $metadata: metadata('REQ-TAGS') });
  dynamodbMock.on(UpdateTableCommand).resolves({ $metadata: metadata('REQ-TABLE') });
  autoScalingMock.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: [] });
  autoScalingMock.on(RegisterScalableTargetCommand).resolves({ $metadata: metadata('REQ-TARGET') });
  autoScalingMock.on(PutScalingPolicyCommand).resolves({ $metadata: metadata('REQ-POLICY') });
}

/** A target that already has everything. */
function mockFullyApplied() {
  dynamodbMock.on(DescribeTableCommand).resolves({
    Table: restoredTableDescription(TARGET_TABLE, {
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      DeletionProtectionEnabled: true,
    }),
  });
  dynamodbMock.on(DescribeTimeToLiveCommand).resolves({ TimeToLiveDescription: timeToLive('expiresAt') });
  dynamodbMock.on(DescribeContinuousBackupsCommand).resolves({ ContinuousBackupsDescription: continuousBackups(true) });
  dynamodbMock
    .on(ListTagsOfResourceCommand)
    .resolves({ Tags: Object.entries(WANTED_TAGS).map(([Key, Value]) => ({ Key, Value })) });
  autoScalingMock.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: scalableTargets(TARGET_SCALING) });
  for (const setting of TARGET_SCALING) {
    autoScalingMock
      .on(DescribeScalingPoliciesCommand, { ResourceId: setting.resourceId })
      .resolves({ ScalingPolicies: scalingPolicies([setting]) });
  }
}

beforeEach(() => {
  dynamodbMock.reset();
  autoScalingMock.reset();
});

describe('startStep reapply-table-settings', () => {
  it('re-applies TTL, PITR, tags, stream, deletion protection and auto scaling on the target', async () => {
    // Prepare
    mockFreshRestore();

    // Act
    const result = await createDriver().startStep(reapplyContext());

    // Assess
    expect(dynamodbMock.commandCalls(UpdateTimeToLiveCommand)[0]?.args[0].input).toEqual({
      TableName: TARGET_TABLE,
      TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
    });
    expect(dynamodbMock.commandCalls(UpdateContinuousBackupsCommand)[0]?.args[0].input).toEqual({
      TableName: TARGET_TABLE,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    expect(dynamodbMock.commandCalls(TagResourceCommand)[0]?.args[0].input).toEqual({
      ResourceArn: TARGET_ARN,
      Tags: Object.entries(WANTED_TAGS).map(([Key, Value]) => ({ Key, Value })),
    });
    expect(dynamodbMock.commandCalls(UpdateTableCommand).map((call) => call.args[0].input)).toEqual([
      {
        TableName: TARGET_TABLE,
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
        DeletionProtectionEnabled: true,
      },
    ]);
    expect(autoScalingMock.commandCalls(RegisterScalableTargetCommand).map((call) => call.args[0].input)).toEqual([
      {
        ServiceNamespace: 'dynamodb',
        ResourceId: 'table/orders-restored',
        ScalableDimension: 'dynamodb:table:ReadCapacityUnits',
        MinCapacity: 5,
        MaxCapacity: 100,
      },
      {
        ServiceNamespace: 'dynamodb',
        ResourceId: 'table/orders-restored/index/by-customer',
        ScalableDimension: 'dynamodb:index:WriteCapacityUnits',
        MinCapacity: 2,
        MaxCapacity: 40,
      },
    ]);
    expect(autoScalingMock.commandCalls(PutScalingPolicyCommand).map((call) => call.args[0].input)).toEqual([
      {
        PolicyName: 'DynamoDBReadCapacityUtilization:table/orders-restored',
        ServiceNamespace: 'dynamodb',
        ResourceId: 'table/orders-restored',
        ScalableDimension: 'dynamodb:table:ReadCapacityUnits',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 70,
          PredefinedMetricSpecification: { PredefinedMetricType: 'DynamoDBReadCapacityUtilization' },
          ScaleInCooldown: 60,
          ScaleOutCooldown: 60,
        },
      },
      {
        PolicyName: 'ordersByCustomerWriteScaling',
        ServiceNamespace: 'dynamodb',
        ResourceId: 'table/orders-restored/index/by-customer',
        ScalableDimension: 'dynamodb:index:WriteCapacityUnits',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 50,
          PredefinedMetricSpecification: { PredefinedMetricType: 'DynamoDBWriteCapacityUtilization' },
        },
      },
    ]);
    expect(autoScalingMock.commandCalls(DescribeScalableTargetsCommand)[0]?.args[0].input).toEqual({
      ServiceNamespace: 'dynamodb',
      ResourceIds: ['table/orders-restored', 'table/orders-restored/index/by-customer'],
    });
    expect(result).toEqual({ requestId: 'REQ-POLICY', alreadyStarted: false });
  });

  it('makes no change where the target already has the setting, and reports an earlier start', async () => {
    // Prepare
    mockFullyApplied();

    // Act
    const result = await createDriver().startStep(reapplyContext());

    // Assess
    expect(result).toEqual({ alreadyStarted: true });
    expect(dynamodbMock.commandCalls(UpdateTimeToLiveCommand)).toHaveLength(0);
    expect(dynamodbMock.commandCalls(UpdateContinuousBackupsCommand)).toHaveLength(0);
    expect(dynamodbMock.commandCalls(TagResourceCommand)).toHaveLength(0);
    expect(dynamodbMock.commandCalls(UpdateTableCommand)).toHaveLength(0);
    expect(autoScalingMock.commandCalls(RegisterScalableTargetCommand)).toHaveLength(0);
    expect(autoScalingMock.commandCalls(PutScalingPolicyCommand)).toHaveLength(0);
  });

  it('tags only what is missing, and puts a policy on a target registered by an earlier attempt', async () => {
    // Prepare
    mockFreshRestore();
    dynamodbMock.on(ListTagsOfResourceCommand).resolves({
      Tags: [
        { Key: 'team', Value: 'payments' },
        { Key: 'restore-bot:expires-at', Value: '2024-06-04T12:00:00.000Z' },
        { Key: 'restore-bot:managed', Value: 'true' },
      ],
    });
    const [tableScaling] = TARGET_SCALING;
    autoScalingMock
      .on(DescribeScalableTargetsCommand)
      .resolves({ ScalableTargets: scalableTargets(tableScaling ? [tableScaling] : []) });
    autoScalingMock.on(DescribeScalingPoliciesCommand).resolves({ ScalingPolicies: [] });

    // Act
    await createDriver().startStep(reapplyContext());

    // Assess
    expect(dynamodbMock.commandCalls(TagResourceCommand)[0]?.args[0].input).toEqual({
      ResourceArn: TARGET_ARN,
      Tags: [
        { Key: 'restore-bot:source', Value: SOURCE_ARN },
        { Key: 'restore-bot:job-id', Value: JOB_ID },
      ],
    });
    expect(
      autoScalingMock.commandCalls(RegisterScalableTargetCommand).map((call) => call.args[0].input.ResourceId),
    ).toEqual(['table/orders-restored/index/by-customer']);
    expect(autoScalingMock.commandCalls(PutScalingPolicyCommand).map((call) => call.args[0].input.ResourceId)).toEqual([
      'table/orders-restored',
      'table/orders-restored/index/by-customer',
    ]);
  });

  it('calls nothing for what the source does not have', async () => {
    // Prepare
    mockFreshRestore();
    const source = buildTableSource({
      table: buildTableSettings({
        ttlAttribute: undefined,
        pointInTimeRecovery: false,
        stream: undefined,
        autoScaling: [],
      }),
    });

    // Act
    await createDriver().startStep(reapplyContext(buildTablePlan({ source })));

    // Assess
    expect(dynamodbMock.commandCalls(DescribeTimeToLiveCommand)).toHaveLength(0);
    expect(dynamodbMock.commandCalls(UpdateTimeToLiveCommand)).toHaveLength(0);
    expect(dynamodbMock.commandCalls(UpdateContinuousBackupsCommand)).toHaveLength(0);
    expect(dynamodbMock.commandCalls(UpdateTableCommand)).toHaveLength(0);
    expect(autoScalingMock.calls()).toHaveLength(0);
    expect(dynamodbMock.commandCalls(TagResourceCommand)).toHaveLength(1);
  });

  it('treats "already enabled" refusals as done', async () => {
    // Prepare
    mockFreshRestore();
    dynamodbMock.on(UpdateTimeToLiveCommand).rejects(awsError('ValidationException', 'TimeToLive is already enabled'));
    dynamodbMock
      .on(UpdateTableCommand)
      .rejects(awsError('ValidationException', 'Table already has an enabled stream: orders-restored'));

    // Act
    const result = await createDriver().startStep(reapplyContext());

    // Assess
    expect(result.alreadyStarted).toBe(false);
    expect(autoScalingMock.commandCalls(PutScalingPolicyCommand)).toHaveLength(2);
  });

  it('lets other refusals through unchanged, such as a table still UPDATING', async () => {
    // Prepare
    mockFreshRestore();
    const inUse = awsError('ResourceInUseException', 'Attempt to change a resource which is still in use');
    dynamodbMock.on(UpdateTableCommand).rejects(inUse);

    // Act
    const started = createDriver().startStep(reapplyContext());

    // Assess
    await expect(started).rejects.toBe(inUse);
  });

  it('throws when the restored table does not exist', async () => {
    // Prepare
    dynamodbMock
      .on(DescribeTableCommand)
      .rejects(new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: {} }));

    // Act
    const started = createDriver().startStep(reapplyContext());

    // Assess
    await expect(started).rejects.toThrow(/does not exist/);
  });
});
