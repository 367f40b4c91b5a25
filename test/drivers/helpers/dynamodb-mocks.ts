import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
} from '@aws-sdk/client-application-auto-scaling';
import { DescribeContinuousBackupsCommand, DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { DatabaseDriver } from '../../../src/domain/ports/database-driver.js';
import type { ScalingSetting } from '../../../src/domain/source.js';
import { createDynamoDbTableDriver } from '../../../src/drivers/dynamodb-table.js';
import { REGION, TARGET_SCALING } from './dynamodb-plan.js';
import { continuousBackups, scalableTargets, scalingPolicies, timeToLive } from './dynamodb-responses.js';

/*
 * The DynamoDB driver's two SDK clients, mocked. Vitest loads this module afresh for each test
 * file, so each file has mocks of its own; reset them before each test.
 */
export const dynamodbMock = mockClient(DynamoDBClient);
export const autoScalingMock = mockClient(ApplicationAutoScalingClient);

export function resetMocks(): void {
  dynamodbMock.reset();
  autoScalingMock.reset();
}

export function createTableDriver(): DatabaseDriver {
  return createDynamoDbTableDriver({
    dynamodb: new DynamoDBClient({ region: REGION }),
    autoScaling: new ApplicationAutoScalingClient({ region: REGION }),
  });
}

/** Application Auto Scaling answering with `settings`: their scalable targets, and each resource's policy. */
export function mockScaling(settings: ScalingSetting[]): void {
  autoScalingMock.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: scalableTargets(settings) });
  for (const setting of settings) {
    autoScalingMock
      .on(DescribeScalingPoliciesCommand, { ResourceId: setting.resourceId })
      .resolves({ ScalingPolicies: scalingPolicies([setting]) });
  }
}

/** The target's TTL, PITR and auto scaling as the source has them: every setting a restore drops, re-applied. */
export function mockSettingsReapplied(): void {
  dynamodbMock.on(DescribeTimeToLiveCommand).resolves({ TimeToLiveDescription: timeToLive('expiresAt') });
  dynamodbMock.on(DescribeContinuousBackupsCommand).resolves({ ContinuousBackupsDescription: continuousBackups(true) });
  mockScaling(TARGET_SCALING);
}
