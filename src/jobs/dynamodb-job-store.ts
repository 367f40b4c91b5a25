import {
  type AttributeValue,
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { PastRestore } from '../domain/estimate.js';
import { JobConflictError, TargetBusyError } from '../domain/job/errors.js';
import { isActive, type Job, type JobStatus } from '../domain/job/job.js';
import type { DatabaseKind } from '../domain/kinds.js';
import type { CardState, JobStore } from '../domain/ports/job-store.js';
import { decodeJob, encodeJob } from './job-codec.js';
import { targetLockKey } from './target-lock.js';

/**
 * The sparse index of jobs the worker still has work for: `active` (awaiting approval or
 * running) and `expiring` (succeeded copies waiting to be deleted). Other items carry no
 * `activePartition`, so the index holds only these.
 */
export const ACTIVE_JOBS_INDEX = 'active-jobs';
const ACTIVE_PARTITION = 'active';
const EXPIRING_PARTITION = 'expiring';
const HISTORY_LENGTH = 50;

export interface DynamoDbJobStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  /** How long finished jobs stay before DynamoDB's TTL removes them. */
  finishedJobRetentionMs: number;
}

/**
 * The job ledger on one DynamoDB table, with single-item conditional writes only (no
 * transactions, so it also runs on dynalite): job items, a lock item per target, and a small
 * history item per kind for estimates.
 */
export class DynamoDbJobStore implements JobStore {
  constructor(private readonly options: DynamoDbJobStoreOptions) {}

