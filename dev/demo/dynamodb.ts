import type { DynamoDbSimulation, SimulatedTarget } from '@db-restore-bot/aws-simulator';
import type { DemoAccounts } from './accounts.js';

const DAY_MS = 24 * 60 * 60 * 1000;

type Ago = (ms: number) => Date;

function seedCarts(dynamodb: DynamoDbSimulation, target: SimulatedTarget, name: string, env: string, ago: Ago): void {
  const production = env === 'production';
  dynamodb.addTable(target, {
    name,
    keySchema: [{ AttributeName: 'cartId', KeyType: 'HASH' }],
    attributeDefinitions: [
      { AttributeName: 'cartId', AttributeType: 'S' },
      { AttributeName: 'customerId', AttributeType: 'S' },
      { AttributeName: 'updatedAt', AttributeType: 'S' },
    ],
    globalSecondaryIndexes: [
      {
        name: 'by-customer',
        keySchema: [
          { AttributeName: 'customerId', KeyType: 'HASH' },
          { AttributeName: 'updatedAt', KeyType: 'RANGE' },
        ],
      },
    ],
    billingMode: 'PAY_PER_REQUEST',
    itemCount: production ? 1_284_503 : 48_210,
    sizeBytes: production ? 612_400_128 : 23_004_160,
    ttlAttribute: 'expiresAt',
    pointInTimeRecovery: { enabledAt: ago(400 * DAY_MS) },
    streamViewType: 'NEW_AND_OLD_IMAGES',
    kmsMasterKeyArn: `arn:aws:kms:${target.region}:${target.accountId}:key/5f0c2b1e-8c1d-4d7a-9e3b-2a6f1c0d9e41`,
    deletionProtection: production,
    tags: { team: 'checkout', service: 'carts', env },
    createdAt: ago(420 * DAY_MS),
  });
  dynamodb.addBackup(target, { tableName: name, name: `${name}-before-migration`, createdAt: ago(3 * DAY_MS) });
  dynamodb.addBackup(target, { tableName: name, name: `${name}-weekly`, createdAt: ago(6 * DAY_MS) });
  dynamodb.addBackup(target, { tableName: name, name: `${name}-system`, type: 'SYSTEM', createdAt: ago(12 * DAY_MS) });
}

function seedOrdersEvents(
  dynamodb: DynamoDbSimulation,
  target: SimulatedTarget,
  name: string,
  env: string,
  ago: Ago,
): void {
  const production = env === 'production';
  dynamodb.addTable(target, {
    name,
    keySchema: [
      { AttributeName: 'orderId', KeyType: 'HASH' },
      { AttributeName: 'eventAt', KeyType: 'RANGE' },
    ],
    attributeDefinitions: [
      { AttributeName: 'orderId', AttributeType: 'S' },
      { AttributeName: 'eventAt', AttributeType: 'S' },
      { AttributeName: 'eventType', AttributeType: 'S' },
      { AttributeName: 'status', AttributeType: 'S' },
    ],
    globalSecondaryIndexes: [
      {
        name: 'by-type',
        keySchema: [
          { AttributeName: 'eventType', KeyType: 'HASH' },
          { AttributeName: 'eventAt', KeyType: 'RANGE' },
        ],
        projection: { ProjectionType: 'KEYS_ONLY' },
        capacity: { read: 10, write: 5 },
      },
    ],
    localSecondaryIndexes: [
      {
        name: 'by-status',
        keySchema: [
          { AttributeName: 'orderId', KeyType: 'HASH' },
          { AttributeName: 'status', KeyType: 'RANGE' },
        ],
      },
    ],
    billingMode: 'PROVISIONED',
    capacity: { read: 50, write: 20 },
    itemCount: production ? 9_830_112 : 310_554,
    sizeBytes: production ? 4_102_334_464 : 129_880_064,
    // Enabled ten days ago: the window starts there, not 35 days back.
    pointInTimeRecovery: { enabledAt: ago(10 * DAY_MS) },
    tags: { team: 'orders', service: 'orders', env },
    createdAt: ago(700 * DAY_MS),
  });
  const tableId = `table/${name}`;
  const indexId = `table/${name}/index/by-type`;
  const scaling = [
    { resourceId: tableId, dimension: 'dynamodb:table:ReadCapacityUnits', maxCapacity: 200 },
    { resourceId: tableId, dimension: 'dynamodb:table:WriteCapacityUnits', maxCapacity: 100 },
    { resourceId: indexId, dimension: 'dynamodb:index:ReadCapacityUnits', maxCapacity: 50 },
    { resourceId: indexId, dimension: 'dynamodb:index:WriteCapacityUnits', maxCapacity: 50 },
  ] as const;
  for (const { resourceId, dimension, maxCapacity } of scaling) {
    const unit = dimension.endsWith('ReadCapacityUnits') ? 'Read' : 'Write';
    dynamodb.addScaling(target, {
      resourceId,
      dimension,
      minCapacity: 5,
      maxCapacity,
      policy: {
        name: `${unit}Scaling-${resourceId.replaceAll('/', '-')}`,
        targetValue: 70,
        scaleInCooldown: 60,
        scaleOutCooldown: 60,
      },
    });
  }
  dynamodb.addBackup(target, { tableName: name, name: `${name}-weekly`, createdAt: ago(2 * DAY_MS) });
  dynamodb.addBackup(target, { tableName: name, name: `${name}-weekly-prev`, createdAt: ago(9 * DAY_MS) });
}

