import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobContendedError, JobTransitionError } from '../../src/domain/job/errors.js';
import { type RunningDynalite, startDynalite } from '../helpers/dynalite.js';
import { createJobHarness } from '../helpers/job-harness.js';
import { requestFrom } from '../helpers/requests.js';
import { APPROVER, examplePolicy, REQUESTER } from '../helpers/simulated-environment.js';

let dynamo: RunningDynalite;

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo.close();
});

/** The example policy, with production needing `count` approvals. */
function policyNeedingApprovals(count: number) {
  const policy = examplePolicy();
  const production = policy.environments.production;
  if (!production) throw new Error('the example policy has no production');
  production.approvalsRequired = count;
  return policy;
}

const platformApprover = (userId: string) => ({ userId, userGroupIds: ['S0PLATFORM'] });

describe('JobService changes landing at once', () => {
  it('records five concurrent approvals on a job needing five, and starts it exactly once', async () => {
    // Prepare
    const harness = await createJobHarness(dynamo, 'five-approvers', policyNeedingApprovals(5));
    const job = await harness.service.request(
      requestFrom({ kind: 'aurora-cluster', source: 'orders', target: 'orders-five' }, harness.env.clock.now()),
    );
    const approvers = ['U0APPROVER1', 'U0APPROVER2', 'U0APPROVER3', 'U0APPROVER4', 'U0APPROVER5'];

    // Act
    const outcomes = await Promise.allSettled(
      approvers.map((userId) => harness.service.approve(job.id, platformApprover(userId))),
    );

    // Assess
    expect(outcomes.map((outcome) => outcome.status)).toEqual(approvers.map(() => 'fulfilled'));
    const stored = await harness.store.get(job.id);
    expect(stored?.approvals.map((approval) => approval.userId).sort()).toEqual(approvers);
    expect(stored?.status).toBe('running');
    expect(stored?.events.filter((event) => event.type === 'started')).toHaveLength(1);
  });

  it('lands ten concurrent Extend clicks, or tells each clicker why not', async () => {
    // Prepare
    const harness = await createJobHarness(dynamo, 'ten-extends');
    const requested = await harness.service.request(
      requestFrom({ kind: 'rds-instance', source: 'billing-db', target: 'billing-extended' }, harness.env.clock.now()),
    );
    await harness.service.approve(requested.id, { userId: APPROVER, userGroupIds: [] });
    const [finished] = await harness.runUntilFinished([requested.id]);
    expect(finished?.status).toBe('succeeded');
    const requester = { userId: REQUESTER, userGroupIds: ['S0DEVELOPERS'] };

    // Act
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => harness.service.extend(requested.id, requester)),
    );

    // Assess: 3 days at a time up to the policy's 30 days: nine land, the tenth is told it is at the maximum.
    const refusals = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    for (const refusal of refusals) expect(refusal).toBeInstanceOf(JobTransitionError);
    const stored = await harness.store.get(requested.id);
    const extended = stored?.events.filter((event) => event.type === 'extended') ?? [];
    expect(extended.length + refusals.length).toBe(10);
    expect(extended).toHaveLength(outcomes.filter((outcome) => outcome.status === 'fulfilled').length);
    expect(extended.length).toBeGreaterThanOrEqual(9);
  });

  it('tells the person to press again when the job keeps changing under them', async () => {
    // Prepare
    const harness = await createJobHarness(dynamo, 'never-clears');
    const job = await harness.service.request(
      requestFrom({ kind: 'aurora-cluster', source: 'orders', target: 'orders-contended' }, harness.env.clock.now()),
    );
    const realSave = harness.store.save.bind(harness.store);
    let saves = 0;
    // Someone else always writes first: every save is based on a version that is already gone.
    harness.store.save = async (next, options) => {
      saves += 1;
      const current = await harness.store.get(next.id);
      if (current) await realSave({ ...current, updatedAt: harness.env.clock.now() });
      return realSave(next, options);
    };

    // Act
    const outcome = await harness.service.approve(job.id, { userId: APPROVER, userGroupIds: [] }).catch((e) => e);

    // Assess
    expect(outcome).toBeInstanceOf(JobContendedError);
    expect((outcome as Error).message).toMatch(new RegExp(`too many changes at once on job ${job.id}`, 'i'));
    expect(saves).toBeGreaterThan(3);
    expect((await harness.store.get(job.id))?.approvals).toEqual([]);
  });
});
