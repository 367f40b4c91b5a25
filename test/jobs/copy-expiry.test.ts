import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobTransitionError } from '../../src/domain/job/errors.js';
import type { DatabaseKind } from '../../src/domain/kinds.js';
import { TAG_EXPIRES_AT, TAG_JOB_ID } from '../../src/domain/managed-resources.js';
import { type RunningDynalite, startDynalite } from '../helpers/dynalite.js';
import { createJobHarness, type JobHarness } from '../helpers/job-harness.js';
import { requestFrom } from '../helpers/requests.js';
import { APPROVER, REQUESTER } from '../helpers/simulated-environment.js';

const DAY = 86_400_000;
const approver = { userId: APPROVER, userGroupIds: [] };
const requester = { userId: REQUESTER, userGroupIds: ['S0DEVELOPERS'] };
const outsider = { userId: 'U0OUTSIDER', userGroupIds: [] };

let dynamo: RunningDynalite;

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo.close();
});

async function restoredCopy(harness: JobHarness, kind: DatabaseKind, source: string, target: string) {
  const requested = await harness.service.request(
    requestFrom({ kind, source, target, expiresIn: '1d' }, harness.env.clock.now()),
  );
  await harness.service.approve(requested.id, approver);
  const [finished] = await harness.runUntilFinished([requested.id]);
  if (finished?.status !== 'succeeded')
    throw new Error(`restore of ${target} did not succeed: ${finished?.execution?.failure}`);
  return finished;
}

/** Ticks until the copy's deletion has an outcome. */
async function tickUntilCopySettled(harness: JobHarness, jobId: string) {
  const worker = harness.worker();
  for (let tick = 0; tick < 120; tick += 1) {
    await worker.tick();
    const job = await harness.store.get(jobId);
    if (job?.expiry?.state === 'deleted' || job?.expiry?.state === 'failed') return job;
    harness.env.clock.advance(60_000);
  }
  throw new Error('the copy was not deleted');
}

