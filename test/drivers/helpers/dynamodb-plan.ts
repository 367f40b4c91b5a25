import type { Plan } from '../../../src/domain/plan.js';
import type { StepContext } from '../../../src/domain/ports/database-driver.js';
import type { ScalingSetting, SourceDescription, TableSettings } from '../../../src/domain/source.js';
import type { StepName } from '../../../src/domain/steps.js';

export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';
export const SOURCE_TABLE = 'orders';
export const TARGET_TABLE = 'orders-restored';
export const SOURCE_ARN = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${SOURCE_TABLE}`;
export const TARGET_ARN = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${TARGET_TABLE}`;
export const KMS_KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const BACKUP_ARN = `${SOURCE_ARN}/backup/01717000000000-a1b2c3d4`;
export const JOB_ID = '01J9ZK3V8Q7N4M2X6W5T0R1S';
export const PLAN_CREATED_AT = new Date('2024-06-01T12:00:00Z');

/** The source's scaling: the console's policy name on the table, a CDK-style name on the index. */
export const SOURCE_SCALING: ScalingSetting[] = [
  {
    resourceId: `table/${SOURCE_TABLE}`,
    dimension: 'dynamodb:table:ReadCapacityUnits',
    minCapacity: 5,
    maxCapacity: 100,
    policyName: `DynamoDBReadCapacityUtilization:table/${SOURCE_TABLE}`,
    targetValue: 70,
    predefinedMetricType: 'DynamoDBReadCapacityUtilization',
    scaleInCooldown: 60,
    scaleOutCooldown: 60,
  },
  {
    resourceId: `table/${SOURCE_TABLE}/index/by-customer`,
    dimension: 'dynamodb:index:WriteCapacityUnits',
    minCapacity: 2,
    maxCapacity: 40,
    policyName: 'ordersByCustomerWriteScaling',
    targetValue: 50,
    predefinedMetricType: 'DynamoDBWriteCapacityUtilization',
  },
];

/** The source's scaling as it must appear on `orders-restored`. */
export const TARGET_SCALING: ScalingSetting[] = [
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

/** The tags the restored table must carry: the plan's, then the bot's managed tags for this job. */
export const TARGET_TAGS: Record<string, string> = {
  team: 'payments',
  'restore-bot:expires-at': '2024-06-04T12:00:00.000Z',
  'restore-bot:source': SOURCE_ARN,
  'restore-bot:managed': 'true',
  'restore-bot:job-id': JOB_ID,
};

export function buildTableSettings(overrides: Partial<TableSettings> = {}): TableSettings {
  return {
    keySchema: [
      { attributeName: 'pk', keyType: 'HASH' },
      { attributeName: 'sk', keyType: 'RANGE' },
    ],
    globalSecondaryIndexes: [{ name: 'by-customer', keySchema: [{ attributeName: 'customerId', keyType: 'HASH' }] }],
    localSecondaryIndexes: [
      {
        name: 'by-date',
        keySchema: [
          { attributeName: 'pk', keyType: 'HASH' },
          { attributeName: 'createdAt', keyType: 'RANGE' },
        ],
      },
    ],
    billingMode: 'PROVISIONED',
    itemCount: 1_250_000,
    ttlAttribute: 'expiresAt',
    pointInTimeRecovery: true,
    stream: { viewType: 'NEW_AND_OLD_IMAGES' },
    autoScaling: SOURCE_SCALING,
    sseKmsKeyArn: KMS_KEY_ARN,
    tableClass: 'STANDARD',
    ...overrides,
  };
}

export function buildTableSource(overrides: Partial<SourceDescription> = {}): SourceDescription {
  return {
    kind: 'dynamodb-table',
    identifier: SOURCE_TABLE,
    arn: SOURCE_ARN,
    accountId: ACCOUNT,
    region: REGION,
    status: 'ACTIVE',
    engine: 'dynamodb',
    engineVersion: '',
    securityGroupIds: [],
    storageEncrypted: true,
    kmsKeyId: KMS_KEY_ARN,
    deletionProtection: true,
    tags: { team: 'payments' },
    restorableWindow: { earliest: new Date('2024-05-01T12:00:00Z'), latest: new Date('2024-06-01T11:55:00Z') },
    sizeGiB: 2,
    table: buildTableSettings(),
    ...overrides,
  };
}

/** A DynamoDB plan restoring `orders` to `orders-restored` at the latest restorable time. */
export function buildTablePlan(overrides: Partial<Plan> = {}): Plan {
  return {
    kind: 'dynamodb-table',
    source: buildTableSource(),
    sourceEnvironment: 'production',
    target: { identifier: TARGET_TABLE, environment: 'production', accountId: ACCOUNT, region: REGION },
    method: { type: 'latest' },
    settings: {
      securityGroupIds: [],
      kmsKeyId: KMS_KEY_ARN,
      deletionProtection: false,
      tags: { team: 'payments', 'restore-bot:expires-at': '2024-06-04T12:00:00.000Z' },
    },
    steps: [
      { name: 'restore', description: 'Restore the table' },
      { name: 'reapply-table-settings', description: 'Re-apply TTL, PITR, tags, stream and auto scaling' },
      { name: 'validate', description: 'Compare with the source' },
    ],
    approvalsRequired: 1,
    estimate: { minutes: 30, basis: 'policy' },
    reason: 'Investigate a bad migration',
    requester: 'U012AB3CD',
    createdAt: PLAN_CREATED_AT,
    ...overrides,
  };
}

export function tableStepContext(step: StepName, plan: Plan = buildTablePlan()): StepContext {
  return { jobId: JOB_ID, plan, step };
}
