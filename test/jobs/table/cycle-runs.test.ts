import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobConflictError } from '../../../src/domain/job/errors.js';
import type { RefreshCycle } from '../../../src/domain/refresh/cycle.js';
import { finish, newCycleRun, recordDiscovery } from '../../../src/domain/refresh/cycle-run.js';
import { DynamoDbCycleRuns } from '../../../src/jobs/table/cycle-runs.js';
import { DynamoDbJobs } from '../../../src/jobs/table/jobs.js';
import { type RunningDynalite, startDynalite } from '../../helpers/dynalite.js';

let dynamo: RunningDynalite;
let runs: DynamoDbCycleRuns;

const cycle = { name: 'acceptance-refresh' } as RefreshCycle;
const occurrence = (day: number) => new Date(Date.UTC(2030, 0, day, 1));
const now = new Date(Date.UTC(2029, 11, 31));

beforeAll(async () => {
  dynamo = await startDynalite();
  runs = new DynamoDbCycleRuns({ client: dynamo.client, tableName: dynamo.tableName, endedRunRetentionMs: 86_400_000 });
});

afterAll(async () => {
  await dynamo.close();
});

describe('DynamoDbCycleRuns', () => {
  it('makes one run per occurrence however many workers try at once, and reads it back whole', async () => {
    const attempts = await Promise.all(
      [0, 1, 2, 3].map((worker) => runs.create(newCycleRun(cycle, occurrence(1), new Date(now.getTime() + worker)))),
    );
    expect(new Set(attempts.map((run) => run.createdAt.getTime())).size).toBe(1);
    const stored = await runs.get('acceptance-refresh#2030-01-01T01:00:00.000Z');
    expect(stored).toEqual(attempts[0]);
  });

  it('refuses a save based on a stale read', async () => {
    const run = await runs.create(newCycleRun(cycle, occurrence(2), now));
    const found = await runs.save(recordDiscovery(run, [{ target: 'orders-acc', snapshotId: 's-1' }], now));
    expect(found.version).toBe(1);
    expect((await runs.get(run.id))?.databases).toEqual([{ target: 'orders-acc', snapshotId: 's-1' }]);
    await expect(runs.save(recordDiscovery(run, [], now))).rejects.toThrow(JobConflictError);
  });

  it('lists the open runs, oldest first, and drops a run once it ends', async () => {
    const later = await runs.create(newCycleRun(cycle, occurrence(9), now));
    const earlier = await runs.create(newCycleRun(cycle, occurrence(8), now));
    const open = (await runs.listOpen()).map((run) => run.id);
    expect(open.indexOf(earlier.id)).toBeLessThan(open.indexOf(later.id));
    await runs.save(finish(earlier, 'skipped', 'nothing new', now));
    expect((await runs.listOpen()).map((run) => run.id)).not.toContain(earlier.id);
    // The jobs' listings never see runs, though they share the index.
    const jobs = new DynamoDbJobs({ client: dynamo.client, tableName: dynamo.tableName, finishedJobRetentionMs: 1 });
    expect(await jobs.listActive()).toEqual([]);
  });

  it('lets one worker at a time drive a run, until its claim runs out', async () => {
    const run = await runs.create(newCycleRun(cycle, occurrence(20), now));
    const until = new Date(now.getTime() + 45_000);
    expect(await runs.claim(run, 'worker-a', now, until)).toBe(true);
    expect(await runs.claim(run, 'worker-b', now, until)).toBe(false);
    expect(await runs.claim(run, 'worker-b', new Date(until.getTime() + 1), new Date(until.getTime() + 45_000))).toBe(
      true,
    );
  });
});
