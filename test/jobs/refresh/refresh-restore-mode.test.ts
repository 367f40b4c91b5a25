import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refreshActor } from '../../../src/domain/actors.js';
import type { Job } from '../../../src/domain/job/job.js';
import { TAG_JOB_ID } from '../../../src/domain/managed-resources.js';
import type { RefreshCycle, RefreshDatabase } from '../../../src/domain/refresh/cycle.js';
import { approveRun, type CycleRun, isEnded } from '../../../src/domain/refresh/cycle-run.js';
import { refreshJobId } from '../../../src/jobs/refresh/refresh-runner.js';
import { type RunningDynalite, startDynalite } from '../../helpers/dynalite.js';
import { CATALOG_REFRESH, ORDERS_REFRESH } from '../../helpers/refresh-cycles.js';
import { createRefreshHarness, type RefreshHarness } from '../../helpers/refresh-harness.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

const BILLING_REFRESH: RefreshDatabase = {
  kind: 'rds-instance',
  source: { environment: 'production', identifier: 'billing-db' },
  target: { environment: 'acceptance', identifier: 'billing-acc' },
  engine: 'mysql',
  parameters: { latest: 'rds_latest_snapshot_id', current: 'rds_current_snapshot_id' },
};

let dynamo: RunningDynalite;
let harness: RefreshHarness;

beforeEach(async () => {
  dynamo = await startDynalite();
  harness = await createRefreshHarness(dynamo);
});

afterEach(async () => {
  await dynamo.close();
});

function restoreCycle(overrides: Partial<RefreshCycle> = {}): RefreshCycle {
  return harness.cycleFromNow({ mode: 'restore', databases: [ORDERS_REFRESH], ...overrides });
}

/** Announces the run (once any shared snapshot is copied in), then moves to its time. */
async function announceAndReachRunTime(cycle: RefreshCycle): Promise<CycleRun> {
  const occurrence = harness.firstOccurrence(cycle);
  harness.moveTo(new Date(occurrence.getTime() - 23 * HOUR));
  const announced = await tickUntil(cycle, (run) => run.phase === 'announced');
  harness.moveTo(occurrence);
  return announced;
}

async function tickUntil(cycle: RefreshCycle, done: (run: CycleRun) => boolean, maxTicks = 60): Promise<CycleRun> {
  for (let tick = 0; tick < maxTicks; tick += 1) {
    await harness.runner(cycle).tick();
    const run = await harness.runOf(cycle);
    if (run && done(run)) return run;
    harness.env.clock.advance(MINUTE);
  }
  throw new Error(`the run of ${cycle.name} did not get there in ${maxTicks} ticks`);
}

/** Runner and job workers tick together, a minute apart, until the run ends. */
async function runToEnd(cycle: RefreshCycle, runners = [harness.runner(cycle)], maxTicks = 400): Promise<CycleRun> {
  const workers = [harness.worker('worker-1'), harness.worker('worker-2')];
  for (let tick = 0; tick < maxTicks; tick += 1) {
    await Promise.all([...runners.map((runner) => runner.tick()), ...workers.map((worker) => worker.tick())]);
    const run = await harness.runOf(cycle);
    if (run && isEnded(run)) return run;
    harness.env.clock.advance(MINUTE);
  }
  throw new Error(`the run of ${cycle.name} did not end in ${maxTicks} ticks`);
}

async function jobsOf(run: CycleRun): Promise<Job[]> {
  const jobs = await Promise.all(run.databases.map((pick) => harness.store.get(pick.jobId ?? '')));
  return jobs.filter((job): job is Job => job !== undefined);
}

const okCalls = (operation: string) =>
  harness.env.sim.callsOf(operation).filter((call) => call.outcome === 'ok').length;

