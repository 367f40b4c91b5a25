import { randomBytes, randomUUID } from 'node:crypto';
import type {
  DeleteScalingPolicyRequest,
  DeregisterScalableTargetRequest,
  DescribeScalableTargetsRequest,
  DescribeScalableTargetsResponse,
  DescribeScalingPoliciesRequest,
  DescribeScalingPoliciesResponse,
  PutScalingPolicyRequest,
  PutScalingPolicyResponse,
  RegisterScalableTargetRequest,
  RegisterScalableTargetResponse,
  ScalableDimension,
} from '@aws-sdk/client-application-auto-scaling';
import type { DynamoDbRegion } from '../dynamodb/state.js';
import { fault } from '../errors.js';
import type { SimulatedTarget } from '../types.js';
import { policyKey, scalingKey } from './scaling-state.js';

const DEFAULT_PAGE = 50;
const RESOURCE_ID = /^table\/([a-zA-Z0-9_.-]{3,255})(?:\/index\/([a-zA-Z0-9_.-]{3,255}))?$/;
const METRIC_FOR: Record<string, string> = {
  ReadCapacityUnits: 'DynamoDBReadCapacityUtilization',
  WriteCapacityUnits: 'DynamoDBWriteCapacityUtilization',
};

/** Where an operation lands: the account and region, and that region's DynamoDB state. */
export interface ScalingScope {
  target: SimulatedTarget;
  region: DynamoDbRegion;
  now: Date;
}

function requireDynamoDbNamespace(namespace: string | undefined): void {
  if (namespace !== 'dynamodb') {
    throw fault('ValidationException', `The simulated account only scales the dynamodb namespace, not ${namespace}`);
  }
}

/** Checks the resource id and dimension fit each other and name an existing provisioned table or index. */
function requireScalableResource(
  region: DynamoDbRegion,
  resourceId: string | undefined,
  dimension: string | undefined,
): ScalableDimension {
  const match = RESOURCE_ID.exec(resourceId ?? '');
  const tableName = match?.[1];
  if (!match || !tableName) throw fault('ValidationException', `Unsupported resource ID: ${resourceId}`);
  const indexName = match[2];
  const expected = indexName ? 'dynamodb:index:' : 'dynamodb:table:';
  const unit = dimension?.slice(expected.length) ?? '';
  if (!dimension?.startsWith(expected) || !METRIC_FOR[unit]) {
    throw fault('ValidationException', `Unsupported scalable dimension: ${dimension} for resource ID: ${resourceId}`);
  }
  const table = region.tables.get(tableName);
  if (!table || table.status === 'DELETING') {
    throw fault('ValidationException', `DynamoDB table does not exist: ${tableName}`);
  }
  if (indexName && !table.globalSecondaryIndexes.some((index) => index.name === indexName)) {
    throw fault('ValidationException', `DynamoDB index does not exist: ${indexName} of table ${tableName}`);
  }
  if (table.billingMode === 'PAY_PER_REQUEST') {
    throw fault(
      'ValidationException',
      `DynamoDB table ${tableName} is in on-demand (PAY_PER_REQUEST) mode and cannot be scaled`,
    );
  }
  return dimension as ScalableDimension;
}

function page<T>(
  items: T[],
  nextToken: string | undefined,
  maxResults: number | undefined,
): { items: T[]; next?: string } {
  const start = nextToken ? Number.parseInt(Buffer.from(nextToken, 'base64').toString('utf8'), 10) : 0;
  if (!Number.isInteger(start) || start < 0) throw fault('InvalidNextTokenException', 'Invalid NextToken');
  const size = maxResults ?? DEFAULT_PAGE;
  const end = start + size;
  return {
    items: items.slice(start, end),
    ...(end < items.length && { next: Buffer.from(String(end)).toString('base64') }),
  };
}

