import {
  type BillingMode,
  type DynamoDBClient,
  RestoreTableFromBackupCommand,
  type RestoreTableFromBackupCommandInput,
  RestoreTableToPointInTimeCommand,
  type RestoreTableToPointInTimeCommandInput,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { hasAwsErrorName } from '../../aws/error-names.js';
import type { Plan } from '../../domain/plan.js';
import type { StepContext } from '../../domain/ports/database-driver.js';
import type { StepStartResult } from '../../domain/steps.js';
import { sourceTableSettings, wantedKmsKey } from './plan-settings.js';
import { describeTable } from './read-table.js';

interface RestoreOverrides {
  BillingModeOverride: BillingMode;
  SSESpecificationOverride?: { Enabled: boolean; SSEType: 'KMS'; KMSMasterKeyId: string };
}

/**
 * What a restore would otherwise not keep: the billing mode as the source, and a customer KMS key
 * (left out, the restored table would be encrypted with the AWS owned key).
 */
function restoreOverrides(plan: Plan): RestoreOverrides {
  const kmsKey = wantedKmsKey(plan);
  return {
    BillingModeOverride: sourceTableSettings(plan).billingMode,
    ...(kmsKey === undefined
      ? {}
      : { SSESpecificationOverride: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: kmsKey } }),
  };
}

/** The restore request of a plan, by API. */
export type RestoreRequest =
  | { api: 'RestoreTableToPointInTime'; input: RestoreTableToPointInTimeCommandInput }
  | { api: 'RestoreTableFromBackup'; input: RestoreTableFromBackupCommandInput };

/** RestoreDateTime and UseLatestRestorableTime are exclusive: exactly one is set. */
export function restoreRequest(plan: Plan): RestoreRequest {
  const target = plan.target.identifier;
  const method = plan.method;
  switch (method.type) {
    case 'latest':
    case 'point-in-time':
      return {
        api: 'RestoreTableToPointInTime',
        input: {
          SourceTableArn: plan.source.arn,
          TargetTableName: target,
          ...(method.type === 'latest' ? { UseLatestRestorableTime: true } : { RestoreDateTime: method.at }),
          ...restoreOverrides(plan),
        },
      };
    case 'snapshot':
      return {
        api: 'RestoreTableFromBackup',
        input: { BackupArn: method.snapshot.arn, TargetTableName: target, ...restoreOverrides(plan) },
      };
    case 'clone':
      throw new Error('DynamoDB tables cannot be cloned: restore to the latest restorable time instead');
  }
}

function sendRestore(dynamodb: DynamoDBClient, request: RestoreRequest) {
  return request.api === 'RestoreTableToPointInTime'
    ? dynamodb.send(new RestoreTableToPointInTimeCommand(request.input))
    : dynamodb.send(new RestoreTableFromBackupCommand(request.input));
}

/**
 * A restore takes no tags, so a repeated start recognises its own table by what it was restored
 * from and when: a table of this plan's source (or backup) created since the plan was made.
 */
export function isRestoreOfPlan(table: TableDescription, plan: Plan): boolean {
  const summary = table.RestoreSummary;
  const created = table.CreationDateTime;
  if (summary === undefined || created === undefined || created.getTime() < plan.createdAt.getTime()) {
    return false;
  }
  return plan.method.type === 'snapshot'
    ? summary.SourceBackupArn === plan.method.snapshot.arn
    : summary.SourceTableArn === plan.source.arn;
}

/** Starts the restore; meeting a table this plan already restored counts as started. */
export async function startRestore(dynamodb: DynamoDBClient, context: StepContext): Promise<StepStartResult> {
  const { plan } = context;
  const request = restoreRequest(plan);
  try {
    const response = await sendRestore(dynamodb, request);
    return { requestId: response.$metadata?.requestId, alreadyStarted: false };
  } catch (error) {
    if (!hasAwsErrorName(error, 'TableAlreadyExistsException')) {
      throw error;
    }
    const existing = await describeTable(dynamodb, plan.target.identifier);
    if (existing !== undefined && isRestoreOfPlan(existing, plan)) {
      return { alreadyStarted: true };
    }
    throw error;
  }
}
