import { DeleteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface CountingDynamoDb {
  /** The client to hand to the store: every call goes to the real one and is counted on the way. */
  client: DynamoDBClient;
  /** Deletes of target lock items (`target#…`), conditional on the job holding the lock. */
  lockReleases: number;
  /** Writes refused with ConditionalCheckFailedException. */
  failedConditions: number;
  reset(): void;
}

/** Counts the lock releases and refused conditional writes a store makes, without changing what they do. */
export function countingDynamoDb(real: DynamoDBClient): CountingDynamoDb {
  const counts: CountingDynamoDb = {
    client: Object.assign(Object.create(real) as DynamoDBClient, {
      send: async (command: Parameters<DynamoDBClient['send']>[0]) => {
        if (command instanceof DeleteItemCommand && command.input.Key?.pk?.S?.startsWith('target#')) {
          counts.lockReleases += 1;
        }
        try {
          return await real.send(command);
        } catch (error) {
          if ((error as Error).name === 'ConditionalCheckFailedException') counts.failedConditions += 1;
          throw error;
        }
      },
    }),
    lockReleases: 0,
    failedConditions: 0,
    reset() {
      counts.lockReleases = 0;
      counts.failedConditions = 0;
    },
  };
  return counts;
}