function seedAuditLog(dynamodb: DynamoDbSimulation, target: SimulatedTarget, ago: Ago): void {
  // PITR off: point-in-time restores are refused; only the backup can be restored.
  dynamodb.addTable(target, {
    name: 'audit-log',
    keySchema: [
      { AttributeName: 'actor', KeyType: 'HASH' },
      { AttributeName: 'at', KeyType: 'RANGE' },
    ],
    attributeDefinitions: [
      { AttributeName: 'actor', AttributeType: 'S' },
      { AttributeName: 'at', AttributeType: 'S' },
    ],
    billingMode: 'PAY_PER_REQUEST',
    itemCount: 22_419_007,
    sizeBytes: 7_530_118_144,
    tableClass: 'STANDARD_INFREQUENT_ACCESS',
    tags: { team: 'platform', service: 'audit', env: 'production' },
    createdAt: ago(900 * DAY_MS),
  });
  dynamodb.addBackup(target, { tableName: 'audit-log', name: 'audit-log-monthly', createdAt: ago(20 * DAY_MS) });
}

/**
 * Demo tables. Production: `carts` (on-demand, TTL, PITR, stream, GSI, customer KMS key,
 * deletion protection), `orders-events` (provisioned, auto scaling on the table and its GSI,
 * PITR since ten days) and `audit-log` (PITR off), with USER and SYSTEM backups.
 * Acceptance: `carts-acc` and `orders-events-acc`, shaped the same. `carts` is a global table with a
 * replica in the disaster-recovery region.
 */
export function seedDynamoDbDemo(dynamodb: DynamoDbSimulation, accounts: DemoAccounts): void {
  const now = dynamodb.world.now().getTime();
  const ago: Ago = (ms) => new Date(now - ms);
  seedCarts(dynamodb, accounts.production, 'carts', 'production', ago);
  seedOrdersEvents(dynamodb, accounts.production, 'orders-events', 'production', ago);
  seedAuditLog(dynamodb, accounts.production, ago);
  dynamodb.addReplica(accounts.production, 'carts', accounts.disasterRecovery.region);
  seedCarts(dynamodb, accounts.acceptance, 'carts-acc', 'acceptance', ago);
  seedOrdersEvents(dynamodb, accounts.acceptance, 'orders-events-acc', 'acceptance', ago);
}
