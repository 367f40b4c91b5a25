import type { DatabaseDriver, StepContext } from '../domain/ports/database-driver.js';
import type { StepStartResult } from '../domain/steps.js';
import { classifyAwsError } from './classify-aws-error.js';
import { checkSteps } from './dynamodb/check-steps.js';
import type { DynamoDbTableClients } from './dynamodb/clients.js';
import { deleteRestoredCopy } from './dynamodb/delete-copy.js';
import { describeSource } from './dynamodb/describe-source.js';
import { findExisting, listRestoreCandidates, listSources } from './dynamodb/list.js';
import { reapplyTableSettings } from './dynamodb/reapply-settings.js';
import { startRestore } from './dynamodb/restore.js';
import { tagCopyExpiry } from './dynamodb/tag-copy-expiry.js';
import { unsupportedStepMessage } from './dynamodb/unsupported-steps.js';
import { validateTable } from './dynamodb/validate.js';

export type { DynamoDbTableClients } from './dynamodb/clients.js';

/**
 * The `dynamodb-table` driver. A restore always makes a new table and drops TTL, PITR, tags, stream
 * settings and auto scaling: `reapply-table-settings` puts back what the source has. Tables cannot
 * be renamed, so the rename and delete steps of a replace do not apply.
 */
export function createDynamoDbTableDriver(clients: DynamoDbTableClients): DatabaseDriver {
  async function startStep(context: StepContext): Promise<StepStartResult> {
    switch (context.step) {
      case 'restore':
        return startRestore(clients.dynamodb, context);
      case 'reapply-table-settings':
        return reapplyTableSettings(clients, context);
      case 'validate':
        return { alreadyStarted: false };
      case 'delete-restored-copy':
        return deleteRestoredCopy(clients.dynamodb, context);
      case 'tag-copy-expiry':
        return tagCopyExpiry(clients.dynamodb, context);
      default:
        throw new Error(unsupportedStepMessage(context.step));
    }
  }

  return {
    kind: 'dynamodb-table',
    listSources: (query, limit) => listSources(clients.dynamodb, query, limit),
    describeSource: (identifier) => describeSource(clients, identifier),
    findExisting: (identifier) => findExisting(clients.dynamodb, identifier),
    listRestoreCandidates: (filter) => listRestoreCandidates(clients.dynamodb, filter),
    startStep,
    classifyError: classifyAwsError,
    checkSteps: (contexts) => checkSteps(clients, contexts),
    validate: (context) => validateTable(clients, context),
  };
}
