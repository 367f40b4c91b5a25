import { DynamoDbCardStates } from './card-states.js';
import { DynamoDbCycleRuns } from './cycle-runs.js';
import { DynamoDbDurationHistory } from './durations.js';
import { DynamoDbJobs, type DynamoDbJobsOptions } from './jobs.js';

/** The adapters over the one job table, as the composition and the tests wire them. */
export function createJobTableStores(options: DynamoDbJobsOptions) {
  const table = { client: options.client, tableName: options.tableName };
  return {
    jobs: new DynamoDbJobs(options),
    cardStates: new DynamoDbCardStates(table),
    durations: new DynamoDbDurationHistory(table),
    cycleRuns: new DynamoDbCycleRuns({ ...table, endedRunRetentionMs: options.finishedJobRetentionMs }),
  };
}
