import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src/domain/job/job.js';
import { MAX_STEP_ATTEMPTS } from '../../src/domain/job/retry-policy.js';
import type { DatabaseKind } from '../../src/domain/kinds.js';
import type { DatabaseDriver } from '../../src/domain/ports/database-driver.js';
import type { StepFailure } from '../../src/domain/steps.js';
import { Worker, type WorkerDeps } from '../../src/jobs/worker.js';
import { type RunningDynalite, startDynalite } from '../helpers/dynalite.js';
import { createJobHarness, type JobHarness } from '../helpers/job-harness.js';
import { requestFrom } from '../helpers/requests.js';
import { APPROVER } from '../helpers/simulated-environment.js';

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

/**
 * The harness's drivers, whose restore call throws `error` and which classify it as `retry`: the
 * worker must go by the driver's word, whatever the error is called.
 */
function driversThrowing(harness: JobHarness, error: Error, retry: StepFailure['retry']): WorkerDeps['driverFor'] {
  return (kind: DatabaseKind, environment: string) => {
    const real = harness.env.driverFor(kind, environment);
    return Object.assign(Object.create(real) as DatabaseDriver, {
      startStep: async () => {
        throw error;
      },
      classifyError: (thrown: unknown): StepFailure => ({
        retry,
        message: `${(thrown as Error).message} (classified)`,
      }),
    });
  };
}

function workerWith(harness: JobHarness, driverFor: WorkerDeps['driverFor']): Worker {
  return new Worker({
    store: harness.store,
    durations: harness.durations,
    clock: harness.env.clock,
    driverFor,
    notifier: harness.notifier,
    workerId: 'worker-classes',
    scheduler: harness.scheduler,
  });
}

/** Ticks until the job finishes or `ticks` pass, each tick after the job's next attempt is due. */
async function tickThrough(harness: JobHarness, worker: Worker, jobId: string, ticks: number): Promise<Job> {
  for (let tick = 0; tick < ticks; tick += 1) {
    await worker.tick();
    const job = await harness.store.get(jobId);
    if (job?.status !== 'running') return job as Job;
    if (job.retry) harness.env.clock.advance(job.retry.nextAttemptAt.getTime() - harness.env.clock.now().getTime());
  }
  return (await harness.store.get(jobId)) as Job;
}

describe('worker and the driver classification of errors', () => {
  it('retries an error its driver calls transient, whatever its name, until the attempts run out', async () => {
    // Prepare: a name no AWS list holds
    const harness = await createJobHarness(dynamo);
    const job = await approvedRestore(harness, 'orders-hiccup');
    const worker = workerWith(harness, driversThrowing(harness, new Error('quota hiccup'), 'transient'));

    // Act
    await worker.tick();
    const retried = await harness.store.get(job.id);
    const finished = await tickThrough(harness, worker, job.id, 2 * MAX_STEP_ATTEMPTS);

    // Assess
    expect(retried).toMatchObject({
      status: 'running',
      retry: { attempts: 1, lastError: 'quota hiccup (classified)' },
    });
    expect(finished.status).toBe('failed');
    expect(finished.execution?.failure).toBe('quota hiccup (classified)');
    expect(finished.events.filter((event) => event.type === 'step-retry')).toHaveLength(MAX_STEP_ATTEMPTS - 1);
  });

  it('fails the step at once on an error its driver calls permanent, even one named like throttling', async () => {
    // Prepare
    const harness = await createJobHarness(dynamo);
    const job = await approvedRestore(harness, 'orders-named');
    const named = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const worker = workerWith(harness, driversThrowing(harness, named, 'permanent'));

    // Act
    await worker.tick();

    // Assess
    const failed = await harness.store.get(job.id);
    expect(failed).toMatchObject({ status: 'failed', execution: { failure: 'Rate exceeded (classified)' } });
    expect(failed?.events.some((event) => event.type === 'step-retry')).toBe(false);
  });

  it('does not count throttled tries against the attempts, across ticks and saves', async () => {
    // Prepare: the restore call is throttled for longer than a step's attempts, then meets a transient fault
    const harness = await createJobHarness(dynamo);
    const job = await approvedRestore(harness, 'orders-mixed');
    let calls = 0;
    const driverFor: WorkerDeps['driverFor'] = (kind, environment) => {
      const real = harness.env.driverFor(kind, environment);
      return Object.assign(Object.create(real) as DatabaseDriver, {
        startStep: async () => {
          calls += 1;
          throw new Error(calls <= MAX_STEP_ATTEMPTS + 5 ? 'slow down' : 'hiccup');
        },
        classifyError: (thrown: unknown): StepFailure => ({
          retry: (thrown as Error).message === 'slow down' ? 'throttled' : 'transient',
          message: (thrown as Error).message,
        }),
      });
    };
    const worker = workerWith(harness, driverFor);

    // Act: through the throttling and one transient fault
    const after = await tickThrough(harness, worker, job.id, MAX_STEP_ATTEMPTS + 6);

    // Assess: still retrying, and the stored retry says how many tries were throttled
    expect(after.status).toBe('running');
    expect(after.retry).toMatchObject({ attempts: MAX_STEP_ATTEMPTS + 6, throttled: MAX_STEP_ATTEMPTS + 5 });
    expect(after.retry?.lastError).toBe('hiccup');
  });

  it('waits out an error its driver calls throttled for longer than the attempts allow, and never fails', async () => {
    // Prepare
    const harness = await createJobHarness(dynamo);
    const job = await approvedRestore(harness, 'orders-slowed');
    const worker = workerWith(harness, driversThrowing(harness, new Error('come back later'), 'throttled'));

    // Act
    const after = await tickThrough(harness, worker, job.id, 3 * MAX_STEP_ATTEMPTS);

    // Assess
    expect(after.status).toBe('running');
    expect(after.retry?.attempts).toBe(3 * MAX_STEP_ATTEMPTS);
  });
});
