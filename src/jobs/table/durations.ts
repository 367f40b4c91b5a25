import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { isConditionalCheckFailed } from '../../aws/error-names.js';
import type { PastRestore } from '../../domain/estimate.js';
import type { DatabaseKind } from '../../domain/kinds.js';
import type { DurationHistory } from '../../domain/ports/duration-history.js';
import { historyKey, type JobTableOptions } from './keys.js';

const HISTORY_LENGTH = 50;

/** A small history item per kind of database: the last restores' sizes and durations. */
export class DynamoDbDurationHistory implements DurationHistory {
  constructor(private readonly options: JobTableOptions) {}

  async record(kind: DatabaseKind, restore: PastRestore): Promise<void> {
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
        if (!isConditionalCheckFailed(error)) throw error;
      }
    }
  }

  async recent(kind: DatabaseKind): Promise<PastRestore[]> {
    const { Item } = await this.options.client.send(
      new GetItemCommand({ TableName: this.options.tableName, Key: { pk: { S: historyKey(kind) } } }),
    );
    return Item?.data?.S ? (JSON.parse(Item.data.S) as PastRestore[]) : [];
  }
}
