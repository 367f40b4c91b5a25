import {
  MetricType,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
  ScalableDimension,
} from '@aws-sdk/client-application-auto-scaling';
import {
  StreamViewType,
  TagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  type UpdateTableCommandInput,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { StepContext } from '../../domain/ports/database-driver.js';
import type { ScalingSetting } from '../../domain/source.js';
import type { StepStartResult } from '../../domain/steps.js';
import { isAlreadyEnabled } from './aws-errors.js';
import type { DynamoDbTableClients } from './clients.js';
import { type WantedTableSettings, wantedTableSettings } from './plan-settings.js';
import { describeTable, readTags } from './read-table.js';
import { hasScalableTarget, hasScaling, SCALING_NAMESPACE } from './scaling.js';
import { type AppliedSettings, appliedSettings, readTargetState } from './target-state.js';

interface Output {
  $metadata?: { requestId?: string };
}

/** The calls made, by request id: none made means an earlier attempt had done everything. */
type CallLog = Array<string | undefined>;

async function record(log: CallLog, call: () => Promise<Output>): Promise<void> {
  try {
    log.push((await call()).$metadata?.requestId);
  } catch (error) {
    // "Already enabled": an earlier attempt made this call.
    if (!isAlreadyEnabled(error)) {
      throw error;
    }
  }
}

function oneOf<T extends string>(values: Record<string, T>, value: string, what: string): T {
  const found = Object.values(values).find((candidate) => candidate === value);
  if (found === undefined) {
    throw new Error(`Unknown ${what} ${value}`);
  }
  return found;
}

/**
 * Stream and deletion protection go in one UpdateTable: a stream change puts the table in UPDATING,
 * and DynamoDB turns a second UpdateTable away until it is ACTIVE again.
 */
function tableUpdate(name: string, wanted: WantedTableSettings, applied: AppliedSettings) {
  const input: UpdateTableCommandInput = { TableName: name };
  if (!applied.stream && wanted.streamViewType !== undefined) {
    const viewType = oneOf(StreamViewType, wanted.streamViewType, 'stream view type');
    input.StreamSpecification = { StreamEnabled: true, StreamViewType: viewType };
  }
  if (!applied.deletionProtection) {
    input.DeletionProtectionEnabled = wanted.deletionProtection;
  }
  return Object.keys(input).length > 1 ? input : undefined;
}

/** The target (min/max) first: a policy can only be put on a registered target. */
async function applyScaling(
  clients: DynamoDbTableClients,
  log: CallLog,
  setting: ScalingSetting,
  actual: ScalingSetting[],
): Promise<void> {
  const target = {
    ServiceNamespace: SCALING_NAMESPACE,
    ResourceId: setting.resourceId,
    ScalableDimension: oneOf(ScalableDimension, setting.dimension, 'scalable dimension'),
  } as const;
  if (!hasScalableTarget(actual, setting)) {
    const input = { ...target, MinCapacity: setting.minCapacity, MaxCapacity: setting.maxCapacity };
    await record(log, () => clients.autoScaling.send(new RegisterScalableTargetCommand(input)));
  }
  const { policyName, targetValue, predefinedMetricType } = setting;
  if (
    policyName === undefined ||
    targetValue === undefined ||
    predefinedMetricType === undefined ||
    hasScaling(actual, setting)
  ) {
    return;
  }
  const input = {
    ...target,
    PolicyName: policyName,
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: targetValue,
      PredefinedMetricSpecification: {
        PredefinedMetricType: oneOf(MetricType, predefinedMetricType, 'scaling metric'),
      },
      ...(setting.scaleInCooldown === undefined ? {} : { ScaleInCooldown: setting.scaleInCooldown }),
      ...(setting.scaleOutCooldown === undefined ? {} : { ScaleOutCooldown: setting.scaleOutCooldown }),
    },
  } as const;
  await record(log, () => clients.autoScaling.send(new PutScalingPolicyCommand(input)));
}

/**
 * Re-applies what a restore drops and the source has: TTL, PITR, tags, stream, deletion protection
 * and auto scaling. Reads first and calls only for what is missing, so a repeated start is harmless.
 * Scaling comes last: registering a target can make Application Auto Scaling update the table's
 * capacity, which would turn our own UpdateTable away.
 */
export async function reapplyTableSettings(
  clients: DynamoDbTableClients,
  context: StepContext,
): Promise<StepStartResult> {
  const { dynamodb } = clients;
  const name = context.plan.target.identifier;
  const wanted = wantedTableSettings(context.plan, context.jobId);
  const table = await describeTable(dynamodb, name);
  const tableArn = table?.TableArn;
  if (table === undefined || tableArn === undefined) {
    throw new Error(`DynamoDB table ${name} does not exist: there is nothing to re-apply settings to`);
  }
  const state = await readTargetState(clients, table, wanted);
  const applied = appliedSettings(wanted, state);
  const log: CallLog = [];

  if (!applied.ttl && wanted.ttlAttribute !== undefined) {
    const TimeToLiveSpecification = { Enabled: true, AttributeName: wanted.ttlAttribute };
    await record(log, () => dynamodb.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification })));
  }
  if (!applied.pointInTimeRecovery) {
    const PointInTimeRecoverySpecification = { PointInTimeRecoveryEnabled: true };
    await record(log, () =>
      dynamodb.send(new UpdateContinuousBackupsCommand({ TableName: name, PointInTimeRecoverySpecification })),
    );
  }
  const currentTags = await readTags(dynamodb, tableArn);
  const Tags = Object.entries(wanted.tags)
    .filter(([key, value]) => currentTags[key] !== value)
    .map(([Key, Value]) => ({ Key, Value }));
  if (Tags.length > 0) {
    await record(log, () => dynamodb.send(new TagResourceCommand({ ResourceArn: tableArn, Tags })));
  }
  const update = tableUpdate(name, wanted, applied);
  if (update !== undefined) {
    await record(log, () => dynamodb.send(new UpdateTableCommand(update)));
  }
  for (const setting of wanted.autoScaling) {
    await applyScaling(clients, log, setting, state.autoScaling);
  }

  const requestId = log.findLast((id) => id !== undefined);
  return { ...(requestId === undefined ? {} : { requestId }), alreadyStarted: log.length === 0 };
}
