import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_ACTIONS } from '../../../src/slack/ids.js';
import { requestFrom } from '../../helpers/requests.js';
import { postSigned, restoreCommandBody, secondsFrom } from '../../helpers/signed-delivery.js';
import { CHANNEL, type SlackHarness, startSlackHarness } from '../../helpers/slack-harness.js';

const REQUESTER = 'U0REQUESTER';
const APPROVER = 'U0APPROVER';
const RETRY = { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' };
let harness: SlackHarness;
const logged: { message: string; detail?: object }[] = [];

beforeAll(async () => {
  harness = await startSlackHarness({
    log: (message, detail) => logged.push({ message, ...(detail ? { detail } : {}) }),
  });
});

afterAll(async () => {
  await harness.stop();
});

describe('a delivery Slack sends again (X-Slack-Retry-Num)', () => {
  it('is acknowledged without running the command again, and logs one calm line', async () => {
    // Prepare: the very same signed command, as Slack redelivers it when its first answer came late
    const body = restoreCommandBody(harness, REQUESTER);
    const triggerId = new URLSearchParams(body).get('trigger_id');
    const opened = () =>
      harness.standIn
        .callsTo('views.open')
        .filter((call) => (call.args as { trigger_id?: string }).trigger_id === triggerId);
    logged.length = 0;

    // Act
    const first = await postSigned(harness, body, { timestamp: secondsFrom(harness, 0) });
    const again = await postSigned(harness, body, { timestamp: secondsFrom(harness, 0), headers: RETRY });
    await harness.composition.idle();

    // Assess
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(opened()).toHaveLength(1);
    expect(harness.openView(REQUESTER)).toBeDefined();
    expect(logged.map(({ message }) => message)).toEqual(['Slack redelivery acknowledged, not run again']);
    expect(logged[0]?.detail).toEqual({ retryNum: '1', retryReason: 'http_timeout' });
    expect(again.headers.get('x-slack-no-retry')).toBe('1');
  });

  it('of a click is acknowledged without changing the job', async () => {
    // Prepare: a job waiting for approval, its card in the channel
    const request = requestFrom(
      { kind: 'aurora-cluster', source: 'orders', target: 'orders-redelivered' },
      harness.clock.now(),
    );
    const job = await harness.composition.service.request({
      ...request,
      requester: { ...request.requester, channelId: CHANNEL },
    });
    await harness.composition.worker.advance(job.id);
    const card = await harness.cardOf(job.id);
    logged.length = 0;

    // Act: only the redelivery of an approval arrives (the first was handled, or is being handled, elsewhere)
    const response = await harness.standIn.clickButton(
      { user: APPROVER, channel: CHANNEL, messageTs: card.ts, actionId: JOB_ACTIONS.approve, value: job.id },
      { retry: { num: 1, reason: 'http_timeout' } },
    );
    await harness.composition.idle();

    // Assess: the job is as it was, and nothing alarming was logged
    expect(response.status).toBe(200);
    expect((await harness.composition.store.get(job.id))?.status).toBe('awaiting_approval');
    expect(logged.map(({ message }) => message)).toEqual(['Slack redelivery acknowledged, not run again']);
  });

  it('is still refused with 401 when it is not signed by Slack', async () => {
    const body = restoreCommandBody(harness, REQUESTER);
    const forged = await postSigned(harness, body, {
      timestamp: secondsFrom(harness, 0),
      version: 'v1',
      headers: RETRY,
    });
    expect(forged.status).toBe(401);
  });
});
