import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startEmbeddedDynamoDb } from '../../dev/embedded-dynamodb.js';
import { ensureJobTable } from '../../src/jobs/job-table.js';

export interface RunningDynalite {
  client: DynamoDBClient;
  tableName: string;
  close(): Promise<void>;
}

/** A real DynamoDB API (dynalite, in memory) inside the test process, on a loopback port, with the job table. */
export async function startDynalite(tableName = 'restore-jobs'): Promise<RunningDynalite> {
  const embedded = await startEmbeddedDynamoDb();
  await ensureJobTable(embedded.client, tableName);
  return { client: embedded.client, tableName, close: embedded.close };
}
