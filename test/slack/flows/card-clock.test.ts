import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_ACTIONS } from '../../../src/slack/ids.js';
import { requestFrom } from '../../helpers/requests.js';
import { CHANNEL, type SlackHarness, startSlackHarness } from '../../helpers/slack-harness.js';

const APPROVER = 'U0APPROVER';
const MINUTE = 60_000;

let harness: SlackHarness;

beforeAll(async () => {
  harness = await startSlackHarness();
});

afterAll(async () => {
  await harness.stop();
});

function cardText(message: { text: string; blocks: unknown[] }): string {
  return `${message.text}\n${JSON.stringify(message.blocks)}`;
}

/** Requests a restore through the service, in the channel, and waits for its card. */
async function requested(target: string) {
  const request = requestFrom({ kind: 'rds-instance', source: 'billing-db', target }, harness.clock.now());
  const job = await harness.composition.service.request({
    ...request,
    requester: { ...request.requester, channelId: CHANNEL },
  });
  return { job, card: await harness.cardOf(job.id) };
}

const chatUpdates = () => harness.standIn.callsTo('chat.update').length;

describe('a card keeps its clock current while nothing about the job changes', () => {
  it('shows the elapsed time through a long step, updating at most once a minute', async () => {
    // Prepare: an RDS instance restore, whose restore step takes 20 simulated minutes, approved and started.
    const { job, card } = await requested('billing-clock');
    await harness.standIn.clickButton({
      user: APPROVER,
      channel: CHANNEL,
      messageTs: card.ts,
      actionId: JOB_ACTIONS.approve,
      value: job.id,
    });
    const started = await harness.eventually(async () => {
      const current = await harness.composition.store.get(job.id);
      return current?.execution?.started ? current : undefined;
    }, 'the restore step started');
    await harness.composition.worker.tick();
    await harness.eventually(
      () => cardText(harness.standIn.message(CHANNEL, card.ts) ?? { text: '', blocks: [] }).includes('< 1 min elapsed'),
      'the card of the started step',
    );
    const version = (await harness.composition.store.get(job.id))?.version;

    // Act: ten minutes into the step, the worker ticks; the job itself does not change.
    harness.clock.advance(10 * MINUTE);
    await harness.composition.worker.tick();

    // Assess
    const shown = cardText(harness.standIn.message(CHANNEL, card.ts) ?? { text: '', blocks: [] });
    expect(shown).toContain('10 min elapsed');
    expect((await harness.composition.store.get(job.id))?.version).toBe(version);
    expect(started.execution?.stepIndex).toBe((await harness.composition.store.get(job.id))?.execution?.stepIndex);

    // Act: a second tick in the same minute.
    const updates = chatUpdates();
    harness.clock.advance(20_000);
    await harness.composition.worker.tick();

    // Assess: nothing to redraw yet.
    expect(chatUpdates()).toBe(updates);
  });

  it("keeps an awaiting card's approval deadline counting down", async () => {
    // Prepare: the policy gives 4 hours to approve.
    const { card } = await requested('billing-deadline');
    expect(cardText(card)).toContain(', in 4 h');

    // Act
    harness.clock.advance(90 * MINUTE);
    await harness.composition.worker.tick();

    // Assess
    const shown = cardText(harness.standIn.message(CHANNEL, card.ts) ?? { text: '', blocks: [] });
    expect(shown).toContain(', in 2 h 30 min');
    expect(shown).not.toContain(', in 4 h');
  });
});
