import {
  type AttributeValue,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { isConditionalCheckFailed } from '../../aws/error-names.js';
import { JobConflictError } from '../../domain/job/errors.js';
import type { RunRepository, VersionedRun } from '../../domain/ports/run-records.js';
import { leaseItem, versionedUpdate } from './item-lease.js';
import { ACTIVE_JOBS_INDEX, type JobTableOptions } from './keys.js';

/** How one kind of run is kept on the job table. */
export interface RunRecordKind<T extends VersionedRun> {
  /** `refresh run`, `DR run`: for the conflict's message. */
  noun: string;
  key(runId: string): string;
  /** The open ones' partition of the sparse active index (the job listings never read it). */
  openPartition: string;
  encode(run: T): string;
  decode(text: string): T;
  phase(run: T): string;
  isEnded(run: T): boolean;
  /** The open index sorts on this: the oldest comes first. */
  sortedBy(run: T): Date;
  endedAt(run: T): Date;
}

export interface RunRecordsOptions extends JobTableOptions {
  /** How long ended runs stay before DynamoDB's TTL removes them (the jobs' retention). */
  endedRunRetentionMs: number;
}

/** Runs on the job table: single-item conditional writes, as for jobs. */
export class DynamoDbRunRecords<T extends VersionedRun> implements RunRepository<T> {
  constructor(
    private readonly options: RunRecordsOptions,
    private readonly kind: RunRecordKind<T>,
  ) {}

  async create(run: T): Promise<T> {
    try {
      // attribute_not_exists(pk): the first worker to make this run makes it; the others read it.
      await this.options.client.send(
        new PutItemCommand({
          TableName: this.options.tableName,
          Item: this.item(run),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return run;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const existing = await this.get(run.id);
      if (!existing) throw error;
      return existing;
    }
  }

  async get(runId: string): Promise<T | undefined> {
    const { Item } = await this.options.client.send(
      new GetItemCommand({
        TableName: this.options.tableName,
        Key: { pk: { S: this.kind.key(runId) } },
        ConsistentRead: true,
      }),
    );
    return Item?.data?.S ? this.withVersion(this.kind.decode(Item.data.S), Item) : undefined;
  }

  async listOpen(): Promise<T[]> {
    const runs: T[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.options.client.send(
        new QueryCommand({
          TableName: this.options.tableName,
          IndexName: ACTIVE_JOBS_INDEX,
          KeyConditionExpression: 'activePartition = :open',
          ExpressionAttributeValues: { ':open': { S: this.kind.openPartition } },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        if (item.data?.S) runs.push(this.withVersion(this.kind.decode(item.data.S), item));
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return runs;
  }

  async save(run: T): Promise<T> {
    const next = { ...run, version: run.version + 1 };
    // An ended run leaves the open index; a save also gives its claim back.
    const update = versionedUpdate(this.item(next), ['activePartition', 'leaseOwner', 'leaseUntil'], run.version);
    try {
      await this.options.client.send(
        new UpdateItemCommand({
          TableName: this.options.tableName,
          Key: { pk: { S: this.kind.key(run.id) } },
          ...update,
          ConditionExpression: '#version = :expected',
        }),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error)) {
        throw new JobConflictError(`${this.kind.noun} ${run.id} was changed by someone else: reload it and try again`, {
          cause: error,
        });
      }
      throw error;
    }
    return next;
  }

  claim(run: T, owner: string, now: Date, until: Date): Promise<boolean> {
    return leaseItem(this.options, this.kind.key(run.id), { version: run.version, owner, now, until });
  }

  private item(run: T): Record<string, AttributeValue> {
    const item: Record<string, AttributeValue> = {
      pk: { S: this.kind.key(run.id) },
      version: { N: String(run.version) },
      phase: { S: this.kind.phase(run) },
      createdAt: { S: this.kind.sortedBy(run).toISOString() },
      data: { S: this.kind.encode(run) },
    };
    if (this.kind.isEnded(run)) {
      const expiresAt = this.kind.endedAt(run).getTime() + this.options.endedRunRetentionMs;
      item.expiresAt = { N: String(Math.floor(expiresAt / 1000)) };
    } else {
      item.activePartition = { S: this.kind.openPartition };
    }
    return item;
  }

  private withVersion(run: T, item: Record<string, AttributeValue>): T {
    return { ...run, version: Number(item.version?.N ?? run.version) };
  }
}