  async create(job: Job): Promise<Job> {
    await this.takeTargetLock(job);
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
    const item = this.jobItem(next);
    const names: Record<string, string> = { '#version': 'version' };
    const values: Record<string, AttributeValue> = { ':expected': { N: String(job.version) } };
    const sets: string[] = [];
    for (const [attribute, value] of Object.entries(item)) {
      if (attribute === 'pk') continue;
      names[`#${attribute}`] = attribute;
      values[`:${attribute}`] = value;
      sets.push(`#${attribute} = :${attribute}`);
    }
    const removes = ['leaseOwner', 'leaseUntil', 'activePartition', 'expiresAt'].filter(
      (attribute) => !(attribute in item),
    );
    for (const attribute of removes) names[`#${attribute}`] = attribute;
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
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.map((a) => `#${a}`).join(', ')}` : ''}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        // The status as stored before this write: the lock is released on the move out of an active status
        // only, so later saves of a finished job (expiry, copy deletion) do not try to release it again.
        ReturnValues: 'UPDATED_OLD',
      }),
      job.id,
    );
    // A release lost to a crash right here is not retried by later saves: the next create takes the stale lock over.
    const previousStatus = before?.status?.S as JobStatus | undefined;
    if (previousStatus && isActive(previousStatus) && !isActive(next.status)) await this.releaseTargetLock(next);
    return next;
  }

  listActive(): Promise<Job[]> {
    return this.listPartition(ACTIVE_PARTITION);
  }

  listExpiring(): Promise<Job[]> {
    return this.listPartition(EXPIRING_PARTITION);
  }

  private async listPartition(partition: string): Promise<Job[]> {
    const jobs: Job[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.options.client.send(
        new QueryCommand({
          TableName: this.options.tableName,
          IndexName: ACTIVE_JOBS_INDEX,
          KeyConditionExpression: 'activePartition = :active',
          ExpressionAttributeValues: { ':active': { S: partition } },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) if (item.data?.S) jobs.push(withVersion(decodeJob(item.data.S), item));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return jobs;
  }

  async acquireLease(job: Job, owner: string, now: Date, until: Date): Promise<boolean> {
    try {
      await this.options.client.send(
        new UpdateItemCommand({
          TableName: this.options.tableName,
          Key: { pk: { S: jobKey(job.id) } },
          UpdateExpression: 'SET leaseOwner = :owner, leaseUntil = :until',
          // Only at the version the worker read, and only if the lease is free, expired or already ours.
          ConditionExpression:
            '#version = :version AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now OR leaseOwner = :owner)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: {
            ':owner': { S: owner },
            ':until': { N: String(until.getTime()) },
            ':now': { N: String(now.getTime()) },
            ':version': { N: String(job.version) },
          },
        }),
      );
      return true;
    } catch (error) {
      if (
        error instanceof ConditionalCheckFailedException ||
        (error as Error).name === 'ConditionalCheckFailedException'
      ) {
        return false;
      }
      throw error;
    }
  }

  async recordDuration(kind: DatabaseKind, restore: PastRestore): Promise<void> {
    // Read, append, trim, write back conditioned on the list read: two workers finishing at once retry.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const { Item } = await this.options.client.send(
        new GetItemCommand({
          TableName: this.options.tableName,
          Key: { pk: { S: historyKey(kind) } },
          ConsistentRead: true,
        }),
      );
      const previous = Item?.data?.S;
      const history = previous ? (JSON.parse(previous) as PastRestore[]) : [];
      const next = [...history, restore].slice(-HISTORY_LENGTH);
      try {
        await this.options.client.send(
          new PutItemCommand({
            TableName: this.options.tableName,
            Item: { pk: { S: historyKey(kind) }, data: { S: JSON.stringify(next) } },
            ConditionExpression: previous ? '#data = :previous' : 'attribute_not_exists(pk)',
            ...(previous
              ? {
                  ExpressionAttributeNames: { '#data': 'data' },
                  ExpressionAttributeValues: { ':previous': { S: previous } },
                }
              : {}),
          }),
        );
        return;
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      }
    }
  }

  async pastRestores(kind: DatabaseKind): Promise<PastRestore[]> {
    const { Item } = await this.options.client.send(
      new GetItemCommand({ TableName: this.options.tableName, Key: { pk: { S: historyKey(kind) } } }),
    );
    return Item?.data?.S ? (JSON.parse(Item.data.S) as PastRestore[]) : [];
  }

  async cardStates(jobIds: string[]): Promise<Map<string, CardState>> {
    const states = new Map<string, CardState>();
    const unique = [...new Set(jobIds)];
    for (let start = 0; start < unique.length; start += 100) {
      let keys: Record<string, AttributeValue>[] | undefined = unique
        .slice(start, start + 100)
        .map((jobId) => ({ pk: { S: cardKey(jobId) } }));
      // BatchGetItem may return some keys unprocessed under load: ask again for those.
      for (let attempt = 0; keys && keys.length > 0 && attempt < 5; attempt += 1) {
        const result: BatchGetItemCommandOutput = await this.options.client.send(
          new BatchGetItemCommand({ RequestItems: { [this.options.tableName]: { Keys: keys } } }),
        );
        for (const item of result.Responses?.[this.options.tableName] ?? []) {
          const jobId = item.jobId?.S;
          if (jobId && item.data?.S) states.set(jobId, JSON.parse(item.data.S) as CardState);
        }
        keys = result.UnprocessedKeys?.[this.options.tableName]?.Keys;
      }
    }
    return states;
  }

  async saveCardState(jobId: string, state: CardState): Promise<boolean> {
    try {
      await this.options.client.send(
        new PutItemCommand({
          TableName: this.options.tableName,
          Item: {
            pk: { S: cardKey(jobId) },
            jobId: { S: jobId },
            renderedVersion: { N: String(state.renderedVersion) },
            data: { S: JSON.stringify(state) },
          },
          ConditionExpression: 'attribute_not_exists(pk) OR renderedVersion <= :version',
          ExpressionAttributeValues: { ':version': { N: String(state.renderedVersion) } },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  private jobItem(job: Job): Record<string, AttributeValue> {
    const item: Record<string, AttributeValue> = {
      pk: { S: jobKey(job.id) },
      version: { N: String(job.version) },
      status: { S: job.status },
      kind: { S: job.plan.kind },
      createdAt: { S: job.createdAt.toISOString() },
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

  private async takeTargetLock(job: Job): Promise<void> {
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
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      }
      const holder = await this.lockHolder(key);
      if (!holder) continue;
      const holdingJob = await this.get(holder);
      if (holdingJob && isActive(holdingJob.status)) throw new TargetBusyError(job.plan.target.identifier, holder);
      // The holder finished but its release was lost (a worker died between the two writes): take the lock over.
      await this.options.client
        .send(
          new DeleteItemCommand({
            TableName: this.options.tableName,
            Key: { pk: { S: key } },
            ConditionExpression: 'jobId = :stale',
            ExpressionAttributeValues: { ':stale': { S: holder } },
          }),
        )
        .catch((error: Error) => {
          if (error.name !== 'ConditionalCheckFailedException') throw error;
        });
    }
    throw new JobConflictError(`could not take the lock on ${job.plan.target.identifier}: try again`);
  }

  private async lockHolder(key: string): Promise<string | undefined> {
    const { Item } = await this.options.client.send(
      new GetItemCommand({ TableName: this.options.tableName, Key: { pk: { S: key } }, ConsistentRead: true }),
    );
    return Item?.jobId?.S;
  }

  private async releaseTargetLock(job: Job): Promise<void> {
    await this.options.client
      .send(
        new DeleteItemCommand({
          TableName: this.options.tableName,
          Key: { pk: { S: targetLockKey(job) } },
          ConditionExpression: 'jobId = :me',
          ExpressionAttributeValues: { ':me': { S: job.id } },
        }),
      )
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
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
      if ((error as Error).name === 'ConditionalCheckFailedException') {
        throw new JobConflictError(`job ${jobId} was changed by someone else: reload it and try again`, {
          cause: error,
        });
      }
      throw error;
    }
  }
}

function jobKey(jobId: string): string {
  return `job#${jobId}`;
}

function cardKey(jobId: string): string {
  return `card#${jobId}`;
}

function historyKey(kind: DatabaseKind): string {
  return `history#${kind}`;
}

/** The item's version attribute is the truth (the JSON copy is written in the same item). */
function withVersion(job: Job, item: Record<string, AttributeValue>): Job {
  return { ...job, version: Number(item.version?.N ?? job.version) };
}
