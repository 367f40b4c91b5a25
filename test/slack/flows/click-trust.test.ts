import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JobConflictError } from '../../../src/domain/job/errors.js';
import { JOB_ACTIONS } from '../../../src/slack/ids.js';
import { CHANNEL, type SlackHarness, startSlackHarness } from '../../helpers/slack-harness.js';

const REQUESTER = 'U0REQUESTER';
const APPROVER = 'U0APPROVER';

let harness: SlackHarness;

beforeAll(async () => {
  harness = await startSlackHarness();
});

afterAll(async () => {
  await harness.stop();
});

/** A job awaiting approval, requested from CHANNEL, with its card posted there. */
async function requestedJob(target: string) {
  const job = await harness.composition.service.request({
    kind: 'aurora-cluster',
    source: { identifier: 'orders', environment: 'production' },
    target: { identifier: target, environment: 'production' },
    restorePoint: { type: 'latest' },
    ifTargetExists: 'fail',
    reason: 'find the bad migration',
    requester: { userId: REQUESTER, userGroupIds: ['S0DEVELOPERS'], timeZone: 'UTC', channelId: CHANNEL },
  });
  const card = await harness.cardOf(job.id);
  return { job, card };
}

function ephemeralsOf(user: string, channel = CHANNEL): string[] {
  return harness.standIn.ephemerals(channel, user).map((message) => message.text);
}

describe('a click on a job that keeps changing', () => {
  it('tells the clicker to press again when the conflict never clears, and changes nothing', async () => {
    // Prepare
    const { job, card } = await requestedJob('orders-contended');
    const store = harness.composition.store;
    const save = vi.spyOn(store, 'save').mockRejectedValue(new JobConflictError(`job ${job.id} was changed`));

    // Act
    try {
      const click = await harness.standIn.clickButton({
        user: APPROVER,
        channel: CHANNEL,
        messageTs: card.ts,
        actionId: JOB_ACTIONS.approve,
        value: job.id,
      });
      expect(click.status).toBe(200);
    } finally {
      save.mockRestore();
    }

    // Assess
    await harness.eventually(
      () => ephemeralsOf(APPROVER).find((text) => text.includes(`too many changes at once on job ${job.id}`)),
      'the ephemeral asking to press again',
    );
    expect((await store.get(job.id))?.approvals).toEqual([]);
  });
});
