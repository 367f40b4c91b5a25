import type {
  Alarm,
  ScalableDimension,
  SuspendedState,
  TargetTrackingScalingPolicyConfiguration,
} from '@aws-sdk/client-application-auto-scaling';

export interface StoredScalableTarget {
  resourceId: string;
  dimension: ScalableDimension;
  minCapacity: number;
  maxCapacity: number;
  roleArn: string;
  arn: string;
  createdAt: Date;
  suspendedState?: SuspendedState;
}

export interface StoredScalingPolicy {
  name: string;
  arn: string;
  resourceId: string;
  dimension: ScalableDimension;
  configuration: TargetTrackingScalingPolicyConfiguration;
  alarms: Alarm[];
  createdAt: Date;
}

/** Application Auto Scaling state of one account and region (namespace `dynamodb` only). */
export interface ScalingRegion {
  /** Keyed by {@link scalingKey}. */
  targets: Map<string, StoredScalableTarget>;
  /** Keyed by `scalingKey` plus the policy name. */
  policies: Map<string, StoredScalingPolicy>;
}

export function createScalingRegion(): ScalingRegion {
  return { targets: new Map(), policies: new Map() };
}

export function scalingKey(resourceId: string, dimension: string): string {
  return `${resourceId}|${dimension}`;
}

export function policyKey(resourceId: string, dimension: string, policyName: string): string {
  return `${scalingKey(resourceId, dimension)}|${policyName}`;
}

/** AWS deregisters a table's scalable targets (and their policies) when the table is deleted. */
export function removeTableScaling(scaling: ScalingRegion, tableName: string): void {
  const belongs = (resourceId: string) =>
    resourceId === `table/${tableName}` || resourceId.startsWith(`table/${tableName}/index/`);
  for (const [key, target] of scaling.targets) if (belongs(target.resourceId)) scaling.targets.delete(key);
  for (const [key, policy] of scaling.policies) if (belongs(policy.resourceId)) scaling.policies.delete(key);
}