export function registerScalableTarget(
  scope: ScalingScope,
  input: RegisterScalableTargetRequest,
): RegisterScalableTargetResponse {
  requireDynamoDbNamespace(input.ServiceNamespace);
  const dimension = requireScalableResource(scope.region, input.ResourceId, input.ScalableDimension);
  const resourceId = input.ResourceId ?? '';
  const key = scalingKey(resourceId, dimension);
  const existing = scope.region.scaling.targets.get(key);
  const minCapacity = input.MinCapacity ?? existing?.minCapacity;
  const maxCapacity = input.MaxCapacity ?? existing?.maxCapacity;
  if (minCapacity === undefined || maxCapacity === undefined) {
    throw fault('ValidationException', 'MinCapacity and MaxCapacity are required to register a new scalable target');
  }
  if (minCapacity < 1 || minCapacity > maxCapacity) {
    throw fault(
      'ValidationException',
      `Minimum capacity ${minCapacity} must be at least 1 and not above maximum capacity ${maxCapacity}`,
    );
  }
  const { accountId, region } = scope.target;
  const target = existing ?? {
    resourceId,
    dimension,
    minCapacity,
    maxCapacity,
    roleArn:
      input.RoleARN ??
      `arn:aws:iam::${accountId}:role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable`,
    arn: `arn:aws:application-autoscaling:${region}:${accountId}:scalable-target/${randomBytes(16).toString('hex')}`,
    createdAt: scope.now,
  };
  target.minCapacity = minCapacity;
  target.maxCapacity = maxCapacity;
  if (input.SuspendedState) target.suspendedState = input.SuspendedState;
  scope.region.scaling.targets.set(key, target);
  return { ScalableTargetARN: target.arn };
}

export function describeScalableTargets(
  scope: ScalingScope,
  input: DescribeScalableTargetsRequest,
): DescribeScalableTargetsResponse {
  requireDynamoDbNamespace(input.ServiceNamespace);
  const ids = input.ResourceIds && input.ResourceIds.length > 0 ? new Set(input.ResourceIds) : undefined;
  const matching = [...scope.region.scaling.targets.values()].filter(
    (target) =>
      (!ids || ids.has(target.resourceId)) &&
      (!input.ScalableDimension || target.dimension === input.ScalableDimension),
  );
  const { items, next } = page(matching, input.NextToken, input.MaxResults);
  return {
    ScalableTargets: items.map((target) => ({
      ServiceNamespace: 'dynamodb',
      ResourceId: target.resourceId,
      ScalableDimension: target.dimension,
      MinCapacity: target.minCapacity,
      MaxCapacity: target.maxCapacity,
      RoleARN: target.roleArn,
      CreationTime: target.createdAt,
      ScalableTargetARN: target.arn,
      SuspendedState: target.suspendedState ?? {
        DynamicScalingInSuspended: false,
        DynamicScalingOutSuspended: false,
        ScheduledScalingSuspended: false,
      },
    })),
    ...(next && { NextToken: next }),
  };
}

export function deregisterScalableTarget(scope: ScalingScope, input: DeregisterScalableTargetRequest): object {
  requireDynamoDbNamespace(input.ServiceNamespace);
  const key = scalingKey(input.ResourceId ?? '', input.ScalableDimension ?? '');
  if (!scope.region.scaling.targets.delete(key)) {
    throw fault(
      'ObjectNotFoundException',
      `No scalable target registered for service namespace: dynamodb, resource ID: ${input.ResourceId}, scalable dimension: ${input.ScalableDimension}`,
    );
  }
  for (const [policy, stored] of scope.region.scaling.policies) {
    if (scalingKey(stored.resourceId, stored.dimension) === key) scope.region.scaling.policies.delete(policy);
  }
  return {};
}

