import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src/domain/job/job.js';
import type { DatabaseKind } from '../../src/domain/kinds.js';
import type { DatabaseDriver, StepContext } from '../../src/domain/ports/database-driver.js';
import type { JobRepository } from '../../src/domain/ports/job-repository.js';
import { Worker, type WorkerDeps } from '../../src/jobs/worker.js';
import { type RunningDynalite, startDynalite } from '../helpers/dynalite.js';
import { effectfulCalls } from '../helpers/effectful-calls.js';
import { createJobHarness, type JobHarness } from '../helpers/job-harness.js';
import { requestFrom } from '../helpers/requests.js';
import { APPROVER } from '../helpers/simulated-environment.js';

const MINUTE = 60_000;

let dynamo: RunningDynalite;

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo.close();
});

async function approvedRestore(harness: JobHarness, target: string): Promise<Job> {
  const job = await harness.service.request(
    requestFrom({ kind: 'aurora-cluster', source: 'orders', target, at: '1h ago' }, harness.env.clock.now()),
  );
  return harness.service.approve(job.id, { userId: APPROVER, userGroupIds: [] });
}

/** The harness's drivers, with every started step noted in `starts` and `whileStarting` run inside the call. */
function driversNotingStarts(
  harness: JobHarness,
  starts: string[],
  whileStarting: () => Promise<void> = async () => undefined,
): WorkerDeps['driverFor'] {
  return (kind: DatabaseKind, environment: string) => {
    const real = harness.env.driverFor(kind, environment);
    return Object.assign(Object.create(real) as DatabaseDriver, {
      startStep: async (context: StepContext) => {
        starts.push(context.step);
        const started = await real.startStep(context);
        await whileStarting();
        return started;
      },
    });
  };
}

function workerWith(harness: JobHarness, workerId: string, driverFor: WorkerDeps['driverFor']): Worker {
  return new Worker({
    store: harness.store,
    durations: harness.durations,
    clock: harness.env.clock,
    driverFor,
    notifier: harness.notifier,
    workerId,
    scheduler: harness.scheduler,
  });
}

describe('worker lease', () => {
  it('lets the next worker resume a step whose worker died mid-call once a minute has passed', async () => {
    // Prepare: a worker that starts the restore and dies before it can save anything.
    const harness = await createJobHarness(dynamo);
    const job = await approvedRestore(harness, 'orders-orphaned');
    const dyingStore: JobRepository = Object.assign(Object.create(harness.store) as JobRepository, {
      save: async () => {
        throw new Error('worker killed');
      },
    });
    await harness.worker('worker-dead', dyingStore).tick();
    expect((await harness.store.get(job.id))?.execution?.started).toBe(false);
    expect(effectfulCalls(harness)).toEqual({ RestoreDBClusterToPointInTime: 1 });

    // Act: the next tick, a minute later, on another worker.
    harness.env.clock.advance(MINUTE);
    await harness.worker('worker-next').tick();

    // Assess: the step is taken up and recognised as already started; nothing is restored twice.
    const resumed = await harness.store.get(job.id);
    expect(resumed?.execution?.started).toBe(true);
    expect(resumed?.execution?.steps).toEqual([expect.objectContaining({ name: 'restore', resumed: true })]);
    expect(effectfulCalls(harness)).toEqual({ RestoreDBClusterToPointInTime: 1 });
  });

  it('keeps renewing the lease while a long call is in flight: a second worker does not start the same step', async () => {
    // Prepare: worker A's restore call stays in flight for six minutes (longer than any lease), and worker B ticks then.
    const harness = await createJobHarness(dynamo);
    const job = await approvedRestore(harness, 'orders-slow');
    const starts: string[] = [];
    const second = workerWith(harness, 'worker-b', driversNotingStarts(harness, starts));
    let slowCalls = 0;
    const first = workerWith(
      harness,
      'worker-a',
      driversNotingStarts(harness, starts, async () => {
        if (slowCalls++ > 0) return;
        await harness.scheduler.advance(6 * MINUTE);
        await second.tick();
      }),
    );

    // Act
    await first.tick();

    // Assess: one start, by A, saved as a fresh start (not a resumed one); one restore in AWS.
    const stored = await harness.store.get(job.id);
    expect(starts).toEqual(['restore']);
    expect(stored?.execution?.steps).toEqual([expect.objectContaining({ name: 'restore' })]);
    expect(stored?.execution?.steps[0]?.resumed).toBeFalsy();
    expect(stored?.events.filter((event) => event.type === 'step-started')).toHaveLength(1);
    expect(effectfulCalls(harness)).toEqual({ RestoreDBClusterToPointInTime: 1 });
  });

  it('does not write over the progress of a worker that took over a lease it could not renew', async () => {
    // Prepare: worker A cannot renew (its table writes time out) while its call is in flight for two minutes.
    const harness = await createJobHarness(dynamo);
    const job = await approvedRestore(harness, 'orders-unrenewed');
    let leasesTaken = 0;
    const unrenewingStore: JobRepository = Object.assign(Object.create(harness.store) as JobRepository, {
      acquireLease: async (...args: Parameters<JobRepository['acquireLease']>) => {
        if (leasesTaken++ > 0) throw new Error('connect ETIMEDOUT');
        return harness.store.acquireLease(...args);
      },
    });
    const starts: string[] = [];
    const second = workerWith(harness, 'worker-b', driversNotingStarts(harness, starts));
    let slowCalls = 0;
    const first = new Worker({
      store: unrenewingStore,
      durations: harness.durations,
      clock: harness.env.clock,
      driverFor: driversNotingStarts(harness, starts, async () => {
        if (slowCalls++ > 0) return;
        await harness.scheduler.advance(2 * MINUTE);
        await second.tick();
      }),
      notifier: harness.notifier,
      workerId: 'worker-a',
      scheduler: harness.scheduler,
    });

    // Act
    const report = await first.tick();

    // Assess: B took the step up and saved it as resumed; A's later save was refused, not written over B's.
    const stored = await harness.store.get(job.id);
    expect(starts).toEqual(['restore', 'restore']);
    expect(report.changed).toBe(0);
    expect(stored?.execution?.steps).toEqual([expect.objectContaining({ name: 'restore', resumed: true })]);
    expect(stored?.events.filter((event) => event.type === 'step-started')).toHaveLength(1);
    expect(effectfulCalls(harness)).toEqual({ RestoreDBClusterToPointInTime: 1 });
  });
});
