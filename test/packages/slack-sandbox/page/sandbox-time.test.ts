import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxSnapshot } from '../../../../packages/slack-sandbox/src/page/index.js';
import type { Job } from '../../../../src/domain/job/job.js';
import { policyDuration } from '../../../../src/domain/policy.js';
import { requestFrom } from '../../../helpers/requests.js';
import { APPROVER, REQUESTER, type SandboxServer, startSandboxServer } from './sandbox-server.js';

/**
 * A speed-up far beyond the default: were any clock scaled by it, 100 ms would be 10 AWS hours, more
 * than the example policy's 4-hour approval window. Real time, not the test's speed, decides these tests.
 */
const MINUTES_PER_SECOND = 6_000;
const DATE_TOKEN = /<!date\^(\d+)\^/g;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The times (epoch ms) of the date tokens in a job card's status line as the page has it. */
function statusTimes(snapshot: SandboxSnapshot, target: string): number[] {
  const card = snapshot.messages.find((message) => JSON.stringify(message.blocks).includes(`→ ${target}`));
  const status = JSON.stringify(card?.blocks[1] ?? '');
  return [...status.matchAll(DATE_TOKEN)].map((match) => Number(match[1]) * 1000);
}

async function requestCopy(sandbox: SandboxServer, target: string): Promise<Job> {
  const { composition } = sandbox.server;
  const request = requestFrom({ kind: 'aurora-cluster', source: 'orders', target }, composition.clock.now());
  return composition.service.request({ ...request, requester: { ...request.requester, channelId: 'C0RESTORES' } });
}

describe('time in the sandbox, with simulated AWS sped up', () => {
  const started: SandboxServer[] = [];
  const dataDirs: string[] = [];

  afterEach(async () => {
    for (const sandbox of started.splice(0)) await sandbox.stop();
    for (const dir of dataDirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it("keeps the policy's approval window in real time: a request made a moment ago can still be approved", async () => {
    // Prepare
    const sandbox = await startSandboxServer({ awsMinutesPerSecond: MINUTES_PER_SECOND });
    started.push(sandbox);
    const { composition } = sandbox.server;
    const job = await requestCopy(sandbox, 'orders-window');

    // Act: a moment passes and the worker ticks, as it does every 0.2 s here.
    await pause(200);
    await composition.worker.tick();
    const waiting = await composition.store.get(job.id);
    const approved = await composition.service.approve(job.id, { userId: APPROVER, userGroupIds: ['S0PLATFORM'] });

    // Assess
    expect(job.approvalDeadline.getTime() - job.createdAt.getTime()).toBe(
      policyDuration(composition.policy.approvalTimeout),
    );
    expect(waiting?.status).toBe('awaiting_approval');
    expect(approved.status).toBe('running');
  });

  it('never dates a change after a restart earlier than the request the page showed before it', async () => {
    // Prepare: a request made a moment after start, shown on the page.
    const dataDir = await mkdtemp(join(tmpdir(), 'sandbox-restart-'));
    dataDirs.push(dataDir);
    const first = await startSandboxServer({ dataDir, awsMinutesPerSecond: MINUTES_PER_SECOND });
    started.push(first);
    await pause(200);
    const job = await requestCopy(first, 'orders-restart');
    // The card says when the request must be approved by: its request time plus the approval window.
    const deadline = await first.eventually(
      async () => statusTimes(await first.state(REQUESTER), 'orders-restart').at(0),
      'the card with its deadline',
    );
    const before = deadline - policyDuration(first.server.composition.policy.approvalTimeout);
    await first.stop();

    // Act: start again on the same data, and do something the card records.
    const second = await startSandboxServer({ dataDir, awsMinutesPerSecond: MINUTES_PER_SECOND });
    started.push(second);
    await second.server.composition.service.cancel(job.id, REQUESTER);
    const cancelledAt = await second.eventually(async () => {
      const card = (await second.state(REQUESTER)).messages.find((message) =>
        JSON.stringify(message.blocks).includes('*Cancelled*'),
      );
      return card ? statusTimes(await second.state(REQUESTER), 'orders-restart').at(0) : undefined;
    }, 'the cancellation on the card');

    // Assess: the cancellation, after the restart, is not dated before the request it cancels.
    expect(Math.floor(job.createdAt.getTime() / 1000) * 1000).toBe(before);
    expect(cancelledAt).toBeGreaterThanOrEqual(before);
  });
});
