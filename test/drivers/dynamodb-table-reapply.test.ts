import {
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
} from '@aws-sdk/client-application-auto-scaling';
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTagsOfResourceCommand,
  TagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  autoScalingMock,
  createTableDriver,
  dynamodbMock,
  mockSettingsReapplied,
  resetMocks,
} from './helpers/dynamodb-mocks.js';
import {
  buildTablePlan,
  buildTableSettings,
  buildTableSource,
  JOB_ID,
  SOURCE_ARN,
  TARGET_ARN,
  TARGET_SCALING,
  TARGET_TABLE,
  TARGET_TAGS,
  tableStepContext,
} from './helpers/dynamodb-plan.js';
import {
  awsError,
  continuousBackups,
  metadata,
  restoredTableDescription,
  scalableTargets,
  tableNotFound,
  tagList,
  timeToLive,
} from './helpers/dynamodb-responses.js';

function reapplyContext(
  plan = buildTablePlan({ settings: { ...buildTablePlan().settings, deletionProtection: true } }),
) {
  return tableStepContext('reapply-table-settings', plan);
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
  mockSettingsReapplied();
  dynamodbMock.on(ListTagsOfResourceCommand).resolves({ Tags: tagList(TARGET_TAGS) });
}

beforeEach(resetMocks);

describe('startStep reapply-table-settings', () => {
  it('re-applies TTL, PITR, tags, stream, deletion protection and auto scaling on the target', async () => {
    // Prepare
    mockFreshRestore();

    // Act
    const result = await createTableDriver().startStep(reapplyContext());

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
      Tags: tagList(TARGET_TAGS),
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
    const result = await createTableDriver().startStep(reapplyContext());

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
    await createTableDriver().startStep(reapplyContext());

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
    await createTableDriver().startStep(reapplyContext(buildTablePlan({ source })));

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
    const result = await createTableDriver().startStep(reapplyContext());

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
    const started = createTableDriver().startStep(reapplyContext());

    // Assess
    await expect(started).rejects.toBe(inUse);
  });

  it('throws when the restored table does not exist', async () => {
    // Prepare
    dynamodbMock.on(DescribeTableCommand).rejects(tableNotFound());

    // Act
    const started = createTableDriver().startStep(reapplyContext());

    // Assess
    await expect(started).rejects.toThrow(/does not exist/);
  });
});
