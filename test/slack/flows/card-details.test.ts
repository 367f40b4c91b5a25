import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_ACTIONS, JOB_DETAILS_MODAL, RESTORE_MODAL } from '../../../src/slack/ids.js';
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
  return { job, card: await harness.cardOf(job.id) };
}

function click(user: string, messageTs: string, actionId: string, jobId: string) {
  return harness.standIn.clickButton({ user, channel: CHANNEL, messageTs, actionId, value: jobId });
}

function textOf(value: unknown): string {
  return JSON.stringify(value);
}

describe('the compact card over HTTP', () => {
  it('keeps the report off a finished card, and opens it whole in Details and in the ready reply', async () => {
    // Prepare: a restore run to its validated end
    const { job, card } = await requestedJob('orders-details');
    await click(APPROVER, card.ts, JOB_ACTIONS.approve, job.id);
    await harness.runToEnd(job.id);
    const final = await harness.eventually(() => {
      const message = harness.standIn.message(CHANNEL, card.ts);
      return message?.replies.some((reply) => reply.text.includes('is ready')) ? message : undefined;
    }, 'the ready card and its reply');

    // Act
    const pressed = await click(REQUESTER, final.ts, JOB_ACTIONS.details, job.id);

    // Assess: the card sums the report up and names Details; the modal and the reply hold every check.
    expect(pressed.status).toBe(200);
    expect(textOf(final.blocks)).toContain('Validation: ');
    expect(textOf(final.blocks)).not.toContain('*Engine version*');
    const details = await harness.eventually(() => {
      const view = harness.standIn.openViews(REQUESTER).at(-1);
      return view?.definition.callback_id === JOB_DETAILS_MODAL.callbackId ? view : undefined;
    }, 'the Details modal');
    const modal = textOf(details.definition.blocks);
    for (const part of ['*Validation* (', '*Engine version*', '*Steps*', '*Activity*', '*Audit trail*', '*Reason*'])
      expect(modal).toContain(part);
    const ready = final.replies.find((reply) => reply.text.includes('is ready'));
    expect(textOf(ready?.blocks)).toContain('*Engine version*');
  });

  it('offers Request again on a rejected card: the modal opens filled in from the job and makes a new request', async () => {
    // Prepare
    const { job, card } = await requestedJob('orders-again');
    await harness.composition.service.reject(
      job.id,
      { userId: APPROVER, userGroupIds: ['S0PLATFORM'] },
      'restore into acceptance instead',
    );
    const rejected = await harness.eventually(() => {
      const message = harness.standIn.message(CHANNEL, card.ts);
      return message && textOf(message.blocks).includes(JOB_ACTIONS.requestAgain) ? message : undefined;
    }, 'the rejected card with Request again');

    // Act
    await click(REQUESTER, rejected.ts, JOB_ACTIONS.requestAgain, job.id);
    const view = await harness.eventually(() => {
      const open = harness.standIn.openViews(REQUESTER).at(-1);
      return open?.definition.callback_id === RESTORE_MODAL.callbackId ? open : undefined;
    }, 'the restore modal');
    const submitted = await harness.standIn.submitView({ user: REQUESTER, viewId: view.id });

    // Assess: the form held the job's choices, and its submission is a new request for the same copy.
    expect(textOf(view.definition.blocks)).toContain('orders-again');
    expect(textOf(view.definition.blocks)).toContain('find the bad migration');
    expect(submitted.outcome).toEqual({ action: 'closed' });
    const again = await harness.eventually(
      async () =>
        (await harness.composition.store.listActive()).find(
          (active) => active.plan.target.identifier === 'orders-again' && active.id !== job.id,
        ),
      'the new request',
    );
    expect(again.status).toBe('awaiting_approval');
    expect(again.request.requester.userId).toBe(REQUESTER);
    expect(again.request.reason).toBe('find the bad migration');
    expect(again.card?.channelId).toBe(CHANNEL);
  });

  it('does not open Details from a copy of the button outside the card', async () => {
    // Prepare
    const { job } = await requestedJob('orders-details-forged');
    const before = harness.standIn.openViews(APPROVER).length;

    // Act: another job's card, its Details button sent with this job's id
    const other = await requestedJob('orders-details-other');
    await harness.standIn.clickButton({
      user: APPROVER,
      channel: CHANNEL,
      messageTs: other.card.ts,
      actionId: JOB_ACTIONS.details,
      forgedValue: job.id,
    });

    // Assess
    await harness.eventually(
      () => harness.standIn.ephemerals(CHANNEL, APPROVER).find((message) => message.text.includes('not on the card')),
      'the refusal',
    );
    expect(harness.standIn.openViews(APPROVER)).toHaveLength(before);
  });
});

describe('the right people, pinged, over HTTP', () => {
  it('mentions who can approve a new request, and the refusal to the requester says whom to ask', async () => {
    // Prepare
    const { job, card } = await requestedJob('orders-pinged');

    // Act
    await click(REQUESTER, card.ts, JOB_ACTIONS.approve, job.id);

    // Assess
    const approvers = '<!subteam^S0PLATFORM>, <@U0APPROVER> or <@U0ONCALL>';
    expect(textOf(card.blocks)).toContain(`needs 1 more approval from ${approvers} by`);
    expect(card.text).toContain(`awaiting approval from ${approvers}`);
    const refusal = await harness.eventually(
      () =>
        harness.standIn
          .ephemerals(CHANNEL, REQUESTER)
          .find((message) => message.text.includes(job.id) || message.text.includes('someone else')),
      'the refusal',
    );
    expect(refusal.text).toBe(`:no_entry: you requested this restore: someone else must approve it: ask ${approvers}`);
  });

  it('mentions the requester in the thread when the restore is ready, with the endpoint', async () => {
    // Prepare
    const { job, card } = await requestedJob('orders-ready-ping');
    await click(APPROVER, card.ts, JOB_ACTIONS.approve, job.id);

    // Act
    await harness.runToEnd(job.id);

    // Assess
    const ready = await harness.eventually(
      () => harness.standIn.message(CHANNEL, card.ts)?.replies.find((reply) => reply.text.includes('is ready')),
      'the ready reply',
    );
    expect(ready.text).toContain(`<@${REQUESTER}>`);
    expect(ready.text).toMatch(/is ready at `[^`]+:\d+`/);
  });
});
