import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { StepContext } from '../../domain/ports/database-driver.js';
import type { StepStatus } from '../../domain/steps.js';
import type { DynamoDbTableClients } from './clients.js';
import { mapWithConcurrency } from './concurrency.js';
import { copyDeletionStatus } from './delete-copy.js';
import { wantedTableSettings } from './plan-settings.js';
import { describeTable } from './read-table.js';
import { appliedSettings, missingSettings, readTargetState } from './target-state.js';
import { unsupportedStepMessage } from './unsupported-steps.js';

/** DescribeTable calls in flight at once: DynamoDB's control plane allows a few per second per account. */
export const DESCRIBE_CONCURRENCY = 8;

/** Where a restored table stands. Archived tables lost their KMS key: the restore can never finish. */
export function restoreStatus(table: TableDescription | undefined): StepStatus {
  if (table === undefined) {
    return { state: 'failed', reason: 'The restored table does not exist' };
  }
  switch (table.TableStatus) {
    case 'ACTIVE':
    case 'UPDATING':
      return { state: 'done' };
    case 'CREATING':
      return { state: 'pending', detail: 'Table is being restored' };
    case 'INACCESSIBLE_ENCRYPTION_CREDENTIALS':
    case 'ARCHIVING':
    case 'ARCHIVED':
      return { state: 'failed', reason: `The restored table cannot use its KMS key (${table.TableStatus})` };
    case 'DELETING':
      return { state: 'failed', reason: 'The restored table is being deleted' };
    default:
      return { state: 'pending', detail: `Table is ${table.TableStatus}` };
  }
}

async function reapplyStatus(
  clients: DynamoDbTableClients,
  context: StepContext,
  table: TableDescription | undefined,
): Promise<StepStatus> {
  if (table === undefined) {
    return { state: 'failed', reason: 'The restored table does not exist' };
  }
  const wanted = wantedTableSettings(context.plan, context.jobId);
  const missing = missingSettings(appliedSettings(wanted, await readTargetState(clients, table, wanted)));
  if (missing.length > 0) {
    return { state: 'pending', detail: `Waiting for ${missing.join(', ')}` };
  }
  // A stream change leaves the table UPDATING for a while: the step ends when it is usable again.
  return table.TableStatus === 'ACTIVE'
    ? { state: 'done' }
    : { state: 'pending', detail: `Table is ${table.TableStatus}` };
}

/**
 * One DescribeTable per distinct table, at most DESCRIBE_CONCURRENCY at once, shared by every
 * context naming that table; the settings step reads TTL, PITR and scaling besides.
 */
export async function checkSteps(clients: DynamoDbTableClients, contexts: StepContext[]): Promise<StepStatus[]> {
  const needsTable = (context: StepContext) =>
    context.step === 'restore' || context.step === 'reapply-table-settings' || context.step === 'delete-restored-copy';
  const names = [...new Set(contexts.filter(needsTable).map((context) => context.plan.target.identifier))];
  const described = await mapWithConcurrency(names, DESCRIBE_CONCURRENCY, (name) =>
    describeTable(clients.dynamodb, name),
  );
  const tables = new Map(names.map((name, index) => [name, described[index]]));

  return mapWithConcurrency(contexts, DESCRIBE_CONCURRENCY, async (context): Promise<StepStatus> => {
    const table = tables.get(context.plan.target.identifier);
    switch (context.step) {
      case 'restore':
        return restoreStatus(table);
      case 'reapply-table-settings':
        return reapplyStatus(clients, context, table);
      case 'validate':
        return { state: 'done' };
      case 'delete-restored-copy':
        return copyDeletionStatus(clients.dynamodb, context, table);
      default:
        return { state: 'failed', reason: unsupportedStepMessage(context.step) };
    }
  });
}
