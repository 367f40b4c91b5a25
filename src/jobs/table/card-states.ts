import {
  type AttributeValue,
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { isConditionalCheckFailed } from '../../aws/error-names.js';
import type { CardState, CardStates } from '../../domain/ports/card-states.js';
import { cardKey, type JobTableOptions } from './keys.js';

/** BatchGetItem takes at most this many keys a call. */
const BATCH_GET_LIMIT = 100;

/** One item per card beside its job's item, so drawing a card never conflicts with a change to the job. */
export class DynamoDbCardStates implements CardStates {
  constructor(private readonly options: JobTableOptions) {}

  async load(jobIds: string[]): Promise<Map<string, CardState>> {
    const states = new Map<string, CardState>();
    const unique = [...new Set(jobIds)];
    for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
      let keys: Record<string, AttributeValue>[] | undefined = unique
        .slice(start, start + BATCH_GET_LIMIT)
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

  async save(jobId: string, state: CardState): Promise<boolean> {
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
          // Only forward: a slow drawing of an older version never overwrites what a newer one recorded.
          ConditionExpression: 'attribute_not_exists(pk) OR renderedVersion <= :version',
          ExpressionAttributeValues: { ':version': { N: String(state.renderedVersion) } },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }
}