describe('the refresh runner, mode restore, on the simulated account', () => {
  it('replaces an RDS instance, an Aurora cluster and a DocumentDB cluster, then writes current for each', async () => {
    const cycle = restoreCycle({ databases: [BILLING_REFRESH, ORDERS_REFRESH, CATALOG_REFRESH] });
    const originals = await Promise.all(
      cycle.databases.map((database) =>
        harness.env.driverFor(database.kind, 'acceptance').findExisting(database.target.identifier),
      ),
    );
    const announced = await announceAndReachRunTime(cycle);

    const run = await runToEnd(cycle, [harness.runner(cycle, 'worker-a'), harness.runner(cycle, 'worker-b')]);

    expect(run).toMatchObject({ phase: 'succeeded', outcome: '3 of 3 refreshed', currentWritten: true });
    for (const [index, database] of cycle.databases.entries()) {
      const pick = run.databases[index];
      expect(pick?.snapshotId).toBe(announced.databases[index]?.snapshotId);
      expect(pick?.result).toMatchObject({
        outcome: 'refreshed',
        detail: expect.stringMatching(/^restored and validated: \d+ of \d+ checks passed/),
      });
      expect(pick?.result?.durationMs).toBeGreaterThan(0);
      expect(await harness.parameters().get(database.parameters.current)).toBe(pick?.snapshotId);
      const replaced = await harness.env
        .driverFor(database.kind, 'acceptance')
        .findExisting(database.target.identifier);
      expect(originals[index]?.tags[TAG_JOB_ID]).toBeUndefined();
      expect(replaced?.tags[TAG_JOB_ID]).toBe(refreshJobId(run, index));
    }
    const jobs = await jobsOf(run);
    expect(jobs.map((job) => job.id)).toEqual(cycle.databases.map((_, index) => refreshJobId(run, index)));
    for (const job of jobs) {
      expect(job).toMatchObject({ status: 'succeeded', card: { channelId: cycle.channelId } });
      expect(job.request.requester.userId).toBe(refreshActor(cycle.name));
      expect(job.plan.replace?.identifier).toBe(job.plan.target.identifier);
      expect(job.events.find((event) => event.type === 'approved')?.detail).toBe(
        "the policy's acceptance-refresh cycle runs without approval",
      );
    }
    // billing-db's shared snapshot is encrypted: discovery copied it in with acceptance's own key.
    const instanceCopies = harness.env.sim.callsOf('CopyDBSnapshot').filter((call) => call.outcome === 'ok');
    expect(instanceCopies).toHaveLength(1);
    expect(instanceCopies[0]?.input).toMatchObject({
      KmsKeyId: harness.env.policy.environments.acceptance?.restoreDefaults?.['rds-instance']?.kmsKeyId,
    });
    // DocumentDB restores the copy the discovery made, so its job copies nothing itself.
    const catalog = jobs[2];
    for (const job of jobs) expect(job.plan.steps.map((step) => step.name)).not.toContain('copy-shared-snapshot');
    expect(catalog?.plan.method).toMatchObject({ type: 'snapshot', copyFirst: false });
    expect(run.databases[2]?.snapshotId).toMatch(/:222222222222:cluster-snapshot:catalog-share-.*-refresh-copy$/);
    // One restore per database however many runners ticked, and the replaced ones are kept as final snapshots.
    expect(okCalls('RestoreDBInstanceFromDBSnapshot')).toBe(1);
    expect(okCalls('RestoreDBClusterFromSnapshot')).toBe(2);
    expect(okCalls('DeleteDBInstance')).toBeGreaterThanOrEqual(1);
    const finalSnapshots = jobs.map((job) => job.plan.replace?.finalSnapshotIdentifier);
    expect(finalSnapshots.every((name) => typeof name === 'string' && name.length > 0)).toBe(true);
  });

  it('waits for an approver when the cycle requires one, and records who approved on each restore', async () => {
    const cycle = restoreCycle({ approvalRequired: true });
    const announced = await announceAndReachRunTime(cycle);
    await harness.runner(cycle).tick();
    expect((await harness.runOf(cycle))?.databases[0]?.jobId).toBeUndefined();

    const approver = { userId: 'U0APPROVER', userGroupIds: [] };
    await harness.runs.save(
      approveRun(announced, {
        cycle,
        principal: approver,
        approversOf: (environment) => harness.env.policy.environments[environment]?.approvers,
        now: harness.env.clock.now(),
      }),
    );
    const run = await runToEnd(cycle);

    expect(run.phase).toBe('succeeded');
    const [job] = await jobsOf(run);
    expect(job?.approvals.map((approval) => approval.userId)).toEqual(['U0APPROVER']);
    expect(job?.events.find((event) => event.type === 'approved')).toMatchObject({
      actor: 'U0APPROVER',
      detail: 'approved on the acceptance-refresh refresh card',
    });
  });

  it('resumes after a worker dies between creating the restores and saving the run, with one job each', async () => {
    const cycle = restoreCycle({ databases: [ORDERS_REFRESH, CATALOG_REFRESH] });
    await announceAndReachRunTime(cycle);
    await harness.runner(cycle).tick(); // running
    let dying = true;
    const crashing = Object.create(harness.runs) as RefreshHarness['runs'];
    crashing.save = async (run) => {
      if (dying && run.databases.some((pick) => pick.jobId)) {
        dying = false;
        throw new Error('worker killed');
      }
      return harness.runs.save(run);
    };
    await harness.runner(cycle, 'worker-a', crashing).tick();
    expect((await harness.runOf(cycle))?.databases[0]?.jobId).toBeUndefined();
    harness.env.clock.advance(46_000);

    const run = await runToEnd(cycle, [harness.runner(cycle, 'worker-b')]);

    expect(run.phase).toBe('succeeded');
    expect(run.databases.map((pick) => pick.jobId)).toEqual([refreshJobId(run, 0), refreshJobId(run, 1)]);
    expect(okCalls('RestoreDBClusterFromSnapshot')).toBe(2);
  });

  it('reports a restore that failed and was rolled back, writing current only for the database refreshed', async () => {
    const cycle = restoreCycle({ databases: [ORDERS_REFRESH, BILLING_REFRESH] });
    await announceAndReachRunTime(cycle);
    const original = await harness.env.driverFor('aurora-cluster', 'acceptance').findExisting('orders-acc');
    // The Aurora restore's writer is refused: that replace rolls back, the RDS instance's goes on.
    harness.env.sim.faults.failNext('CreateDBInstance', 'InvalidParameterCombination', 'Simulated refusal.');

    const run = await runToEnd(cycle);

    expect(run.phase).toBe('failed');
    expect(run.databases[0]?.result).toMatchObject({ outcome: 'failed' });
    expect(run.databases[0]?.result?.detail).toMatch(/Simulated refusal.*the previous database has its name back/);
    expect(run.databases[1]?.result?.outcome).toBe('refreshed');
    expect(run.outcome).toMatch(/^orders-acc: .*\(1 of 2 refreshed; current was written only for those\)$/);
    expect(await harness.parameters().get('aurora_current_snapshot_id')).toBeUndefined();
    expect(await harness.parameters().get('rds_current_snapshot_id')).toBe(run.databases[1]?.snapshotId);
    expect((await harness.env.driverFor('aurora-cluster', 'acceptance').findExisting('orders-acc'))?.arn).toBe(
      original?.arn,
    );
  });

  it('starts no restore when one of them cannot start, and says which and why', async () => {
    // orders-acc is busy with someone's restore: the run cannot replace it, nor catalog-acc alone.
    const cycle = restoreCycle({ databases: [CATALOG_REFRESH, ORDERS_REFRESH] });
    await announceAndReachRunTime(cycle);
    const busy = await harness.service.request({
      kind: 'aurora-cluster',
      source: { identifier: 'orders', environment: 'production' },
      target: { identifier: 'orders-acc', environment: 'acceptance' },
      restorePoint: { type: 'snapshot', id: (await harness.runOf(cycle))?.databases[1]?.snapshotId ?? '' },
      ifTargetExists: 'replace',
      reason: 'someone else is restoring it',
      requester: { userId: 'U0REQUESTER', userGroupIds: [], timeZone: 'UTC' },
    });

    const run = await runToEnd(cycle);

    expect(run.phase).toBe('failed');
    expect(run.outcome).toBe(
      `the replaces could not start: orders-acc already has an active restore (job ${busy.id}): wait for it to finish or cancel it`,
    );
    expect(run.databases.every((pick) => pick.jobId === undefined)).toBe(true);
    // catalog-acc's job was made (taking its lock) and withdrawn before anything ran.
    expect((await harness.store.get(refreshJobId(run, 0)))?.status).toBe('cancelled');
    expect(okCalls('RestoreDBClusterFromSnapshot')).toBe(0);
    expect(await harness.parameters().get('documentdb_current_snapshot_id')).toBeUndefined();
  });

  it('refuses to replace a database its owners tagged protected, before restoring anything', async () => {
    const ordersDb: RefreshDatabase = {
      ...BILLING_REFRESH,
      source: { environment: 'production', identifier: 'orders-db' },
      target: { environment: 'acceptance', identifier: 'orders-db-acc' },
      engine: 'postgres',
    };
    const cycle = restoreCycle({ databases: [ORDERS_REFRESH, ordersDb] });
    await announceAndReachRunTime(cycle);

    const run = await runToEnd(cycle);

    expect(run.outcome).toBe(
      'the replaces could not start: target orders-db-acc in acceptance is tagged restore-bot:protected=true by its owners: the bot never replaces it; choose another name',
    );
    expect(okCalls('RestoreDBClusterFromSnapshot') + okCalls('RestoreDBInstanceFromDBSnapshot')).toBe(0);
    expect(harness.env.sim.calls.filter((call) => call.operation.startsWith('Modify'))).toEqual([]);
  });
});
