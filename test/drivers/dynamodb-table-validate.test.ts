import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
} from '@aws-sdk/client-application-auto-scaling';
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTagsOfResourceCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StepContext } from '../../src/domain/ports/database-driver.js';
import type { ValidationCheck } from '../../src/domain/source.js';
import { createDynamoDbTableDriver } from '../../src/drivers/dynamodb-table.js';
import {
  buildTablePlan,
  JOB_ID,
  KMS_KEY_ARN,
  SOURCE_ARN,
  SOURCE_SCALING,
  TARGET_TABLE,
} from './helpers/dynamodb-plan.js';
import {
  continuousBackups,
  restoredTableDescription,
  scalableTargets,
  scalingPolicies,
  timeToLive,
} from './helpers/dynamodb-responses.js';

const dynamodbMock = mockClient(DynamoDBClient);
const autoScalingMock = mockClient(ApplicationAutoScalingClient);

function createDriver() {
  return createDynamoDbTableDriver({
    dynamodb: new DynamoDBClient({ region: 'eu-west-1' }),
    autoScaling: new ApplicationAutoScalingClient({ region: 'eu-west-1' }),
  });
}

const validateContext: StepContext = { jobId: JOB_ID, plan: buildTablePlan(), step: 'validate' };

const targetScaling = SOURCE_SCALING.map((setting) => ({
  ...setting,
  resourceId: setting.resourceId.replace('table/orders', `table/${TARGET_TABLE}`),
  policyName: setting.policyName?.replace('table/orders', `table/${TARGET_TABLE}`),
}));

const targetTags = {
  team: 'payments',
  'restore-bot:expires-at': '2024-06-04T12:00:00.000Z',
  'restore-bot:source': SOURCE_ARN,
  'restore-bot:managed': 'true',
  'restore-bot:job-id': JOB_ID,
};

/** A restored table with everything re-applied as the plan wants. */
function mockGoodTarget() {
  dynamodbMock.on(DescribeTableCommand).resolves({
    Table: restoredTableDescription(TARGET_TABLE, {
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      ItemCount: 1_249_990,
    }),
  });
  dynamodbMock.on(DescribeTimeToLiveCommand).resolves({ TimeToLiveDescription: timeToLive('expiresAt') });
  dynamodbMock.on(DescribeContinuousBackupsCommand).resolves({ ContinuousBackupsDescription: continuousBackups(true) });
  dynamodbMock
    .on(ListTagsOfResourceCommand)
    .resolves({ Tags: Object.entries(targetTags).map(([Key, Value]) => ({ Key, Value })) });
  autoScalingMock.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: scalableTargets(targetScaling) });
  for (const setting of targetScaling) {
    autoScalingMock
      .on(DescribeScalingPoliciesCommand, { ResourceId: setting.resourceId })
      .resolves({ ScalingPolicies: scalingPolicies([setting]) });
  }
}

function byName(checks: ValidationCheck[], name: string): ValidationCheck | undefined {
  return checks.find((check) => check.name === name);
}

beforeEach(() => {
  dynamodbMock.reset();
  autoScalingMock.reset();
});

describe('validate', () => {
  it('passes every check of a target restored and re-applied as planned', async () => {
    // Prepare
    mockGoodTarget();

    // Act
    const checks = await createDriver().validate(validateContext);

    // Assess
    expect(checks.map((check) => [check.name, check.result])).toEqual([
      ['Table status', 'passed'],
      ['Key schema', 'passed'],
      ['Global secondary indexes', 'passed'],
      ['Local secondary indexes', 'passed'],
      ['Billing mode', 'passed'],
      ['Item count', 'info'],
      ['Time to live', 'passed'],
      ['Point-in-time recovery', 'passed'],
      ['Stream', 'passed'],
      ['Tags', 'passed'],
      ['Auto scaling', 'passed'],
      ['Encryption key', 'passed'],
      ['Deletion protection', 'passed'],
    ]);
    expect(byName(checks, 'Item count')?.detail).toContain('Source 1250000 when planned, target 1249990');
    expect(byName(checks, 'Encryption key')?.detail).toBe(KMS_KEY_ARN);
  });

  it('fails the settings that were not re-applied', async () => {
    // Prepare
    mockGoodTarget();
    dynamodbMock.on(DescribeTimeToLiveCommand).resolves({ TimeToLiveDescription: timeToLive() });
    dynamodbMock
      .on(DescribeContinuousBackupsCommand)
      .resolves({ ContinuousBackupsDescription: continuousBackups(false) });
    dynamodbMock.on(ListTagsOfResourceCommand).resolves({ Tags: [{ Key: 'team', Value: 'payments' }] });
    autoScalingMock
      .on(DescribeScalableTargetsCommand)
      .resolves({ ScalableTargets: scalableTargets(targetScaling.slice(0, 1)) });

    // Act
    const checks = await createDriver().validate(validateContext);

    // Assess
    expect(byName(checks, 'Time to live')).toEqual({
      name: 'Time to live',
      result: 'failed',
      detail: 'Source expiresAt; target off',
    });
    expect(byName(checks, 'Point-in-time recovery')?.result).toBe('failed');
    expect(byName(checks, 'Tags')).toEqual({
      name: 'Tags',
      result: 'failed',
      detail:
        'Missing or different: restore-bot:expires-at, restore-bot:source, restore-bot:managed, restore-bot:job-id',
    });
    expect(byName(checks, 'Auto scaling')).toEqual({
      name: 'Auto scaling',
      result: 'failed',
      detail: 'Missing or different: table/orders-restored/index/by-customer dynamodb:index:WriteCapacityUnits',
    });
    expect(byName(checks, 'Stream')?.result).toBe('passed');
  });

  it('fails a different structure, key, stream, and deletion protection not as planned', async () => {
    // Prepare
    mockGoodTarget();
    dynamodbMock.on(DescribeTableCommand).resolves({
      Table: restoredTableDescription(TARGET_TABLE, {
        TableStatus: 'UPDATING',
        GlobalSecondaryIndexes: [],
        SSEDescription: undefined,
        DeletionProtectionEnabled: true,
      }),
    });

    // Act
    const checks = await createDriver().validate(validateContext);

    // Assess
    expect(checks.filter((check) => check.result === 'failed').map((check) => check.name)).toEqual([
      'Table status',
      'Global secondary indexes',
      'Stream',
      'Encryption key',
      'Deletion protection',
    ]);
    expect(byName(checks, 'Encryption key')?.detail).toBe(`Wanted ${KMS_KEY_ARN}; target AWS owned key`);
    expect(byName(checks, 'Global secondary indexes')?.detail).toBe(
      'source by-customer: customerId (HASH); target none',
    );
  });

  it('fails at once when the target table does not exist', async () => {
    // Prepare
    dynamodbMock
      .on(DescribeTableCommand)
      .rejects(new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: {} }));

    // Act
    const checks = await createDriver().validate(validateContext);

    // Assess
    expect(checks).toEqual([
      { name: 'Table exists', result: 'failed', detail: `There is no DynamoDB table named ${TARGET_TABLE}` },
    ]);
  });
});
