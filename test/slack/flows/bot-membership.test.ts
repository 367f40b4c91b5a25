import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, type SlackHarness, startSlackHarness } from '../../helpers/slack-harness.js';

const REQUESTER = 'U0REQUESTER';
/** A public channel the requester is in and nobody invited the bot to. */
const LOBBY = 'C0LOBBY';
/** The requester's direct messages with the app, as the stand-in names them. */
const DIRECT_MESSAGE = 'D0REQUESTER';

let harness: SlackHarness;

beforeAll(async () => {
  harness = await startSlackHarness();
  harness.standIn.state.channels.set(LOBBY, {
    id: LOBBY,
    name: 'lobby',
    isPrivate: false,
    isIm: false,
    members: [REQUESTER, 'U0APPROVER'],
  });
});

afterAll(async () => {
  await harness.stop();
});

describe('a channel the bot is not in', () => {
  it('answers /restore there with how to invite the bot, and opens no modal', async () => {
    // Act
    const result = await harness.standIn.slashCommand({
      user: REQUESTER,
      channel: LOBBY,
      command: '/restore',
      text: '',
    });

    // Assess
    expect(result.status).toBe(200);
    const said = JSON.stringify(result.body);
    expect(said).toContain('I am not in <#C0LOBBY>');
    expect(said).toContain('/invite @db-restore-bot');
    expect(harness.standIn.openViews(REQUESTER)).toEqual([]);
    expect(harness.standIn.messages(LOBBY)).toEqual([]);
  });

  it('tells the requester in a direct message when the card cannot be posted, then posts it once invited', async () => {
    // Act: a request whose channel the bot is not in (it was removed after the request was made)
    const job = await harness.composition.service.request({
      kind: 'aurora-cluster',
      source: { identifier: 'orders', environment: 'production' },
      target: { identifier: 'orders-lobby', environment: 'production' },
      restorePoint: { type: 'latest' },
      ifTargetExists: 'fail',
      reason: 'find the bad migration',
      requester: { userId: REQUESTER, userGroupIds: ['S0DEVELOPERS'], timeZone: 'UTC', channelId: LOBBY },
    });
    const told = await harness.eventually(
      () =>
        harness.standIn
          .messages(DIRECT_MESSAGE)
          .find((message) => message.text.includes('I am not in <#C0LOBBY>') && message.text.includes(job.id)),
      'the direct message to the requester',
    );
    await harness.composition.worker.tick();

    // Assess: said once, and the card appears in the channel after the invite.
    expect(told.text).toContain('/invite @db-restore-bot');
    expect(harness.standIn.messages(DIRECT_MESSAGE).filter((message) => message.text.includes(job.id))).toHaveLength(1);
    harness.standIn.state.channels.get(LOBBY)?.members.push(harness.standIn.state.bot.userId);
    await harness.composition.worker.tick();
    const card = await harness.cardOf(job.id, LOBBY);
    expect(card.channel).toBe(LOBBY);
    expect(harness.standIn.messages(CHANNEL).some((message) => message.text.includes('orders-lobby'))).toBe(false);
  });
});
