import { type DynamoDBClient, TagResourceCommand } from '@aws-sdk/client-dynamodb';
import { isTaggedForJob, managedTags, TAG_EXPIRES_AT } from '../../domain/managed-resources.js';
import type { StepContext } from '../../domain/ports/database-driver.js';
import type { StepStartResult } from '../../domain/steps.js';
import { describeTable, readTags } from './read-table.js';

/**
 * Rewrites the restored table's expiry tag after Extend. TagResource is idempotent; the request
 * carries the managed tags, as the role requires, and only a table tagged for this job is touched.
 */
export async function tagCopyExpiry(
  dynamodb: DynamoDBClient,
  { plan, jobId, copyExpiresAt }: StepContext,
): Promise<StepStartResult> {
  const name = plan.target.identifier;
  if (!copyExpiresAt) throw new Error(`No expiry to tag table ${name} with`);
  const table = await describeTable(dynamodb, name);
  if (!table?.TableArn) throw new Error(`Table ${name} is gone: there is no copy to tag`);
  if (!isTaggedForJob(await readTags(dynamodb, table.TableArn), jobId)) {
    throw new Error(`Refusing to tag table ${name}: it does not carry the managed tags of job ${jobId}`);
  }
  const tags = managedTags(jobId, { [TAG_EXPIRES_AT]: copyExpiresAt.toISOString() });
  const tagged = await dynamodb.send(
    new TagResourceCommand({
      ResourceArn: table.TableArn,
      Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    }),
  );
  return { alreadyStarted: false, ...(tagged.$metadata.requestId ? { requestId: tagged.$metadata.requestId } : {}) };
}
