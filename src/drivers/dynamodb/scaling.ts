import {
  type ApplicationAutoScalingClient,
  paginateDescribeScalableTargets,
  paginateDescribeScalingPolicies,
  type ScalableTarget,
  type ScalingPolicy,
} from '@aws-sdk/client-application-auto-scaling';
import type { ScalingSetting } from '../../domain/source.js';

/** Application Auto Scaling's name for DynamoDB resources. */
export const SCALING_NAMESPACE = 'dynamodb';

/** `table/<name>` and `table/<name>/index/<gsi>` for each index: the resource ids a table's scaling can sit on. */
export function scalingResourceIds(table: string, indexNames: string[]): string[] {
  return [`table/${table}`, ...indexNames.map((index) => `table/${table}/index/${index}`)];
}

/** `table/orders/index/by-customer` on the source becomes `table/orders-copy/index/by-customer` on the target. */
export function rewriteResourceId(resourceId: string, sourceTable: string, targetTable: string): string {
  const sourcePrefix = `table/${sourceTable}`;
  if (resourceId !== sourcePrefix && !resourceId.startsWith(`${sourcePrefix}/`)) {
    throw new Error(`Scaling resource ${resourceId} does not belong to table ${sourceTable}`);
  }
  return `table/${targetTable}${resourceId.slice(sourcePrefix.length)}`;
}

/**
 * The source's scaling settings as they must appear on the target. Policy names the console made
 * (`DynamoDBReadCapacityUtilization:table/orders`) name the source's resource: they follow it to the target.
 */
export function targetScalingSettings(
  settings: ScalingSetting[],
  sourceTable: string,
  targetTable: string,
): ScalingSetting[] {
  return settings.map((setting) => {
    const resourceId = rewriteResourceId(setting.resourceId, sourceTable, targetTable);
    const policyName = setting.policyName?.replace(setting.resourceId, resourceId);
    return { ...setting, resourceId, ...(policyName === undefined ? {} : { policyName }) };
  });
}

async function describeTargets(autoScaling: ApplicationAutoScalingClient, resourceIds: string[]) {
  const targets: ScalableTarget[] = [];
  const pages = paginateDescribeScalableTargets(
    { client: autoScaling },
    { ServiceNamespace: SCALING_NAMESPACE, ResourceIds: resourceIds },
  );
  for await (const page of pages) targets.push(...(page.ScalableTargets ?? []));
  return targets;
}

async function describePolicies(autoScaling: ApplicationAutoScalingClient, resourceId: string) {
  const policies: ScalingPolicy[] = [];
  const pages = paginateDescribeScalingPolicies(
    { client: autoScaling },
    { ServiceNamespace: SCALING_NAMESPACE, ResourceId: resourceId },
  );
  for await (const page of pages) policies.push(...(page.ScalingPolicies ?? []));
  return policies;
}

/**
 * A target with its target-tracking policy on a predefined metric: the kind DynamoDB's console and
 * CDK make, and the only kind the setting records (and the target gets).
 */
function toSetting(target: ScalableTarget, policies: ScalingPolicy[]): ScalingSetting {
  const policy = policies.find(
    (candidate) =>
      candidate.ResourceId === target.ResourceId &&
      candidate.ScalableDimension === target.ScalableDimension &&
      candidate.PolicyType === 'TargetTrackingScaling' &&
      candidate.TargetTrackingScalingPolicyConfiguration?.PredefinedMetricSpecification !== undefined,
  );
  const tracking = policy?.TargetTrackingScalingPolicyConfiguration;
  return {
    resourceId: target.ResourceId ?? '',
    dimension: target.ScalableDimension ?? '',
    minCapacity: target.MinCapacity ?? 0,
    maxCapacity: target.MaxCapacity ?? 0,
    ...(policy?.PolicyName === undefined ? {} : { policyName: policy.PolicyName }),
    ...(tracking?.TargetValue === undefined ? {} : { targetValue: tracking.TargetValue }),
    ...(tracking?.PredefinedMetricSpecification?.PredefinedMetricType === undefined
      ? {}
      : { predefinedMetricType: tracking.PredefinedMetricSpecification.PredefinedMetricType }),
    ...(tracking?.ScaleInCooldown === undefined ? {} : { scaleInCooldown: tracking.ScaleInCooldown }),
    ...(tracking?.ScaleOutCooldown === undefined ? {} : { scaleOutCooldown: tracking.ScaleOutCooldown }),
  };
}

/**
 * The scalable targets on these resources with their target-tracking policies. DescribeScalingPolicies
 * takes one resource id, so it is called only for resources that have a target.
 */
export async function readScaling(
  autoScaling: ApplicationAutoScalingClient,
  resourceIds: string[],
): Promise<ScalingSetting[]> {
  if (resourceIds.length === 0) {
    return [];
  }
  // A table has at most 20 GSIs, so its resource ids fit the API's list in one request.
  const targets = await describeTargets(autoScaling, resourceIds);
  const withTargets = [...new Set(targets.map((target) => target.ResourceId ?? ''))].filter((id) => id !== '');
  const policies = (await Promise.all(withTargets.map((id) => describePolicies(autoScaling, id)))).flat();
  return targets.map((target) => toSetting(target, policies));
}

/** Whether `actual` holds a target (and policy, when one is wanted) exactly as `wanted` describes. */
export function hasScaling(actual: ScalingSetting[], wanted: ScalingSetting): boolean {
  const found = actual.find(
    (setting) => setting.resourceId === wanted.resourceId && setting.dimension === wanted.dimension,
  );
  if (found === undefined || found.minCapacity !== wanted.minCapacity || found.maxCapacity !== wanted.maxCapacity) {
    return false;
  }
  return wanted.policyName === undefined || hasSamePolicy(found, wanted);
}

function hasSamePolicy(found: ScalingSetting, wanted: ScalingSetting): boolean {
  return (
    found.policyName === wanted.policyName &&
    found.targetValue === wanted.targetValue &&
    found.predefinedMetricType === wanted.predefinedMetricType &&
    found.scaleInCooldown === wanted.scaleInCooldown &&
    found.scaleOutCooldown === wanted.scaleOutCooldown
  );
}

/** Whether only the target (min/max) matches, so a policy put is still needed. */
export function hasScalableTarget(actual: ScalingSetting[], wanted: ScalingSetting): boolean {
  return hasScaling(actual, withoutPolicy(wanted));
}

function withoutPolicy(setting: ScalingSetting): ScalingSetting {
  return {
    resourceId: setting.resourceId,
    dimension: setting.dimension,
    minCapacity: setting.minCapacity,
    maxCapacity: setting.maxCapacity,
  };
}
