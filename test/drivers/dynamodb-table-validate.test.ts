import { DescribeScalableTargetsCommand } from '@aws-sdk/client-application-auto-scaling';
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ValidationCheck } from '../../src/domain/source.js';
import {
  autoScalingMock,
  createTableDriver,
  dynamodbMock,
  mockSettingsReapplied,
  resetMocks,
} from './helpers/dynamodb-mocks.js';
import { KMS_KEY_ARN, TARGET_SCALING, TARGET_TABLE, TARGET_TAGS, tableStepContext } from './helpers/dynamodb-plan.js';
import {
  continuousBackups,
  restoredTableDescription,
  scalableTargets,
  tableNotFound,
  tagList,
  timeToLive,
} from './helpers/dynamodb-responses.js';

const validateContext = tableStepContext('validate');

/** A restored table with everything re-applied as the plan wants. */
function mockGoodTarget() {
  dynamodbMock.on(DescribeTableCommand).resolves({
    Table: restoredTableDescription(TARGET_TABLE, {
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      ItemCount: 1_249_990,
    }),
  });
  mockSettingsReapplied();
  dynamodbMock.on(ListTagsOfResourceCommand).resolves({ Tags: tagList(TARGET_TAGS) });
}

function byName(checks: ValidationCheck[], name: string): ValidationCheck | undefined {
  return checks.find((check) => check.name === name);
}

beforeEach(resetMocks);

describe('validate', () => {
  it('passes every check of a target restored and re-applied as planned', async () => {
    // Prepare
    mockGoodTarget();

    // Act
    const checks = await createTableDriver().validate(validateContext);

    // Assess
    expect(checks.map((check) => [check.name, check.result])).toEqual([
      ['Status', 'passed'],
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
      ['KMS key', 'passed'],
      ['Deletion protection', 'passed'],
    ]);
    expect(byName(checks, 'Item count')?.detail).toContain('source 1,250,000 when planned, target 1,249,990');
    expect(byName(checks, 'KMS key')?.detail).toBe(KMS_KEY_ARN);
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
      .resolves({ ScalableTargets: scalableTargets(TARGET_SCALING.slice(0, 1)) });

    // Act
    const checks = await createTableDriver().validate(validateContext);

    // Assess
    expect(byName(checks, 'Time to live')).toEqual({
      name: 'Time to live',
      result: 'failed',
      detail: 'source expiresAt; target off',
    });
    expect(byName(checks, 'Point-in-time recovery')?.result).toBe('failed');
    expect(byName(checks, 'Tags')).toEqual({
      name: 'Tags',
      result: 'failed',
      detail:
        'missing or different: restore-bot:expires-at, restore-bot:source, restore-bot:managed, restore-bot:job-id',
    });
    expect(byName(checks, 'Auto scaling')).toEqual({
      name: 'Auto scaling',
      result: 'failed',
      detail: 'missing or different: table/orders-restored/index/by-customer dynamodb:index:WriteCapacityUnits',
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
    const checks = await createTableDriver().validate(validateContext);

    // Assess
    expect(checks.filter((check) => check.result === 'failed').map((check) => check.name)).toEqual([
      'Status',
      'Global secondary indexes',
      'Stream',
      'KMS key',
      'Deletion protection',
    ]);
    expect(byName(checks, 'KMS key')?.detail).toBe(`expected ${KMS_KEY_ARN}, found AWS owned key`);
    expect(byName(checks, 'Global secondary indexes')?.detail).toBe(
      'source by-customer: customerId (HASH); target none',
    );
  });

  it('fails at once when the target table does not exist', async () => {
    // Prepare
    dynamodbMock.on(DescribeTableCommand).rejects(tableNotFound());

    // Act
    const checks = await createTableDriver().validate(validateContext);

    // Assess
    expect(checks).toEqual([
      { name: 'Status', result: 'failed', detail: `there is no DynamoDB table named ${TARGET_TABLE}` },
    ]);
  });
});
