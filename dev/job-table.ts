import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type JobTable, realJobTable } from '../src/entrypoints/core-composition.js';
import { startEmbeddedDynamoDb } from './embedded-dynamodb.js';
import type { LocalEnv } from './env.js';

/** The job table of the local run, what to tell about it, and how to close it. */
export interface LocalJobTable {
  jobTable: JobTable;
  said: string;
  notice?: string;
  close(): Promise<void>;
}

/** A real table with JOBS_TABLE and real AWS; otherwise the embedded DynamoDB API with its data under DATA_DIR. */
export async function localJobTable(config: LocalEnv): Promise<LocalJobTable> {
  if (config.JOBS_TABLE && config.RESTORE_BOT_AWS === 'real') {
    return {
      jobTable: realJobTable(config.JOBS_TABLE),
      said: `jobs: DynamoDB table ${config.JOBS_TABLE}`,
      close: async () => undefined,
    };
  }
  const path = join(config.DATA_DIR, 'jobs');
  await mkdir(path, { recursive: true });
  const embedded = await startEmbeddedDynamoDb({ path });
  return {
    jobTable: { client: embedded.client, tableName: config.JOBS_TABLE ?? 'restore-jobs', create: true },
    said: `jobs: embedded DynamoDB API (dynalite) with data in ${path}/`,
    notice: `Jobs are kept in ${path}/ and survive a restart: /restore list shows them.`,
    close: embedded.close,
  };
}
