import type { BlockAction, ButtonAction } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { clickIsOnCard } from '../../../../src/slack/listeners/actions/from-job-card.js';

const card = { channelId: 'C0RESTORES', messageTs: '1700000000.000100', renderedVersion: 3, eventsPosted: 2 };

/** A click as Slack describes it: the channel and message twice, in `channel`/`message` and in `container`. */
function click(
  where: { channel?: string; ts?: string; containerChannel?: string; containerTs?: string; ephemeral?: boolean } = {},
) {
  const channel = where.channel ?? card.channelId;
  const ts = where.ts ?? card.messageTs;
  return {
    channel: { id: channel, name: 'db-restores' },
    message: { type: 'message', ts },
    container: {
      type: 'message',
      channel_id: where.containerChannel ?? channel,
      message_ts: where.containerTs ?? ts,
      is_ephemeral: where.ephemeral ?? false,
    },
  } as unknown as BlockAction<ButtonAction>;
}

describe('clickIsOnCard', () => {
  it('accepts a click on the card itself', () => {
    expect(clickIsOnCard(click(), card)).toBe(true);
  });

  it.each([
    ['another channel', { channel: 'C0ELSEWHERE' }],
    ['another message', { ts: '1700000000.000200' }],
    ['a container naming another message than the message', { containerTs: '1700000000.000200' }],
    ['a container naming another channel than the channel', { containerChannel: 'C0ELSEWHERE' }],
    ['an ephemeral', { ephemeral: true }],
  ])('refuses a click on %s', (_case, where) => {
    expect(clickIsOnCard(click(where), card)).toBe(false);
  });

  it('refuses a click that names no message at all', () => {
    const body = {
      channel: { id: card.channelId, name: 'db-restores' },
      container: {},
    } as unknown as BlockAction<ButtonAction>;
    expect(clickIsOnCard(body, card)).toBe(false);
  });
});
