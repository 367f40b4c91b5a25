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
const ACTIVITY_TIME = /(\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC · /g;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The times of the activity lines on a job's card as the page shows it, top to bottom. */
function activityTimes(snapshot: SandboxSnapshot, target: string): number[] {
  const card = snapshot.messages.find((message) => JSON.stringify(message.blocks).includes(`→ ${target}`));
  if (!card) return [];
  const activity = card.blocks.map((block) => JSON.stringify(block)).find((block) => block.includes('*Activity*'));
  return [...(activity ?? '').matchAll(ACTIVITY_TIME)].map((match) => Date.parse(`${match[1]}Z`));
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

  it('never shows activity earlier than what the page showed before a restart on the same data', async () => {
    // Prepare: a request made a moment after start, shown on the page.
    const dataDir = await mkdtemp(join(tmpdir(), 'sandbox-restart-'));
    dataDirs.push(dataDir);
    const first = await startSandboxServer({ dataDir, awsMinutesPerSecond: MINUTES_PER_SECOND });
    started.push(first);
    await pause(200);
    const job = await requestCopy(first, 'orders-restart');
    const before = await first.eventually(
      async () => activityTimes(await first.state(REQUESTER), 'orders-restart').at(0),
      'the card with its activity',
    );
    await first.stop();

    // Act: start again on the same data, and do something the card records.
    const second = await startSandboxServer({ dataDir, awsMinutesPerSecond: MINUTES_PER_SECOND });
    started.push(second);
    await second.server.composition.service.cancel(job.id, REQUESTER);
    const after = await second.eventually(async () => {
      const times = activityTimes(await second.state(REQUESTER), 'orders-restart');
      return times.length >= 2 ? times : undefined;
    }, 'the cancellation on the card');

    // Assess: the newest line is the cancellation, and nothing runs backwards.
    expect(after[0]).toBe(before);
    expect(after.at(-1)).toBeGreaterThanOrEqual(before);
    expect([...after].sort((a, b) => a - b)).toEqual(after);
  });
});
