import { seededRandom } from '@db-restore-bot/aws-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobTransitionError, TargetBusyError } from '../../src/domain/job/errors.js';
import type { Job } from '../../src/domain/job/job.js';
import type { DatabaseKind } from '../../src/domain/kinds.js';
import type { JobRepository } from '../../src/domain/ports/job-repository.js';
import { type RunningDynalite, startDynalite } from '../helpers/dynalite.js';
import { effectfulCalls } from '../helpers/effectful-calls.js';
import { createJobHarness, type JobHarness } from '../helpers/job-harness.js';
import { type RequestSketch, requestFrom } from '../helpers/requests.js';
import { APPROVER } from '../helpers/simulated-environment.js';

const approver = { userId: APPROVER, userGroupIds: [] };

let dynamo: RunningDynalite;

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo.close();
});

async function requestAndApprove(harness: JobHarness, sketch: RequestSketch): Promise<Job> {
  const job = await harness.service.request(requestFrom(sketch, harness.env.clock.now()));
  return harness.service.approve(job.id, approver);
}

/** A refresh of acceptance's orders-acc from the newest production snapshot shared with it. */
async function refreshSketch(harness: JobHarness): Promise<RequestSketch> {
  const source = await harness.env.driverFor('aurora-cluster', 'production').describeSource('orders');
  const candidates = await harness.env
    .driverFor('aurora-cluster', 'acceptance')
    .listRestoreCandidates({ includeShared: true });
  const shared = candidates.find(
    (c) => c.shared && c.sourceIdentifier === 'orders' && c.engineVersion === source.engineVersion,
  );
  if (!shared) throw new Error('no shared orders snapshot in the seed');
  return {
    kind: 'aurora-cluster',
    source: 'orders',
    into: 'acceptance',
    target: 'orders-acc',
    at: shared.arn,
    replace: true,
  };
}

