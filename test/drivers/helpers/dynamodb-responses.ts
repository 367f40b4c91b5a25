import type { ScalableTarget, ScalingPolicy } from '@aws-sdk/client-application-auto-scaling';
import {
  type ContinuousBackupsDescription,
  ResourceNotFoundException,
  type TableDescription,
  type TimeToLiveDescription,
} from '@aws-sdk/client-dynamodb';
import type { ScalingSetting } from '../../../src/domain/source.js';
import { ACCOUNT, KMS_KEY_ARN, REGION, SOURCE_TABLE } from './dynamodb-plan.js';

/** Response fixtures shaped like DynamoDB's and Application Auto Scaling's real answers. */

const METADATA = {
  httpStatusCode: 200,
  requestId: 'R3Q5T7V9X1Z3B5D7F9H1J3L5N7P9R1T3V5X7Z9B1D3F5H7J9',
  attempts: 1,
  totalRetryDelay: 0,
};

export function metadata(requestId = METADATA.requestId) {
  return { ...METADATA, requestId };
}

function tableArn(name: string): string {
  return `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`;
}

/** DescribeTable's `Table` for `orders` (or a restore of it under another name). */
export function tableDescription(name = SOURCE_TABLE, overrides: Partial<TableDescription> = {}): TableDescription {
  const arn = tableArn(name);
  return {
    AttributeDefinitions: [
      { AttributeName: 'createdAt', AttributeType: 'S' },
      { AttributeName: 'customerId', AttributeType: 'S' },
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
    ],
    TableName: name,
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    TableStatus: 'ACTIVE',
    CreationDateTime: new Date('2023-02-14T09:30:12.345Z'),
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 25, WriteCapacityUnits: 10 },
    TableSizeBytes: 2 * 1024 ** 3,
    ItemCount: 1_250_000,
    TableArn: arn,
    TableId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    BillingModeSummary: { BillingMode: 'PROVISIONED' },
    LocalSecondaryIndexes: [
      {
        IndexName: 'by-date',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'createdAt', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
        IndexSizeBytes: 104_857_600,
        ItemCount: 1_250_000,
        IndexArn: `${arn}/index/by-date`,
      },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'by-customer',
        KeySchema: [{ AttributeName: 'customerId', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'ALL' },
        IndexStatus: 'ACTIVE',
        ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 10, WriteCapacityUnits: 5 },
        IndexSizeBytes: 524_288_000,
        ItemCount: 1_250_000,
        IndexArn: `${arn}/index/by-customer`,
      },
    ],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    LatestStreamLabel: '2023-02-14T09:30:12.345',
    LatestStreamArn: `${arn}/stream/2023-02-14T09:30:12.345`,
    SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: KMS_KEY_ARN },
    TableClassSummary: { TableClass: 'STANDARD' },
    DeletionProtectionEnabled: true,
    ...overrides,
  };
}

/**
 * A fresh restore of `orders`: same structure and key, but none of what a restore drops (no stream,
 * deletion protection off), with a RestoreSummary naming where it came from.
 */
export function restoredTableDescription(name: string, overrides: Partial<TableDescription> = {}): TableDescription {
  return tableDescription(name, {
    CreationDateTime: new Date('2024-06-01T12:05:00Z'),
    StreamSpecification: undefined,
    LatestStreamLabel: undefined,
    LatestStreamArn: undefined,
    DeletionProtectionEnabled: false,
    RestoreSummary: {
      SourceTableArn: tableArn(SOURCE_TABLE),
      RestoreDateTime: new Date('2024-06-01T11:55:00Z'),
      RestoreInProgress: false,
    },
    ...overrides,
  });
}

export function continuousBackups(pitrEnabled: boolean): ContinuousBackupsDescription {
  return {
    ContinuousBackupsStatus: 'ENABLED',
    PointInTimeRecoveryDescription: pitrEnabled
      ? {
          PointInTimeRecoveryStatus: 'ENABLED',
          RecoveryPeriodInDays: 35,
          EarliestRestorableDateTime: new Date('2024-04-27T12:00:00Z'),
          LatestRestorableDateTime: new Date('2024-06-01T11:55:00Z'),
        }
      : { PointInTimeRecoveryStatus: 'DISABLED' },
  };
}

export function timeToLive(attribute?: string): TimeToLiveDescription {
  return attribute === undefined
    ? { TimeToLiveStatus: 'DISABLED' }
    : { TimeToLiveStatus: 'ENABLED', AttributeName: attribute };
}

export function scalableTargets(settings: ScalingSetting[]): ScalableTarget[] {
  return settings.map((setting) => ({
    ServiceNamespace: 'dynamodb',
    ResourceId: setting.resourceId,
    ScalableDimension: setting.dimension as ScalableTarget['ScalableDimension'],
    MinCapacity: setting.minCapacity,
    MaxCapacity: setting.maxCapacity,
    RoleARN: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable`,
    CreationTime: new Date('2023-02-14T09:35:00Z'),
    SuspendedState: {
      DynamicScalingInSuspended: false,
      DynamicScalingOutSuspended: false,
      ScheduledScalingSuspended: false,
    },
    ScalableTargetARN: `arn:aws:application-autoscaling:${REGION}:${ACCOUNT}:scalable-target/0d1e2f3a4b5c`,
  }));
}

export function scalingPolicies(settings: ScalingSetting[]): ScalingPolicy[] {
  return settings.map((setting) => ({
    PolicyARN: `arn:aws:autoscaling:${REGION}:${ACCOUNT}:scalingPolicy:0d1e2f3a:resource/dynamodb/${setting.resourceId}:policyName/${setting.policyName}`,
    PolicyName: setting.policyName,
    ServiceNamespace: 'dynamodb',
    ResourceId: setting.resourceId,
    ScalableDimension: setting.dimension as ScalingPolicy['ScalableDimension'],
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: setting.targetValue,
      PredefinedMetricSpecification: {
        PredefinedMetricType: setting.predefinedMetricType as 'DynamoDBReadCapacityUtilization',
      },
      ...(setting.scaleInCooldown === undefined ? {} : { ScaleInCooldown: setting.scaleInCooldown }),
      ...(setting.scaleOutCooldown === undefined ? {} : { ScaleOutCooldown: setting.scaleOutCooldown }),
    },
    Alarms: [
      {
        AlarmName: `TargetTracking-${setting.resourceId}-AlarmHigh-1a2b3c`,
        AlarmARN: `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:TargetTracking-${setting.resourceId}-AlarmHigh-1a2b3c`,
      },
    ],
    CreationTime: new Date('2023-02-14T09:35:01Z'),
  }));
}

/** An AWS error as the SDK throws it for codes it does not model (ValidationException): compared by name. */
export function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

/** DescribeTable's answer for a table that does not exist. */
export function tableNotFound(): ResourceNotFoundException {
  return new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: {} });
}

/** Tags as ListTagsOfResource and TagResource carry them. */
export function tagList(tags: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}
