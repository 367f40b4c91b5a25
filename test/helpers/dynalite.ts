import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { ensureJobTable } from '../../src/jobs/job-table.js';

export interface RunningDynalite {
  client: DynamoDBClient;
  tableName: string;
  close(): Promise<void>;
}

/** A real DynamoDB API (dynalite, in memory) inside the test process, on a loopback port, with the job table. */
export async function startDynalite(tableName = 'restore-jobs'): Promise<RunningDynalite> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new DynamoDBClient({
    region: 'eu-west-1',
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  await ensureJobTable(client, tableName);
  return {
    client,
    tableName,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