describe('worker', () => {
  it.each([
    ['rds-instance', 'orders-db'],
    ['aurora-cluster', 'orders'],
    ['docdb-cluster', 'catalog'],
    ['dynamodb-table', 'carts'],
  ] as [DatabaseKind, string][])(
    'drives a %s restore of %s from approval to a validated success',
    async (kind, source) => {
      const harness = await createJobHarness(dynamo);
      const job = await requestAndApprove(harness, { kind, source, target: `${source}-copy`, at: '2h ago' });
      expect(harness.kicker.kicked).toEqual([job.id, job.id]);

      const [finished] = await harness.runUntilFinished([job.id]);

      expect(finished?.status).toBe('succeeded');
      expect(finished?.execution?.validation?.every((check) => check.result !== 'failed')).toBe(true);
      expect(finished?.execution?.steps.map((step) => step.name)).toEqual(
        finished?.plan.steps.map((step) => step.name),
      );
      expect(finished?.execution?.steps.every((step) => step.endedAt)).toBe(true);
      expect(harness.notifier.statusesOf(job.id)).toEqual(['running', 'succeeded']);
      expect(finished?.events.map((event) => event.type)).toEqual(
        expect.arrayContaining(['requested', 'approved', 'started', 'step-started', 'step-done', 'succeeded']),
      );
    },
  );

  it('finishes a replace after a crash behind every step, with no second create, rename or delete', async () => {
    const harness = await createJobHarness(dynamo);
    const job = await requestAndApprove(harness, await refreshSketch(harness));
    const crashed = new Set<string>();
    // A store whose write fails once right after each step's AWS call: the worker "dies" before persisting.
    const crashingStore: JobRepository = Object.assign(Object.create(harness.store) as JobRepository, {
      save: async (next: Job, options?: { leaseOwner?: string }) => {
        const last = next.execution?.steps.at(-1);
        const key = `${next.execution?.phase}:${last?.name}`;
        if (last && !last.endedAt && !crashed.has(key)) {
          crashed.add(key);
          throw new Error('worker killed');
        }
        return harness.store.save(next, options);
      },
    });
    // Every tick is a fresh worker: a killed one never comes back, its lease has to expire.
    let finished: Job | undefined;
    for (let tick = 0; tick < 400 && finished?.status !== 'succeeded'; tick += 1) {
      await harness.worker(`worker-${tick}`, crashingStore).tick();
      finished = await harness.store.get(job.id);
      harness.env.clock.advance(60_000);
    }

    expect(finished?.status).toBe('succeeded');
    expect([...crashed]).toEqual(finished?.plan.steps.map((step) => `forward:${step.name}`));
    const counts = effectfulCalls(harness);
    expect(Object.values(counts).every((count) => count === 1)).toBe(true);
    expect(Object.keys(counts)).toEqual(
      expect.arrayContaining([
        `ModifyDBCluster(rename to orders-acc-old-${job.id.slice(0, 8)})`,
        'RestoreDBClusterFromSnapshot',
        'CreateDBInstance',
        'DeleteDBCluster',
      ]),
    );
    expect(finished?.execution?.steps.some((step) => step.resumed)).toBe(true);
  });

  it('lets two workers tick the same jobs at once: every step runs exactly once', async () => {
    const harness = await createJobHarness(dynamo);
    const jobs = await Promise.all(
      [
        { kind: 'rds-instance', source: 'orders-db', target: 'orders-db-twin' },
        { kind: 'aurora-cluster', source: 'orders', target: 'orders-twin', at: '1h ago' },
        { kind: 'aurora-cluster', source: 'inventory', target: 'inventory-twin', at: '1h ago' },
        { kind: 'docdb-cluster', source: 'catalog', target: 'catalog-twin' },
        { kind: 'dynamodb-table', source: 'carts', target: 'carts-twin' },
      ].map((sketch) => requestAndApprove(harness, sketch as RequestSketch)),
    );
    const finished = await harness.runUntilFinished(
      jobs.map((job) => job.id),
      [harness.worker('worker-a'), harness.worker('worker-b')],
    );
    expect(finished.map((job) => job.status)).toEqual(jobs.map(() => 'succeeded'));
    const restores = harness.env.sim.calls.filter((call) => call.operation.startsWith('Restore'));
    expect(restores).toHaveLength(jobs.length);
    expect(restores.every((call) => call.outcome === 'ok')).toBe(true);
    expect(harness.env.sim.callsOf('CreateDBInstance').filter((call) => call.outcome === 'ok')).toHaveLength(3);
  });

  it('turns ten concurrent approvals into exactly one start', async () => {
    const harness = await createJobHarness(dynamo);
    const job = await harness.service.request(
      requestFrom(
        { kind: 'aurora-cluster', source: 'orders', target: 'orders-tenfold', at: '1h ago' },
        harness.env.clock.now(),
      ),
    );
    const approvers = Array.from({ length: 10 }, (_, index) => ({
      userId: `U0PLATFORM${index}`,
      userGroupIds: ['S0PLATFORM'],
    }));

    const results = await Promise.allSettled(approvers.map((principal) => harness.service.approve(job.id, principal)));

    const approved = results.filter((result) => result.status === 'fulfilled');
    expect(approved).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(JobTransitionError);
    }
    const stored = await harness.store.get(job.id);
    expect(stored?.status).toBe('running');
    expect(stored?.approvals).toHaveLength(1);
    expect(stored?.events.filter((event) => event.type === 'started')).toHaveLength(1);
    // One kick for the request, one for the approval that started it; refused approvals change nothing.
    expect(harness.kicker.kicked).toEqual([job.id, job.id]);
  });

  it('completes every job when 30% of AWS calls are throttled', async () => {
    const harness = await createJobHarness(dynamo);
    const jobs = await Promise.all(
      (
        [
          { kind: 'rds-instance', source: 'billing-db', target: 'billing-db-copy' },
          { kind: 'aurora-cluster', source: 'orders', target: 'orders-throttled', at: '30 minutes ago' },
          { kind: 'docdb-cluster', source: 'catalog', target: 'catalog-throttled' },
          { kind: 'dynamodb-table', source: 'carts', target: 'carts-throttled' },
        ] as RequestSketch[]
      ).map((sketch) => requestAndApprove(harness, sketch)),
    );
    harness.env.sim.faults.throttle(0.3, seededRandom(7));

    const finished = await harness.runUntilFinished(
      jobs.map((job) => job.id),
      [harness.worker()],
      1_000,
    );

    expect(finished.map((job) => job.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    expect(harness.env.sim.calls.filter((call) => /Throttl/.test(call.outcome)).length).toBeGreaterThan(10);
    expect(finished.flatMap((job) => job.events).some((event) => event.type === 'step-retry')).toBe(true);
  });

  it('never fails a job on STS throttling, however long it lasts', async () => {
    // Prepare: the assumed role's credentials have expired, so the next step must assume it again.
    const harness = await createJobHarness(dynamo);
    const job = await requestAndApprove(harness, { kind: 'dynamodb-table', source: 'carts', target: 'carts-sts' });
    harness.env.clock.advance(2 * 3_600_000);
    // More throttled AssumeRole calls than the SDK's and the worker's attempts together.
    harness.env.sim.faults.failNext('AssumeRole', 'Throttling', 'Rate exceeded', 60);

    // Act
    const [finished] = await harness.runUntilFinished([job.id], [harness.worker()], 2_000);

    // Assess
    expect(finished?.status).toBe('succeeded');
    expect(harness.env.sim.callsOf('AssumeRole', 'STS').filter((call) => call.outcome !== 'ok')).toHaveLength(60);
    expect(finished?.events.some((event) => event.type === 'step-retry' && /Throttling/.test(event.detail ?? ''))).toBe(
      true,
    );
  });

  it('refuses a second job onto a target that has an active job', async () => {
    const harness = await createJobHarness(dynamo);
    const sketch: RequestSketch = { kind: 'aurora-cluster', source: 'orders', target: 'orders-busy', at: '1h ago' };
    const first = await harness.service.request(requestFrom(sketch, harness.env.clock.now()));
    const second = harness.service.request(requestFrom({ ...sketch, source: 'inventory' }, harness.env.clock.now()));
    await expect(second).rejects.toThrow(TargetBusyError);
    await expect(second).rejects.toThrow(`orders-busy already has an active restore (job ${first.id})`);
  });

  it('fails a job on a non-retryable AWS error with AWS message', async () => {
    const harness = await createJobHarness(dynamo);
    const job = await requestAndApprove(harness, {
      kind: 'aurora-cluster',
      source: 'orders',
      target: 'orders-doomed',
      at: '1h ago',
    });
    harness.env.sim.faults.failNext(
      'RestoreDBClusterToPointInTime',
      'InvalidRestoreFault',
      'Cannot restore to that time.',
    );
    const [finished] = await harness.runUntilFinished([job.id]);
    expect(finished?.status).toBe('failed');
    expect(finished?.execution?.failure).toContain('InvalidRestoreFault: Cannot restore to that time.');
  });

  it('expires a request nobody approves in time', async () => {
    const harness = await createJobHarness(dynamo);
    const job = await harness.service.request(
      requestFrom(
        { kind: 'aurora-cluster', source: 'orders', target: 'orders-unloved', at: '1h ago' },
        harness.env.clock.now(),
      ),
    );
    await harness.worker().tick();
    expect((await harness.store.get(job.id))?.status).toBe('awaiting_approval');
    harness.env.clock.advance(4 * 3_600_000);
    await harness.worker().tick();
    expect((await harness.store.get(job.id))?.status).toBe('expired');
    await expect(harness.service.approve(job.id, approver)).rejects.toThrow('can no longer be approved');
  });

  it('writes nothing for a job whose step is still pending', async () => {
    const harness = await createJobHarness(dynamo);
    const job = await requestAndApprove(harness, {
      kind: 'aurora-cluster',
      source: 'orders',
      target: 'orders-quiet',
      at: '1h ago',
    });
    await harness.worker().tick(); // starts the restore
    const version = (await harness.store.get(job.id))?.version;
    const report = await harness.worker().tick(); // the cluster is still creating
    expect(report.checked).toBe(1);
    expect(report.changed).toBe(0);
    expect((await harness.store.get(job.id))?.version).toBe(version);
  });

  it('estimates from past restores once there are some', async () => {
    const harness = await createJobHarness(dynamo);
    const first = await requestAndApprove(harness, {
      kind: 'rds-instance',
      source: 'orders-db',
      target: 'orders-db-first',
    });
    expect(first.plan.estimate.basis).toBe('policy');
    await harness.runUntilFinished([first.id]);
    const second = await harness.service.request(
      requestFrom({ kind: 'rds-instance', source: 'orders-db', target: 'orders-db-second' }, harness.env.clock.now()),
    );
    expect(second.plan.estimate.basis).toBe('history');
    expect(second.plan.estimate.minutes).toBeGreaterThan(0);
  });
});