/** DynamoDB only supports target tracking; the metric must match the dimension's unit. */
export function putScalingPolicy(scope: ScalingScope, input: PutScalingPolicyRequest): PutScalingPolicyResponse {
  requireDynamoDbNamespace(input.ServiceNamespace);
  const resourceId = input.ResourceId ?? '';
  const dimension = input.ScalableDimension ?? '';
  const name = input.PolicyName ?? '';
  if (!name) throw fault('ValidationException', 'PolicyName is required');
  if (!scope.region.scaling.targets.has(scalingKey(resourceId, dimension))) {
    throw fault(
      'ObjectNotFoundException',
      `No scalable target registered for service namespace: dynamodb, resource ID: ${resourceId}, scalable dimension: ${dimension}`,
    );
  }
  if (input.PolicyType !== 'TargetTrackingScaling') {
    throw fault(
      'ValidationException',
      `Unsupported policy type ${input.PolicyType} for service namespace dynamodb: use TargetTrackingScaling`,
    );
  }
  const configuration = input.TargetTrackingScalingPolicyConfiguration;
  const targetValue = configuration?.TargetValue;
  if (!configuration || targetValue === undefined || targetValue < 20 || targetValue > 90) {
    throw fault(
      'ValidationException',
      'TargetTrackingScalingPolicyConfiguration.TargetValue must be between 20 and 90 for DynamoDB',
    );
  }
  const unit = dimension.split(':').at(-1) ?? '';
  const metric = configuration.PredefinedMetricSpecification?.PredefinedMetricType;
  if (metric !== METRIC_FOR[unit]) {
    throw fault('ValidationException', `Predefined metric ${metric} does not fit scalable dimension ${dimension}`);
  }
  const key = policyKey(resourceId, dimension, name);
  const existing = scope.region.scaling.policies.get(key);
  const { accountId, region } = scope.target;
  const id = randomUUID();
  const alarm = (kind: string) => {
    const alarmName = `TargetTracking-${resourceId}-${kind}-${randomUUID()}`;
    return { AlarmName: alarmName, AlarmARN: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${alarmName}` };
  };
  const policy = existing ?? {
    name,
    arn: `arn:aws:autoscaling:${region}:${accountId}:scalingPolicy:${id}:resource/dynamodb/${resourceId}:policyName/${name}`,
    resourceId,
    dimension: dimension as ScalableDimension,
    configuration,
    alarms: [alarm('AlarmHigh'), alarm('AlarmLow'), alarm('ProvisionedCapacityHigh'), alarm('ProvisionedCapacityLow')],
    createdAt: scope.now,
  };
  policy.configuration = structuredClone(configuration);
  scope.region.scaling.policies.set(key, policy);
  return { PolicyARN: policy.arn, Alarms: policy.alarms };
}

export function describeScalingPolicies(
  scope: ScalingScope,
  input: DescribeScalingPoliciesRequest,
): DescribeScalingPoliciesResponse {
  requireDynamoDbNamespace(input.ServiceNamespace);
  const names = input.PolicyNames && input.PolicyNames.length > 0 ? new Set(input.PolicyNames) : undefined;
  const matching = [...scope.region.scaling.policies.values()].filter(
    (policy) =>
      (!names || names.has(policy.name)) &&
      (!input.ResourceId || policy.resourceId === input.ResourceId) &&
      (!input.ScalableDimension || policy.dimension === input.ScalableDimension),
  );
  const { items, next } = page(matching, input.NextToken, input.MaxResults);
  return {
    ScalingPolicies: items.map((policy) => ({
      PolicyARN: policy.arn,
      PolicyName: policy.name,
      ServiceNamespace: 'dynamodb',
      ResourceId: policy.resourceId,
      ScalableDimension: policy.dimension,
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: policy.configuration,
      Alarms: policy.alarms,
      CreationTime: policy.createdAt,
    })),
    ...(next && { NextToken: next }),
  };
}

export function deleteScalingPolicy(scope: ScalingScope, input: DeleteScalingPolicyRequest): object {
  requireDynamoDbNamespace(input.ServiceNamespace);
  const key = policyKey(input.ResourceId ?? '', input.ScalableDimension ?? '', input.PolicyName ?? '');
  if (!scope.region.scaling.policies.delete(key)) {
    throw fault(
      'ObjectNotFoundException',
      `No scaling policy found for service namespace: dynamodb, resource ID: ${input.ResourceId}, scalable dimension: ${input.ScalableDimension}, policy name: ${input.PolicyName}`,
    );
  }
  return {};
}
