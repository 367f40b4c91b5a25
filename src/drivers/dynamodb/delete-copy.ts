import {
  type BackupSummary,
  CreateBackupCommand,
  DeleteTableCommand,
  type DynamoDBClient,
  ListBackupsCommand,
  type TableDescription,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { expiredSnapshotIdentifier, isTaggedForJob } from '../../domain/managed-resources.js';
import type { StepContext } from '../../domain/ports/database-driver.js';
import type { StepStartResult, StepStatus } from '../../domain/steps.js';
import { describeTable, readTags } from './read-table.js';

/**
 * Deletes an expired copy, keeping a final backup. DynamoDB's DeleteTable takes no final backup,
 * so this moves through two calls: CreateBackup, then (once the backup is AVAILABLE) DeleteTable.
 * The worker starts it again on every pass until the table is gone; each start does at most the
 * next call, so nothing runs twice. Refuses tables without this job's tags.
 */
export async function deleteRestoredCopy(
  dynamodb: DynamoDBClient,
  { plan, jobId }: StepContext,
): Promise<StepStartResult> {
  const name = plan.target.identifier;
  const backupName = expiredSnapshotIdentifier(name, jobId);
  const table = await describeTable(dynamodb, name);
  const backup = await findBackup(dynamodb, name, backupName);
  if (!table) {
    if (backup) return { alreadyStarted: true };
    throw new Error(`Table ${name} is gone and its final backup ${backupName} does not exist`);
  }
  if (!isTaggedForJob(await readTags(dynamodb, table.TableArn ?? ''), jobId)) {
    throw new Error(`Refusing to delete table ${name}: it does not carry the managed tags of job ${jobId}`);
  }
  if (table.TableStatus === 'DELETING') return { alreadyStarted: true };
  if (!backup) {
    const created = await dynamodb.send(new CreateBackupCommand({ TableName: name, BackupName: backupName }));
    return {
      alreadyStarted: false,
      ...(created.$metadata.requestId ? { requestId: created.$metadata.requestId } : {}),
    };
  }
  if (backup.BackupStatus !== 'AVAILABLE' || table.TableStatus !== 'ACTIVE') return { alreadyStarted: true };
  if (table.DeletionProtectionEnabled) {
    await dynamodb.send(new UpdateTableCommand({ TableName: name, DeletionProtectionEnabled: false }));
    return { alreadyStarted: true };
  }
  const deleted = await dynamodb.send(new DeleteTableCommand({ TableName: name }));
  return { alreadyStarted: true, ...(deleted.$metadata.requestId ? { requestId: deleted.$metadata.requestId } : {}) };
}

/** Done once the table is gone; asks to be started again when its next call is due (backup, then delete). */
export async function copyDeletionStatus(
  dynamodb: DynamoDBClient,
  context: StepContext,
  table: TableDescription | undefined,
): Promise<StepStatus> {
  if (!table) return { state: 'done', detail: 'The table is deleted' };
  if (table.TableStatus === 'DELETING') return { state: 'pending', detail: 'Table is being deleted' };
  const name = context.plan.target.identifier;
  const backup = await findBackup(dynamodb, name, expiredSnapshotIdentifier(name, context.jobId));
  if (backup && backup.BackupStatus !== 'AVAILABLE')
    return { state: 'pending', detail: 'Final backup is being created' };
  return { state: 'pending', detail: backup ? 'Final backup is ready' : 'No final backup yet', restart: true };
}

async function findBackup(
  dynamodb: DynamoDBClient,
  table: string,
  backupName: string,
): Promise<BackupSummary | undefined> {
  let startAfter: string | undefined;
  do {
    const page = await dynamodb.send(
      new ListBackupsCommand({ TableName: table, BackupType: 'USER', ExclusiveStartBackupArn: startAfter }),
    );
    const found = page.BackupSummaries?.find((summary) => summary.BackupName === backupName);
    if (found) return found;
    startAfter = page.LastEvaluatedBackupArn;
  } while (startAfter);
  return undefined;
}
