import { DeleteItemCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { isConditionalCheckFailed } from '../../aws/error-names.js';
import { JobConflictError, TargetBusyError } from '../../domain/job/errors.js';
import type { Job } from '../../domain/job/job.js';
import { type JobTableOptions, targetLockKey } from './keys.js';

/**
 * One lock item per target, naming the active job that restores into it. Not a port: the job
 * adapter takes the lock when it creates a job and frees it with the save that finishes the job,
 * so a lock never exists apart from its job (see JobRepository).
 */
export class TargetLocks {
  constructor(private readonly options: JobTableOptions) {}

  /**
   * Takes `job`'s target, or throws `TargetBusyError` while another active job holds it.
   * `isActiveJob` answers for the holder, so a lock whose release was lost is taken over.
   */
  async take(job: Job, isActiveJob: (jobId: string) => Promise<boolean>): Promise<void> {
    const key = targetLockKey(job);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        await this.options.client.send(
          new PutItemCommand({
            TableName: this.options.tableName,
            Item: { pk: { S: key }, jobId: { S: job.id } },
            // Free, or already ours (a retried create).
            ConditionExpression: 'attribute_not_exists(pk) OR jobId = :me',
            ExpressionAttributeValues: { ':me': { S: job.id } },
          }),
        );
        return;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
      const holder = await this.holder(key);
      if (!holder) continue;
      if (await isActiveJob(holder)) throw new TargetBusyError(job.plan.target.identifier, holder);
      // The holder finished but its release was lost (a worker died between the two writes): take the lock over.
      await this.deleteIfHeldBy(key, holder);
    }
    throw new JobConflictError(`could not take the lock on ${job.plan.target.identifier}: try again`);
  }

  /** Frees `job`'s target if `job` still holds it. */
  async release(job: Job): Promise<void> {
    await this.deleteIfHeldBy(targetLockKey(job), job.id);
  }

  private async holder(key: string): Promise<string | undefined> {
    const { Item } = await this.options.client.send(
      new GetItemCommand({ TableName: this.options.tableName, Key: { pk: { S: key } }, ConsistentRead: true }),
    );
    return Item?.jobId?.S;
  }

  /** Conditional on the holder: a lock another job took meanwhile stays. */
  private async deleteIfHeldBy(key: string, jobId: string): Promise<void> {
    try {
      await this.options.client.send(
        new DeleteItemCommand({
          TableName: this.options.tableName,
          Key: { pk: { S: key } },
          ConditionExpression: 'jobId = :holder',
          ExpressionAttributeValues: { ':holder': { S: jobId } },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
}
