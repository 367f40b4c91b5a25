import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbDurationHistory } from '../../../src/jobs/table/durations.js';
import { type RunningDynalite, startDynalite } from '../../helpers/dynalite.js';

let dynamo: RunningDynalite;
let durations: DynamoDbDurationHistory;

beforeAll(async () => {
  dynamo = await startDynalite();
  durations = new DynamoDbDurationHistory({ client: dynamo.client, tableName: dynamo.tableName });
});

afterAll(async () => {
  await dynamo.close();
});

describe('DynamoDbDurationHistory', () => {
  it('keeps the last durations per kind for estimates', async () => {
    await durations.record('rds-instance', { sizeGiB: 100, minutes: 31 });
    await Promise.all([
      durations.record('rds-instance', { sizeGiB: 120, minutes: 35 }),
      durations.record('rds-instance', { sizeGiB: 90, minutes: 29 }),
    ]);
    expect((await durations.recent('rds-instance')).map((past) => past.minutes).sort()).toEqual([29, 31, 35]);
    expect(await durations.recent('docdb-cluster')).toEqual([]);
  });
});
