import {
  type AttributeValue,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { isConditionalCheckFailed } from '../../aws/error-names.js';
import { JobConflictError } from '../../domain/job/errors.js';
import { isActive, type Job, type JobStatus } from '../../domain/job/job.js';
import type { JobRepository } from '../../domain/ports/job-repository.js';
import { leaseItem, versionedUpdate } from './item-lease.js';
import { decodeJob, encodeJob } from './job-codec.js';
import {
  ACTIVE_JOBS_INDEX,
  ACTIVE_PARTITION,
  EXPIRING_PARTITION,
  JOB_PARTITION,
  type JobTableOptions,
  jobKey,
  RECENT_JOBS_INDEX,
} from './keys.js';
import { TargetLocks } from './target-locks.js';

export interface DynamoDbJobsOptions extends JobTableOptions {
  /** How long finished jobs stay before DynamoDB's TTL removes them. */
  finishedJobRetentionMs: number;
  /** Told about a stored job a listing skipped because it cannot be read (see `listActive`). */
  log?(message: string, detail?: object): void;
}

/**
 * Job items on the one table, with single-item conditional writes only (no transactions, so it
 * also runs on dynalite). Each job's target lock is an item of its own, taken and freed here.
 */
export class DynamoDbJobs implements JobRepository {
  private readonly locks: TargetLocks;

  constructor(private readonly options: DynamoDbJobsOptions) {
    this.locks = new TargetLocks(options);
  }

  async create(job: Job): Promise<Job> {
    await this.locks.take(job, async (holder) => {
      const holdingJob = await this.get(holder);
      return holdingJob !== undefined && isActive(holdingJob.status);
    });
    // attribute_not_exists(pk): a retried request with the same job id never overwrites the job.
    await this.write(
      new PutItemCommand({
        TableName: this.options.tableName,
        Item: this.jobItem(job),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
      job.id,
    );
    return job;
  }

  async get(jobId: string): Promise<Job | undefined> {
    const { Item } = await this.options.client.send(
      new GetItemCommand({
        TableName: this.options.tableName,
        Key: { pk: { S: jobKey(jobId) } },
        ConsistentRead: true,
      }),
    );
    return Item?.data?.S ? withVersion(decodeJob(Item.data.S), Item) : undefined;
  }

  async save(job: Job, options: { leaseOwner?: string } = {}): Promise<Job> {
    const next = { ...job, version: job.version + 1 };
    const update = versionedUpdate(
      this.jobItem(next),
      ['leaseOwner', 'leaseUntil', 'activePartition', 'expiresAt'],
      job.version,
    );
    const names = update.ExpressionAttributeNames;
    const values = update.ExpressionAttributeValues;
    // The version check makes the write conditional on nobody having changed the job since it was read;
    // a worker's write also requires that it still holds (or nobody took over) the lease.
    let condition = '#version = :expected';
    if (options.leaseOwner) {
      names['#leaseOwner'] = 'leaseOwner';
      values[':owner'] = { S: options.leaseOwner };
      condition += ' AND (attribute_not_exists(#leaseOwner) OR #leaseOwner = :owner)';
    }
    const before = await this.write(
      new UpdateItemCommand({
        TableName: this.options.tableName,
        Key: { pk: { S: jobKey(job.id) } },
        ...update,
        ConditionExpression: condition,
        // The status as stored before this write: the lock is released on the move out of an active status
        // only, so later saves of a finished job (expiry, copy deletion) do not try to release it again.
        ReturnValues: 'UPDATED_OLD',
      }),
      job.id,
    );
    // A release lost to a crash right here is not retried by later saves: the next create takes the stale lock over.
    const previousStatus = before?.status?.S as JobStatus | undefined;
    if (previousStatus && isActive(previousStatus) && !isActive(next.status)) await this.locks.release(next);
    return next;
  }

  /**
   * A job that cannot be read (a bad shape, a newer schema version) is left out and logged, so one
   * unreadable record never stops the worker from advancing the others; `get` reports it.
   */
  listActive(): Promise<Job[]> {
    return this.listPartition(ACTIVE_PARTITION);
  }

  listExpiring(): Promise<Job[]> {
    return this.listPartition(EXPIRING_PARTITION);
  }

  listRecent(limit: number): Promise<Job[]> {
    return this.query({ index: RECENT_JOBS_INDEX, attribute: 'jobPartition', partition: JOB_PARTITION, limit });
  }

  private listPartition(partition: string): Promise<Job[]> {
    return this.query({ index: ACTIVE_JOBS_INDEX, attribute: 'activePartition', partition });
  }

  /** Pages through one index partition by `createdAt`: oldest first, or the newest `limit` newest first. */
  private async query(options: {
    index: string;
    attribute: string;
    partition: string;
    limit?: number;
  }): Promise<Job[]> {
    const jobs: Job[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.options.client.send(
        new QueryCommand({
          TableName: this.options.tableName,
          IndexName: options.index,
          KeyConditionExpression: '#partition = :partition',
          ExpressionAttributeNames: { '#partition': options.attribute },
          ExpressionAttributeValues: { ':partition': { S: options.partition } },
          ExclusiveStartKey: startKey,
          ...(options.limit === undefined ? {} : { ScanIndexForward: false, Limit: options.limit - jobs.length }),
        }),
      );
      for (const item of page.Items ?? []) {
        if (!item.data?.S) continue;
        try {
          jobs.push(withVersion(decodeJob(item.data.S), item));
        } catch (error) {
          this.options.log?.('stored job skipped: it cannot be read', {
            key: item.pk?.S,
            error: (error as Error).message,
          });
        }
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey && (options.limit === undefined || jobs.length < options.limit));
    return jobs;
  }

  acquireLease(job: Job, owner: string, now: Date, until: Date): Promise<boolean> {
    return leaseItem(this.options, jobKey(job.id), { version: job.version, owner, now, until });
  }

  private jobItem(job: Job): Record<string, AttributeValue> {
    const item: Record<string, AttributeValue> = {
      pk: { S: jobKey(job.id) },
      version: { N: String(job.version) },
      status: { S: job.status },
      kind: { S: job.plan.kind },
      createdAt: { S: job.createdAt.toISOString() },
      jobPartition: { S: JOB_PARTITION },
      data: { S: encodeJob(job) },
    };
    if (isActive(job.status)) {
      item.activePartition = { S: ACTIVE_PARTITION };
    } else if (job.expiry?.state === 'scheduled' || job.expiry?.state === 'deleting') {
      // Kept (no TTL) until its copy is deleted: the job is the copy's only schedule.
      item.activePartition = { S: EXPIRING_PARTITION };
    } else {
      const finishedAt = job.finishedAt ?? job.updatedAt;
      item.expiresAt = { N: String(Math.floor((finishedAt.getTime() + this.options.finishedJobRetentionMs) / 1000)) };
    }
    return item;
  }

  /** Sends a conditional job write; returns the attributes it asked back (`ReturnValues`). */
  private async write(
    command: PutItemCommand | UpdateItemCommand,
    jobId: string,
  ): Promise<Record<string, AttributeValue> | undefined> {
    try {
      if (command instanceof PutItemCommand) return (await this.options.client.send(command)).Attributes;
      return (await this.options.client.send(command)).Attributes;
    } catch (error) {
      if (isConditionalCheckFailed(error)) {
        throw new JobConflictError(`job ${jobId} was changed by someone else: reload it and try again`, {
          cause: error,
        });
      }
      throw error;
    }
  }
}

/** The item's version attribute is the truth (the JSON copy is written in the same item). */
function withVersion(job: Job, item: Record<string, AttributeValue>): Job {
  return { ...job, version: Number(item.version?.N ?? job.version) };
}