describe('expiring copies', () => {
  it.each([
    ['rds-instance', 'orders-db'],
    ['aurora-cluster', 'orders'],
    ['docdb-cluster', 'catalog'],
    ['dynamodb-table', 'carts'],
  ] as [DatabaseKind, string][])(
    'deletes an expired %s copy of %s, with a final snapshot, once',
    async (kind, source) => {
      const harness = await createJobHarness(dynamo);
      const target = `${source}-expiring`;
      const job = await restoredCopy(harness, kind, source, target);
      expect(job.expiry).toMatchObject({ state: 'scheduled', at: job.plan.expiresAt });
      expect(await harness.store.listExpiring()).toEqual([expect.objectContaining({ id: job.id })]);

      await harness.worker().tick();
      expect((await harness.store.get(job.id))?.expiry?.state).toBe('scheduled');
      harness.env.clock.advance(DAY);
      const deleted = await tickUntilCopySettled(harness, job.id);

      expect(deleted?.expiry).toMatchObject({ state: 'deleted' });
      expect(await harness.env.driverFor(kind, 'production').findExisting(target)).toBeUndefined();
      const snapshots = await harness.env.driverFor(kind, 'production').listRestoreCandidates({ includeShared: false });
      expect(snapshots.map((snapshot) => snapshot.id)).toContain(deleted?.expiry?.finalSnapshot);
      const deletes = harness.env.sim.calls.filter(
        (call) =>
          /^Delete(DBInstance|DBCluster|Table)$/.test(call.operation) &&
          call.outcome === 'ok' &&
          JSON.stringify(call.input).includes(`"${target}`),
      );
      expect(deletes.map((call) => call.operation)).toEqual(
        kind === 'rds-instance'
          ? ['DeleteDBInstance']
          : kind === 'dynamodb-table'
            ? ['DeleteTable']
            : ['DeleteDBInstance', 'DeleteDBCluster'],
      );
      expect(await harness.store.listExpiring()).toEqual([]);
      // The source is never touched by the deletion.
      expect(await harness.env.driverFor(kind, 'production').findExisting(source)).toBeDefined();
    },
  );

  it('extends a copy by the default expiry, within the policy maximum, and refuses outsiders', async () => {
    const harness = await createJobHarness(dynamo);
    const job = await restoredCopy(harness, 'aurora-cluster', 'orders', 'orders-extended');
    const before = job.expiry?.at.getTime() ?? 0;

    const extended = await harness.service.extend(job.id, requester);
    expect(extended.expiry?.at.getTime()).toBe(before + 3 * DAY);
    await expect(harness.service.extend(job.id, outsider)).rejects.toThrow(JobTransitionError);
    for (let click = 0; click < 12; click += 1) await harness.service.extend(job.id, approver).catch(() => undefined);
    // Extending stops at the last click that stays within 30 days from now; the next is refused.
    const latest = (await harness.store.get(job.id))?.expiry?.at.getTime() ?? 0;
    expect(latest).toBeLessThanOrEqual(harness.env.clock.now().getTime() + 30 * DAY);
    expect(latest).toBeGreaterThan(harness.env.clock.now().getTime() + 27 * DAY);
    await expect(harness.service.extend(job.id, approver)).rejects.toThrow('the latest the policy allows');

    harness.env.clock.advance(DAY + 60_000);
    await harness.worker().tick();
    expect((await harness.store.get(job.id))?.expiry?.state).toBe('scheduled');
  });

  it.each([
    ['rds-instance', 'orders-db'],
    ['aurora-cluster', 'orders'],
    ['docdb-cluster', 'catalog'],
    ['dynamodb-table', 'carts'],
  ] as [DatabaseKind, string][])(
    "rewrites the %s copy's expiry tag after Extend, so the tag and the job agree",
    async (kind, source) => {
      // Prepare
      const harness = await createJobHarness(dynamo);
      const target = `${source}-retagged`;
      const job = await restoredCopy(harness, kind, source, target);
      const driver = harness.env.driverFor(kind, 'production');
      expect((await driver.findExisting(target))?.tags[TAG_EXPIRES_AT]).toBe(job.expiry?.at.toISOString());

      // Act: extend by 7 days; the worker's next pass (the kick) rewrites the tag.
      const extended = await harness.service.extend(job.id, requester, '7d');
      await harness.worker().advance(job.id);

      // Assess
      const at = extended.expiry?.at.toISOString();
      expect(at).not.toBe(job.expiry?.at.toISOString());
      expect((await driver.findExisting(target))?.tags[TAG_EXPIRES_AT]).toBe(at);
      const stored = await harness.store.get(job.id);
      expect(stored?.expiry?.tagExpiresAt?.toISOString()).toBe(at);
      // Done once: another pass makes no tagging call.
      const tagCalls = () =>
        harness.env.sim.calls.filter((call) => /^(AddTagsToResource|TagResource)$/.test(call.operation)).length;
      const before = tagCalls();
      await harness.worker().tick();
      expect(tagCalls()).toBe(before);
    },
  );

  it('refuses an Extend choice that would pass the policy maximum, and changes nothing', async () => {
    const harness = await createJobHarness(dynamo);
    const job = await restoredCopy(harness, 'rds-instance', 'orders-db', 'orders-db-far');
    // 1 day left; the maximum is 30 days from now: four 7-day extensions reach 29 days, a fifth would pass it.
    for (let click = 0; click < 4; click += 1) await harness.service.extend(job.id, requester, '7d');
    const before = (await harness.store.get(job.id))?.expiry?.at.getTime();

    await expect(harness.service.extend(job.id, requester, '7d')).rejects.toThrow('the latest the policy allows');
    expect((await harness.store.get(job.id))?.expiry?.at.getTime()).toBe(before);
  });

  it('deletes a copy at once on "Delete now"', async () => {
    const harness = await createJobHarness(dynamo);
    const job = await restoredCopy(harness, 'rds-instance', 'orders-db', 'orders-db-done');
    await expect(harness.service.deleteCopyNow(job.id, outsider)).rejects.toThrow('only the requester or an approver');
    await harness.service.deleteCopyNow(job.id, requester);
    const deleted = await tickUntilCopySettled(harness, job.id);
    expect(deleted?.expiry?.state).toBe('deleted');
    await expect(harness.service.extend(job.id, requester)).rejects.toThrow('the copy is deleted');
  });

  it.each([
    ['aurora-cluster', 'orders', 'CreateDBInstance', 'InvalidParameterCombination'],
    ['dynamodb-table', 'carts', 'UpdateTable', 'ValidationException'],
  ] as [DatabaseKind, string, string, string][])(
    'deletes what a failed %s restore of %s left, with a final snapshot, once, after the grace period',
    async (kind, source, failingOperation, code) => {
      // Prepare: the restore is made, then a later step fails for good
      const harness = await createJobHarness(dynamo);
      const target = `${source}-broken`;
      const requested = await harness.service.request(requestFrom({ kind, source, target }, harness.env.clock.now()));
      await harness.service.approve(requested.id, approver);
      harness.env.sim.faults.failNext(failingOperation, code, 'Simulated refusal after the restore.');
      const [failed] = await harness.runUntilFinished([requested.id]);
      expect(failed?.status).toBe('failed');
      const failedAt = failed?.finishedAt?.getTime() ?? 0;
      expect(failed?.expiry).toMatchObject({ state: 'scheduled', identifier: target, at: new Date(failedAt + DAY) });
      expect(await harness.env.driverFor(kind, 'production').findExisting(target)).toBeDefined();

      // Act: nothing before the grace period is over; then the worker deletes it
      harness.env.clock.advance(DAY - 120_000);
      await harness.worker().tick();
      expect((await harness.store.get(requested.id))?.expiry?.state).toBe('scheduled');
      harness.env.clock.advance(120_000);
      const deleted = await tickUntilCopySettled(harness, requested.id);
      for (let tick = 0; tick < 3; tick += 1) await harness.worker().tick();

      // Assess
      expect(deleted?.status).toBe('failed');
      expect(deleted?.expiry?.state).toBe('deleted');
      expect(await harness.env.driverFor(kind, 'production').findExisting(target)).toBeUndefined();
      const snapshots = await harness.env.driverFor(kind, 'production').listRestoreCandidates({ includeShared: false });
      expect(snapshots.map((snapshot) => snapshot.id)).toContain(deleted?.expiry?.finalSnapshot);
      const deletes = harness.env.sim.calls.filter(
        (call) =>
          /^Delete(DBCluster|Table)$/.test(call.operation) &&
          call.outcome === 'ok' &&
          JSON.stringify(call.input).includes(`"${target}`),
      );
      expect(deletes).toHaveLength(1);
      expect(await harness.store.listExpiring()).toEqual([]);
      expect(await harness.env.driverFor(kind, 'production').findExisting(source)).toBeDefined();
    },
  );

  it('deletes what a failed restore left at once on "Delete now" from its card', async () => {
    const harness = await createJobHarness(dynamo);
    const requested = await harness.service.request(
      requestFrom({ kind: 'aurora-cluster', source: 'orders', target: 'orders-broken-now' }, harness.env.clock.now()),
    );
    await harness.service.approve(requested.id, approver);
    harness.env.sim.faults.failNext('CreateDBInstance', 'InvalidParameterCombination', 'Simulated refusal.');
    await harness.runUntilFinished([requested.id]);

    await expect(harness.service.deleteCopyNow(requested.id, outsider)).rejects.toThrow('only the requester');
    await harness.service.deleteCopyNow(requested.id, requester);
    const deleted = await tickUntilCopySettled(harness, requested.id);

    expect(deleted?.expiry?.state).toBe('deleted');
    expect(
      await harness.env.driverFor('aurora-cluster', 'production').findExisting('orders-broken-now'),
    ).toBeUndefined();
  });

  it('after a rolled-back replace deletes only its own set-aside restore, never the original', async () => {
    // Prepare: a refresh of acceptance's orders-acc whose writer cannot be created
    const harness = await createJobHarness(dynamo);
    const source = await harness.env.driverFor('aurora-cluster', 'production').describeSource('orders');
    const candidates = await harness.env
      .driverFor('aurora-cluster', 'acceptance')
      .listRestoreCandidates({ includeShared: true });
    const shared = candidates.find(
      (c) => c.shared && c.sourceIdentifier === 'orders' && c.engineVersion === source.engineVersion,
    );
    const original = await harness.env.driverFor('aurora-cluster', 'acceptance').findExisting('orders-acc');
    const requested = await harness.service.request(
      requestFrom(
        {
          kind: 'aurora-cluster',
          source: 'orders',
          into: 'acceptance',
          target: 'orders-acc',
          at: shared?.arn,
          replace: true,
        },
        harness.env.clock.now(),
      ),
    );
    await harness.service.approve(requested.id, approver);
    harness.env.sim.faults.failNext('CreateDBInstance', 'InvalidParameterCombination', 'Simulated refusal.');
    const [failed] = await harness.runUntilFinished([requested.id]);
    expect(failed?.execution?.rolledBack).toBe(true);
    const setAside = failed?.expiry?.identifier ?? '';
    expect(setAside).toMatch(/^orders-acc-failed-/);

    // Act
    harness.env.clock.advance(DAY);
    const deleted = await tickUntilCopySettled(harness, requested.id);

    // Assess
    expect(deleted?.expiry?.state).toBe('deleted');
    expect(await harness.env.driverFor('aurora-cluster', 'acceptance').findExisting(setAside)).toBeUndefined();
    expect((await harness.env.driverFor('aurora-cluster', 'acceptance').findExisting('orders-acc'))?.arn).toBe(
      original?.arn,
    );
    const deletesOfOriginal = harness.env.sim.calls.filter(
      (call) => call.operation.startsWith('Delete') && JSON.stringify(call.input).includes('"orders-acc"'),
    );
    expect(deletesOfOriginal).toEqual([]);
  });

  it('never deletes a copy that is not tagged for its job', async () => {
    const harness = await createJobHarness(dynamo);
    const job = await restoredCopy(harness, 'aurora-cluster', 'orders', 'orders-retagged');
    const existing = await harness.env.driverFor('aurora-cluster', 'production').findExisting('orders-retagged');
    const { RDSClient, AddTagsToResourceCommand } = await import('@aws-sdk/client-rds');
    const rds = new RDSClient({ region: 'eu-west-1' });
    rds.middlewareStack.use(harness.env.sim.plugin(harness.env.accounts.production));
    await rds.send(
      new AddTagsToResourceCommand({ ResourceName: existing?.arn, Tags: [{ Key: TAG_JOB_ID, Value: 'someone-else' }] }),
    );

    await harness.service.deleteCopyNow(job.id, requester);
    const settled = await tickUntilCopySettled(harness, job.id);
    expect(settled?.expiry).toMatchObject({
      state: 'failed',
      failure: expect.stringContaining('does not carry the managed tags'),
    });
    expect(await harness.env.driverFor('aurora-cluster', 'production').findExisting('orders-retagged')).toBeDefined();
  });
});
