import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  ObjectNotFoundException,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
  ValidationException,
} from '@aws-sdk/client-application-auto-scaling';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../dev/demo/accounts.js';
import { seedDynamoDbDemo } from '../../../dev/demo/dynamodb.js';
import { DEFAULT_DURATIONS } from '../../../packages/aws-simulator/src/world.js';
import { createHarness, failure, type Harness, NOV_20_NOON } from './simulated-harness.js';

const production = DEMO_ACCOUNTS.production;

describe('simulated Application Auto Scaling', () => {
  let harness: Harness;
  let autoScaling: ApplicationAutoScalingClient;
  const targets = async (ResourceIds?: string[]) =>
    (await autoScaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'dynamodb', ResourceIds })))
      .ScalableTargets ?? [];

  beforeEach(() => {
    harness = createHarness(NOV_20_NOON);
    seedDynamoDbDemo(harness.sim.dynamodb, DEMO_ACCOUNTS);
    autoScaling = harness.plug(new ApplicationAutoScalingClient({ region: production.region }), production);
  });

  it('describes the seeded targets of a table and its index, filtered by resource and dimension', async () => {
    // Act
    const table = await targets(['table/orders-events']);
    const both = await targets(['table/orders-events', 'table/orders-events/index/by-type']);
    const reads = await autoScaling.send(
      new DescribeScalableTargetsCommand({
        ServiceNamespace: 'dynamodb',
        ScalableDimension: 'dynamodb:index:ReadCapacityUnits',
      }),
    );

    // Assess
    expect(table.map((target) => [target.ScalableDimension, target.MinCapacity, target.MaxCapacity])).toEqual([
      ['dynamodb:table:ReadCapacityUnits', 5, 200],
      ['dynamodb:table:WriteCapacityUnits', 5, 100],
    ]);
    expect(both).toHaveLength(4);
    expect(reads.ScalableTargets?.map((target) => target.ResourceId)).toEqual(['table/orders-events/index/by-type']);
    expect(table[0]?.ScalableTargetARN).toMatch(
      /^arn:aws:application-autoscaling:eu-west-1:111111111111:scalable-target\//,
    );
  });

  it('describes the seeded target-tracking policies', async () => {
    // Act
    const { ScalingPolicies } = await autoScaling.send(
      new DescribeScalingPoliciesCommand({ ServiceNamespace: 'dynamodb', ResourceId: 'table/orders-events' }),
    );

    // Assess
    expect(ScalingPolicies).toHaveLength(2);
    expect(ScalingPolicies?.[0]).toMatchObject({
      PolicyName: 'ReadScaling-table-orders-events',
      PolicyType: 'TargetTrackingScaling',
      ScalableDimension: 'dynamodb:table:ReadCapacityUnits',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 70,
        PredefinedMetricSpecification: { PredefinedMetricType: 'DynamoDBReadCapacityUtilization' },
        ScaleInCooldown: 60,
        ScaleOutCooldown: 60,
      },
    });
  });

  it('registers a target idempotently: a second call updates the same target', async () => {
    // Prepare
    const register = (MaxCapacity: number) =>
      autoScaling.send(
        new RegisterScalableTargetCommand({
          ServiceNamespace: 'dynamodb',
          ResourceId: 'table/orders-events',
          ScalableDimension: 'dynamodb:table:ReadCapacityUnits',
          MinCapacity: 10,
          MaxCapacity,
        }),
      );

    // Act
    const first = await register(300);
    const second = await register(400);
    const [read] = await targets(['table/orders-events']);

    // Assess
    expect(second.ScalableTargetARN).toBe(first.ScalableTargetARN);
    expect(read).toMatchObject({ MinCapacity: 10, MaxCapacity: 400 });
  });

  it('refuses a table that does not exist, an on-demand table and a dimension of the wrong level', async () => {
    // Prepare
    const register = (
      ResourceId: string,
      ScalableDimension: 'dynamodb:table:ReadCapacityUnits' | 'dynamodb:index:ReadCapacityUnits',
    ) =>
      failure(
        autoScaling.send(
          new RegisterScalableTargetCommand({
            ServiceNamespace: 'dynamodb',
            ResourceId,
            ScalableDimension,
            MinCapacity: 1,
            MaxCapacity: 5,
          }),
        ),
      );

    // Act
    const missing = await register('table/nope', 'dynamodb:table:ReadCapacityUnits');
    const onDemand = await register('table/carts', 'dynamodb:table:ReadCapacityUnits');
    const wrongLevel = await register('table/orders-events', 'dynamodb:index:ReadCapacityUnits');

    // Assess
    expect(missing).toBeInstanceOf(ValidationException);
    expect((missing as Error).message).toContain('nope');
    expect(onDemand).toBeInstanceOf(ValidationException);
    expect(wrongLevel).toBeInstanceOf(ValidationException);
  });

  it('puts a policy only on a registered target, with the metric of its dimension', async () => {
    // Prepare
    const put = (
      ResourceId: string,
      PredefinedMetricType: 'DynamoDBReadCapacityUtilization' | 'DynamoDBWriteCapacityUtilization',
    ) =>
      autoScaling.send(
        new PutScalingPolicyCommand({
          PolicyName: 'reads',
          ServiceNamespace: 'dynamodb',
          ResourceId,
          ScalableDimension: 'dynamodb:table:ReadCapacityUnits',
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: {
            TargetValue: 60,
            PredefinedMetricSpecification: { PredefinedMetricType },
          },
        }),
      );
    harness.sim.dynamodb.addTable(production, {
      name: 'scaled',
      keySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      attributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      billingMode: 'PROVISIONED',
      capacity: { read: 5, write: 5 },
    });

    // Act
    const unregistered = await failure(put('table/scaled', 'DynamoDBReadCapacityUtilization'));
    await autoScaling.send(
      new RegisterScalableTargetCommand({
        ServiceNamespace: 'dynamodb',
        ResourceId: 'table/scaled',
        ScalableDimension: 'dynamodb:table:ReadCapacityUnits',
        MinCapacity: 5,
        MaxCapacity: 50,
      }),
    );
    const wrongMetric = await failure(put('table/scaled', 'DynamoDBWriteCapacityUtilization'));
    const put1 = await put('table/scaled', 'DynamoDBReadCapacityUtilization');
    const { ScalingPolicies } = await autoScaling.send(
      new DescribeScalingPoliciesCommand({ ServiceNamespace: 'dynamodb', PolicyNames: ['reads'] }),
    );

    // Assess
    expect(unregistered).toBeInstanceOf(ObjectNotFoundException);
    expect(wrongMetric).toBeInstanceOf(ValidationException);
    expect(put1.PolicyARN).toMatch(/:scalingPolicy:.+:resource\/dynamodb\/table\/scaled:policyName\/reads$/);
    expect(put1.Alarms?.length).toBeGreaterThan(0);
    expect(
      ScalingPolicies?.map((policy) => [
        policy.ResourceId,
        policy.TargetTrackingScalingPolicyConfiguration?.TargetValue,
      ]),
    ).toEqual([['table/scaled', 60]]);
  });

  it('removes the targets and policies of a deleted table', async () => {
    // Prepare
    const dynamodb = harness.plug(new DynamoDBClient({ region: production.region }), production);

    // Act
    await dynamodb.send(new DeleteTableCommand({ TableName: 'orders-events' }));
    harness.advance(DEFAULT_DURATIONS.deleteMs);
    const remaining = await targets();
    const { ScalingPolicies } = await autoScaling.send(
      new DescribeScalingPoliciesCommand({ ServiceNamespace: 'dynamodb' }),
    );

    // Assess
    expect(remaining).toEqual([]);
    expect(ScalingPolicies).toEqual([]);
  });
});
