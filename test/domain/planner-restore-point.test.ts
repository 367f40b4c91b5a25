import { describe, expect, it } from 'vitest';
import { FutureRestoreTimeError } from '../../src/domain/errors.js';
import { planRestore } from '../../src/domain/planner.js';
import { parseRestoreRequest } from '../../src/domain/restore-request.js';
import { snapshotReference } from '../../src/domain/snapshot-reference.js';
import { createSimulatedEnvironment, REQUESTER } from '../helpers/simulated-environment.js';

const MINUTE = 60_000;

function auroraRequest(restorePoint: unknown) {
  return parseRestoreRequest({
    kind: 'aurora-cluster',
    source: { identifier: 'orders', environment: 'production' },
    target: { identifier: 'orders-copy', environment: 'production' },
    restorePoint,
    reason: 'investigate a bad migration',
    requester: { userId: REQUESTER, userGroupIds: ['S0DEVELOPERS'] },
  });
}

describe('planRestore and the restore point', () => {
  it('refuses a time in the future as such, on the restore point, before asking AWS anything', async () => {
    // Prepare
    const env = createSimulatedEnvironment();
    const future = new Date(env.clock.now().getTime() + 5 * MINUTE);
    const callsBefore = env.sim.calls.length;

    // Act
    const planned = planRestore(auroraRequest({ type: 'time', at: future }), 'jobfuture1', env.plannerDeps);

    // Assess
    await expect(planned).rejects.toBeInstanceOf(FutureRestoreTimeError);
    await expect(planned).rejects.toMatchObject({ field: 'restorePoint', message: /is in the future/ });
    expect(env.sim.calls.length).toBe(callsBefore);
  });

  it('plans from a snapshot named by the short reference a channel carries instead of its ARN', async () => {
    // Prepare
    const env = createSimulatedEnvironment();
    const [snapshot] = (
      await env.driverFor('aurora-cluster', 'production').listRestoreCandidates({ includeShared: false })
    ).filter((candidate) => candidate.sourceIdentifier === 'orders' && candidate.status === 'available');
    if (!snapshot) throw new Error('the seed has no snapshot of orders');
    const reference = snapshotReference(snapshot.arn, 40);
    expect(reference).not.toBe(snapshot.arn);

    // Act
    const plan = await planRestore(auroraRequest({ type: 'snapshot', id: reference }), 'jobsnapref1', env.plannerDeps);

    // Assess
    expect(plan.method).toMatchObject({ type: 'snapshot', snapshot: { arn: snapshot.arn } });
  });
});
