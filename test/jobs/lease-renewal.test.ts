import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renewLeaseWhileInFlight } from '../../src/jobs/lease-renewal.js';
import { DynamoDbJobs } from '../../src/jobs/table/jobs.js';
import { type RunningDynalite, startDynalite } from '../helpers/dynalite.js';
import { sampleJob, samplePlan } from '../helpers/jobs.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { ManualScheduler } from '../helpers/manual-scheduler.js';

const SECOND = 1_000;
const timing = { leaseMs: 45 * SECOND, renewEveryMs: 15 * SECOND };

let dynamo: RunningDynalite;
let store: DynamoDbJobs;

beforeAll(async () => {
  dynamo = await startDynalite();
  store = new DynamoDbJobs({
    client: dynamo.client,
    tableName: dynamo.tableName,
    finishedJobRetentionMs: 86_400_000,
  });
});

afterAll(async () => {
  await dynamo.close();
});

describe('lease renewal', () => {
  it('holds the lease past its length while renewing, and lets it run out once stopped', async () => {
    // Prepare
    const clock = new ManualClock();
    const scheduler = new ManualScheduler(clock);
    const job = await store.create(sampleJob('renewal-held', samplePlan('aurora-cluster', 'renewal-held-copy')));
    const until = () => new Date(clock.now().getTime() + timing.leaseMs);
    expect(await store.acquireLease(job, 'worker-a', clock.now(), until())).toBe(true);

    // Act
    const renewal = renewLeaseWhileInFlight({ store, clock, scheduler }, job, 'worker-a', timing);
    await scheduler.advance(3 * 60 * SECOND);
    const takenWhileRenewed = await store.acquireLease(job, 'worker-b', clock.now(), until());
    await renewal.stop();
    await scheduler.advance(46 * SECOND);

    // Assess
    expect(takenWhileRenewed).toBe(false);
    expect(await store.acquireLease(job, 'worker-b', clock.now(), until())).toBe(true);
  });

  it('stops renewing, and says so, once another worker holds the lease', async () => {
    // Prepare: worker-a's renewals are late (a stalled process); worker-b took the expired lease.
    const clock = new ManualClock();
    const scheduler = new ManualScheduler(clock);
    const job = await store.create(sampleJob('renewal-lost', samplePlan('aurora-cluster', 'renewal-lost-copy')));
    expect(await store.acquireLease(job, 'worker-a', clock.now(), new Date(clock.now().getTime() + 45 * SECOND))).toBe(
      true,
    );
    const logged: string[] = [];
    let renewals = 0;
    const countingStore = Object.assign(Object.create(store) as DynamoDbJobs, {
      acquireLease: (...args: Parameters<DynamoDbJobs['acquireLease']>) => {
        renewals += 1;
        return store.acquireLease(...args);
      },
    });
    const renewal = renewLeaseWhileInFlight(
      { store: countingStore, clock, scheduler, log: (message) => logged.push(message) },
      job,
      'worker-a',
      timing,
    );
    clock.advance(60 * SECOND);
    expect(await store.acquireLease(job, 'worker-b', clock.now(), new Date(clock.now().getTime() + 45 * SECOND))).toBe(
      true,
    );

    // Act
    await scheduler.advance(2 * 60 * SECOND);
    await renewal.stop();

    // Assess
    expect(renewals).toBe(1);
    expect(logged).toEqual(['lease lost while a step was in flight']);
  });
});
