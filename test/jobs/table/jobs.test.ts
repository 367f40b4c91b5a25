import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobConflictError, TargetBusyError } from '../../../src/domain/job/errors.js';
import { approveJob, cancelJob } from '../../../src/domain/job/transitions.js';
import { DynamoDbJobs } from '../../../src/jobs/table/jobs.js';
import { countingDynamoDb } from '../../helpers/counting-dynamodb.js';
import { type RunningDynalite, startDynalite } from '../../helpers/dynalite.js';
import { createJobHarness } from '../../helpers/job-harness.js';
import { sampleJob, samplePlan } from '../../helpers/jobs.js';
import { requestFrom } from '../../helpers/requests.js';
import { APPROVER, REQUESTER } from '../../helpers/simulated-environment.js';

let dynamo: RunningDynalite;
let store: DynamoDbJobs;
const rules = { approvers: { users: [APPROVER], userGroups: [] }, approvalsRequired: 1 };
const later = new Date('2026-11-22T10:05:00Z');

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

describe('DynamoDbJobs', () => {
  it('stores a job and reads it back with its dates and version', async () => {
    const job = sampleJob('store-roundtrip', samplePlan('aurora-cluster', 'roundtrip-copy'));
    await store.create(job);
    const read = await store.get(job.id);
    expect(read).toEqual(job);
    expect(read?.plan.source.tags['restore-bot:expires-at']).toBe('2026-11-25T10:00:00.000Z');
  });

  it('writes the next version and refuses a write based on a stale read', async () => {
    const job = await store.create(sampleJob('store-conflict', samplePlan('aurora-cluster', 'conflict-copy')));
    const approved = await store.save(approveJob(job, { userId: APPROVER, userGroupIds: [] }, rules, later));
    expect(approved.version).toBe(1);
    expect((await store.get(job.id))?.status).toBe('running');
    await expect(store.save(cancelJob(job, job.request.requester.userId, later))).rejects.toThrow(JobConflictError);
  });

  it('never overwrites a job created twice (a retried request)', async () => {
    const job = sampleJob('store-twice', samplePlan('aurora-cluster', 'twice-copy'));
    await store.create(job);
    await expect(store.create(job)).rejects.toThrow(JobConflictError);
  });

  it('refuses a second active job onto the same target, and frees the target when the first finishes', async () => {
    const first = await store.create(sampleJob('store-lock-1', samplePlan('aurora-cluster', 'locked-copy')));
    const second = sampleJob('store-lock-2', samplePlan('docdb-cluster', 'Locked-Copy'));
    await expect(store.create(second)).rejects.toThrow(TargetBusyError);
    await expect(store.create(second)).rejects.toThrow('Locked-Copy already has an active restore (job store-lock-1)');
    const otherNamespace = sampleJob('store-lock-3', samplePlan('rds-instance', 'locked-copy'));
    await expect(store.create(otherNamespace)).resolves.toBeDefined();
    await store.save(cancelJob(first, first.request.requester.userId, later));
    await expect(store.create(second)).resolves.toBeDefined();
  });

  it('lists only active jobs, through the status index', async () => {
    const active = await store.create(sampleJob('store-active', samplePlan('aurora-cluster', 'active-copy')));
    const done = await store.create(sampleJob('store-done', samplePlan('aurora-cluster', 'done-copy')));
    await store.save(cancelJob(done, done.request.requester.userId, later));
    const ids = (await store.listActive()).map((job) => job.id);
    expect(ids).toContain(active.id);
    expect(ids).not.toContain(done.id);
  });

  it('lists the newest jobs first, finished ones too, as many as asked for', async () => {
    const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 10, minute));
    const created = async (id: string, minute: number) =>
      store.create({ ...sampleJob(id, samplePlan('aurora-cluster', `${id}-copy`)), createdAt: at(minute) });
    await created('recent-1', 1);
    const second = await created('recent-2', 2);
    await created('recent-3', 3);
    await store.save(cancelJob(second, second.request.requester.userId, at(4)));
    expect((await store.listRecent(2)).map((job) => job.id)).toEqual(['recent-3', 'recent-2']);
    expect((await store.listRecent(3)).map((job) => [job.id, job.status])).toEqual([
      ['recent-3', 'awaiting_approval'],
      ['recent-2', 'cancelled'],
      ['recent-1', 'awaiting_approval'],
    ]);
  });

  it('gives a lease to one owner at a time until it expires', async () => {
    const job = await store.create(sampleJob('store-lease', samplePlan('aurora-cluster', 'lease-copy')));
    const now = new Date('2026-11-22T10:00:00Z');
    const until = new Date('2026-11-22T10:02:00Z');
    expect(await store.acquireLease(job, 'worker-a', now, until)).toBe(true);
    expect(await store.acquireLease(job, 'worker-b', now, until)).toBe(false);
    expect(
      await store.acquireLease(job, 'worker-b', new Date('2026-11-22T10:03:00Z'), new Date('2026-11-22T10:05:00Z')),
    ).toBe(true);
    // worker-a lost the lease: its write is refused, worker-b's goes through and frees the lease.
    await expect(store.save(job, { leaseOwner: 'worker-a' })).rejects.toThrow(JobConflictError);
    const saved = await store.save(job, { leaseOwner: 'worker-b' });
    expect(await store.acquireLease(saved, 'worker-a', now, until)).toBe(true);
  });

  it('refuses a lease on a stale version', async () => {
    const job = await store.create(sampleJob('store-lease-stale', samplePlan('aurora-cluster', 'stale-copy')));
    await store.save(job);
    expect(await store.acquireLease(job, 'worker-a', later, later)).toBe(false);
  });
});

describe('target lock', () => {
  it('is released once, when the job finishes: later saves of the finished job make no failing write', async () => {
    // Prepare: a restore run to success on a client that counts lock releases and refused conditions.
    const counting = countingDynamoDb(dynamo.client);
    const harness = await createJobHarness({ ...dynamo, client: counting.client });
    const requested = await harness.service.request(
      requestFrom(
        { kind: 'aurora-cluster', source: 'orders', target: 'orders-released', expiresIn: '1d' },
        harness.env.clock.now(),
      ),
    );
    await harness.service.approve(requested.id, { userId: APPROVER, userGroupIds: [] });
    const [finished] = await harness.runUntilFinished([requested.id]);
    expect(finished?.status).toBe('succeeded');
    expect(counting.lockReleases).toBe(1);
    counting.reset();

    // Act: the saves a finished job still gets: an extension, Delete now, the copy's deletion to its end.
    const requester = { userId: REQUESTER, userGroupIds: ['S0DEVELOPERS'] };
    await harness.service.extend(requested.id, requester);
    await harness.service.deleteCopyNow(requested.id, requester);
    let job = await harness.store.get(requested.id);
    for (let tick = 0; tick < 60 && job?.expiry?.state !== 'deleted'; tick += 1) {
      await harness.worker().tick();
      harness.env.clock.advance(60_000);
      job = await harness.store.get(requested.id);
    }

    // Assess
    expect(job?.expiry?.state).toBe('deleted');
    expect(job?.version).toBeGreaterThanOrEqual((finished?.version ?? 0) + 4);
    expect(counting.lockReleases).toBe(0);
    expect(counting.failedConditions).toBe(0);
  });
});
