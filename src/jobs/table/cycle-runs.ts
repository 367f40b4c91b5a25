import {
  type AttributeValue,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { isConditionalCheckFailed } from '../../aws/error-names.js';
import { JobConflictError } from '../../domain/job/errors.js';
import type { CycleRunRepository } from '../../domain/ports/cycle-runs.js';
import { type CycleRun, isEnded } from '../../domain/refresh/cycle-run.js';
import { decodeCycleRun, encodeCycleRun } from './cycle-run-codec.js';
import { leaseItem, versionedUpdate } from './item-lease.js';
import { ACTIVE_JOBS_INDEX, cycleRunKey, type JobTableOptions, OPEN_CYCLE_RUNS_PARTITION } from './keys.js';

export interface DynamoDbCycleRunsOptions extends JobTableOptions {
  /** How long ended runs stay before DynamoDB's TTL removes them (the jobs' retention). */
  endedRunRetentionMs: number;
}

/** Refresh cycle runs on the job table: single-item conditional writes, as for jobs. */
export class DynamoDbCycleRuns implements CycleRunRepository {
  constructor(private readonly options: DynamoDbCycleRunsOptions) {}

  async create(run: CycleRun): Promise<CycleRun> {
    try {
      // attribute_not_exists(pk): the first worker to reach an occurrence makes its run; the others read it.
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

  async get(runId: string): Promise<CycleRun | undefined> {
    const { Item } = await this.options.client.send(
      new GetItemCommand({
        TableName: this.options.tableName,
        Key: { pk: { S: cycleRunKey(runId) } },
        ConsistentRead: true,
      }),
    );
    return Item?.data?.S ? withVersion(decodeCycleRun(Item.data.S), Item) : undefined;
  }

  async listOpen(): Promise<CycleRun[]> {
    const runs: CycleRun[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.options.client.send(
        new QueryCommand({
          TableName: this.options.tableName,
          IndexName: ACTIVE_JOBS_INDEX,
          KeyConditionExpression: 'activePartition = :open',
          ExpressionAttributeValues: { ':open': { S: OPEN_CYCLE_RUNS_PARTITION } },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) if (item.data?.S) runs.push(withVersion(decodeCycleRun(item.data.S), item));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return runs;
  }

  async save(run: CycleRun): Promise<CycleRun> {
    const next = { ...run, version: run.version + 1 };
    // An ended run leaves the open index; a save also gives its claim back.
    const update = versionedUpdate(this.item(next), ['activePartition', 'leaseOwner', 'leaseUntil'], run.version);
    try {
      await this.options.client.send(
        new UpdateItemCommand({
          TableName: this.options.tableName,
          Key: { pk: { S: cycleRunKey(run.id) } },
          ...update,
          ConditionExpression: '#version = :expected',
        }),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error)) {
        throw new JobConflictError(`refresh run ${run.id} was changed by someone else: reload it and try again`, {
          cause: error,
        });
      }
      throw error;
    }
    return next;
  }

  claim(run: CycleRun, owner: string, now: Date, until: Date): Promise<boolean> {
    return leaseItem(this.options, cycleRunKey(run.id), { version: run.version, owner, now, until });
  }

  private item(run: CycleRun): Record<string, AttributeValue> {
    const item: Record<string, AttributeValue> = {
      pk: { S: cycleRunKey(run.id) },
      version: { N: String(run.version) },
      phase: { S: run.phase },
      // The open index sorts on createdAt: for runs, the occurrence, so the oldest comes first.
      createdAt: { S: run.occurrence.toISOString() },
      data: { S: encodeCycleRun(run) },
    };
    if (isEnded(run)) {
      const endedAt = run.finishedAt ?? run.updatedAt;
      item.expiresAt = { N: String(Math.floor((endedAt.getTime() + this.options.endedRunRetentionMs) / 1000)) };
    } else {
      item.activePartition = { S: OPEN_CYCLE_RUNS_PARTITION };
    }
    return item;
  }
}

function withVersion(run: CycleRun, item: Record<string, AttributeValue>): CycleRun {
  return { ...run, version: Number(item.version?.N ?? run.version) };
}
