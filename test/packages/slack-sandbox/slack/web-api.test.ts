import type { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StandInChange } from '../../../../packages/slack-sandbox/src/slack/changes.js';
import { createDefaultWorkspace } from '../../../../packages/slack-sandbox/src/slack/default-workspace.js';
import { SlackStandIn } from '../../../../packages/slack-sandbox/src/slack/web-api-server.js';
import { ManualClock } from './helpers/manual-clock.js';
import { apiError, standInClient } from './helpers/web-client.js';

const CHANNEL = 'C0RESTORES';
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('SlackStandIn Web API', () => {
  let clock: ManualClock;
  let standIn: SlackStandIn;
  let url: string;
  let client: WebClient;

  beforeEach(async () => {
    clock = new ManualClock(Date.parse('2026-07-01T12:00:00Z'));
    standIn = new SlackStandIn({ clock });
    ({ url } = await standIn.start());
    client = standInClient(url, standIn.botToken);
  });

  afterEach(async () => {
    await standIn.stop();
  });

  describe('auth and routing', () => {
    it('answers auth.test with the bot identity', async () => {
      // Act
      const result = await client.auth.test();

      // Assess
      expect(result).toMatchObject({ ok: true, user_id: 'U0RESTOREBOT', bot_id: 'B0RESTOREBOT', team_id: 'T0SANDBOX' });
    });

    it('refuses a wrong token with invalid_auth and a missing one with not_authed', async () => {
      // Act
      const wrong = await apiError(
        standInClient(url, 'xoxb-not-the-bot').chat.postMessage({ channel: CHANNEL, text: 'hi' }),
      );
      const missing = await fetch(`${url}/api/chat.postMessage`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'channel=C0RESTORES&text=hi',
      });

      // Assess
      expect(wrong).toEqual({ ok: false, error: 'invalid_auth', response_metadata: {} });
      expect(missing.status).toBe(200);
      expect(await missing.json()).toEqual({ ok: false, error: 'not_authed' });
      expect(standIn.messages(CHANNEL)).toEqual([]);
    });

    it('takes the token as a form field, or in the Authorization header with a JSON body (never inside JSON)', async () => {
      // Act
      const form = await fetch(`${url}/api/chat.postMessage`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: standIn.botToken, channel: CHANNEL, text: 'form' }).toString(),
      });
      const json = await fetch(`${url}/api/chat.postMessage`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: `Bearer ${standIn.botToken}` },
        body: JSON.stringify({ channel: CHANNEL, blocks: [section('json')], text: 'json' }),
      });
      const tokenInJson = await fetch(`${url}/api/chat.postMessage`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: standIn.botToken, channel: CHANNEL, text: 'nope' }),
      });

      // Assess
      expect(await form.json()).toMatchObject({ ok: true });
      expect(await json.json()).toMatchObject({ ok: true });
      expect(await tokenInJson.json()).toEqual({ ok: false, error: 'not_authed' });
      expect(standIn.messages(CHANNEL).map((message) => message.text)).toEqual(['form', 'json']);
    });

    it('answers an unknown method with unknown_method', async () => {
      // Act
      const error = await apiError(client.apiCall('chat.doesNotExist', { channel: CHANNEL }));

      // Assess
      expect(error).toMatchObject({ ok: false, error: 'unknown_method' });
    });
  });

  describe('chat', () => {
    it('posts messages in order and returns ts, channel and the message', async () => {
      // Act
      const first = await client.chat.postMessage({ channel: CHANNEL, text: 'first', blocks: [section('*first*')] });
      const second = await client.chat.postMessage({ channel: '#db-restores', text: 'second' });

      // Assess
      expect(first).toMatchObject({
        ok: true,
        channel: CHANNEL,
        ts: expect.stringMatching(/^\d{10}\.\d{6}$/),
        message: { text: 'first', bot_id: 'B0RESTOREBOT', user: 'U0RESTOREBOT', blocks: [section('*first*')] },
      });
      expect(second.channel).toBe(CHANNEL);
      expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
      expect(standIn.messages(CHANNEL).map((message) => message.ts)).toEqual([first.ts, second.ts]);
      // Slack gives blocks a block_id when the app leaves it out.
      expect(standIn.message(CHANNEL, first.ts ?? '')?.blocks[0]).toMatchObject({ block_id: expect.any(String) });
    });

    it('puts thread replies under the parent, and a reply to a reply in the same thread', async () => {
      // Prepare
      const parent = await client.chat.postMessage({ channel: CHANNEL, text: 'card' });

      // Act
      const reply = await client.chat.postMessage({ channel: CHANNEL, text: 'step 1', thread_ts: parent.ts });
      await client.chat.postMessage({ channel: CHANNEL, text: 'step 2', thread_ts: reply.ts });
      const orphan = await apiError(client.chat.postMessage({ channel: CHANNEL, text: 'x', thread_ts: '1.000001' }));

      // Assess
      expect(reply.message).toMatchObject({ thread_ts: parent.ts });
      expect(standIn.messages(CHANNEL)).toHaveLength(1);
      expect(standIn.messages(CHANNEL)[0]?.replies.map((message) => message.text)).toEqual(['step 1', 'step 2']);
      expect(orphan.error).toBe('thread_not_found');
    });

    it('refuses what Slack refuses: unknown channel, no text, malformed blocks', async () => {
      // Act
      const channel = await apiError(client.chat.postMessage({ channel: 'C0NOWHERE', text: 'x' }));
      const noText = await apiError(client.chat.postMessage({ channel: CHANNEL, text: '' }));
      const malformed = await apiError(client.apiCall('chat.postMessage', { channel: CHANNEL, blocks: '[{' }));

      // Assess
      expect([channel.error, noText.error, malformed.error]).toEqual([
        'channel_not_found',
        'no_text',
        'invalid_blocks_format',
      ]);
      expect(standIn.messages(CHANNEL)).toEqual([]);
    });

    it("rejects a 51-block message with Slack's invalid_blocks shape", async () => {
      // Prepare
      const blocks = Array.from({ length: 51 }, (_, index) => section(`line ${index}`));

      // Act
      const error = await apiError(client.chat.postMessage({ channel: CHANNEL, text: 'too long', blocks }));

      // Assess
      expect(error).toMatchObject({ ok: false, error: 'invalid_blocks' });
      const errors = error.errors as string[];
      const messages = (error.response_metadata as { messages: string[] }).messages;
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.some((line) => line.endsWith('[json-pointer:/blocks]'))).toBe(true);
      expect(messages).toEqual(errors.map((line) => `[ERROR] ${line}`));
      expect(standIn.messages(CHANNEL)).toEqual([]);
    });

    it('updates a message in place, keeping its history and its blocks when the update leaves them out', async () => {
      // Prepare
      const posted = await client.chat.postMessage({ channel: CHANNEL, text: 'pending', blocks: [section('pending')] });
      const ts = posted.ts ?? '';

      // Act
      const updated = await client.chat.update({ channel: CHANNEL, ts, text: 'running', blocks: [section('running')] });
      await client.chat.update({ channel: CHANNEL, ts, text: 'still running' });

      // Assess
      expect(updated).toMatchObject({ ok: true, channel: CHANNEL, ts, text: 'running' });
      const message = standIn.message(CHANNEL, ts);
      expect(message?.text).toBe('still running');
      expect(message?.blocks).toMatchObject([section('running')]);
      expect(message?.edits.map((edit) => edit.text)).toEqual(['pending', 'running']);
      expect(message?.edited?.user).toBe('U0RESTOREBOT');
    });

    it('answers chat.update of an unknown ts with message_not_found', async () => {
      // Act
      const error = await apiError(client.chat.update({ channel: CHANNEL, ts: '1700000000.000100', text: 'x' }));

      // Assess
      expect(error.error).toBe('message_not_found');
    });

    it('rejects invalid blocks in chat.update and leaves the message as it was', async () => {
      // Prepare
      const posted = await client.chat.postMessage({ channel: CHANNEL, text: 'card' });
      const blocks = Array.from({ length: 51 }, () => section('x'));

      // Act
      const error = await apiError(client.chat.update({ channel: CHANNEL, ts: posted.ts ?? '', text: 'x', blocks }));

      // Assess
      expect(error.error).toBe('invalid_blocks');
      expect(standIn.message(CHANNEL, posted.ts ?? '')?.edits).toEqual([]);
    });

    it('refuses to post in a public channel the bot was not invited to, and posts once it is', async () => {
      // Prepare
      const workspace = createDefaultWorkspace();
      workspace.channels.push({
        id: 'C0LOBBY',
        name: 'lobby',
        isPrivate: false,
        isIm: false,
        members: ['U0REQUESTER'],
      });
      const other = new SlackStandIn({ workspace });
      const otherClient = standInClient((await other.start()).url, other.botToken);

      try {
        // Act
        const refused = await apiError(otherClient.chat.postMessage({ channel: 'C0LOBBY', text: 'hello' }));
        const info = await otherClient.conversations.info({ channel: 'C0LOBBY' });
        other.state.channels.get('C0LOBBY')?.members.push(other.state.bot.userId);
        const posted = await otherClient.chat.postMessage({ channel: 'C0LOBBY', text: 'hello' });

        // Assess
        expect(refused.error).toBe('not_in_channel');
        expect(info.channel?.is_member).toBe(false);
        expect(posted.ok).toBe(true);
        expect(other.messages('C0LOBBY').map((message) => message.text)).toEqual(['hello']);
      } finally {
        await other.stop();
      }
    });

    it('keeps ephemeral messages per channel and user, for members only', async () => {
      // Prepare
      const workspace = createDefaultWorkspace();
      workspace.users.push({ id: 'U0NEWBIE', name: 'nina.newbie', realName: 'Nina Newbie', tz: 'UTC' });
      const other = new SlackStandIn({ workspace });
      const otherClient = standInClient((await other.start()).url, other.botToken);

      try {
        // Act
        const sent = await otherClient.chat.postEphemeral({ channel: CHANNEL, user: 'U0REQUESTER', text: 'only you' });
        const outsider = await apiError(
          otherClient.chat.postEphemeral({ channel: CHANNEL, user: 'U0NEWBIE', text: 'x' }),
        );

        // Assess
        expect(sent).toMatchObject({ ok: true, message_ts: expect.any(String) });
        expect(other.ephemerals(CHANNEL, 'U0REQUESTER').map((message) => message.text)).toEqual(['only you']);
        expect(other.ephemerals(CHANNEL, 'U0APPROVER')).toEqual([]);
        expect(other.messages(CHANNEL)).toEqual([]);
        expect(outsider.error).toBe('user_not_in_channel');
      } finally {
        await other.stop();
      }
    });

    it('simulates chat.update rate limiting only when asked to', async () => {
      // Prepare
      const posted = await client.chat.postMessage({ channel: CHANNEL, text: 'v0' });
      const ts = posted.ts ?? '';
      await client.chat.update({ channel: CHANNEL, ts, text: 'v1' });
      await client.chat.update({ channel: CHANNEL, ts, text: 'v2' });
      standIn.setChatUpdateRateLimiting(true);
      const strict = standInClient(url, standIn.botToken);

      // Act
      await strict.chat.update({ channel: CHANNEL, ts, text: 'v3' });
      const limited = await fetch(`${url}/api/chat.update`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${standIn.botToken}` },
        body: new URLSearchParams({ channel: CHANNEL, ts, text: 'v4' }).toString(),
      });
      clock.advance(1000);
      await strict.chat.update({ channel: CHANNEL, ts, text: 'v5' });

      // Assess
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      expect(await limited.json()).toEqual({ ok: false, error: 'ratelimited' });
      expect(standIn.message(CHANNEL, ts)?.text).toBe('v5');
      expect(standIn.message(CHANNEL, ts)?.edits.map((edit) => edit.text)).toEqual(['v0', 'v1', 'v2', 'v3']);
    });
  });

  describe('directory', () => {
    it('describes users with their time zone as users.info does', async () => {
      // Act
      const requester = await client.users.info({ user: 'U0REQUESTER' });
      const approver = await client.users.info({ user: 'U0APPROVER' });
      const outsider = await client.users.info({ user: 'U0OUTSIDER' });
      const missing = await apiError(client.users.info({ user: 'U0NOBODY' }));

      // Assess (1 July: Amsterdam is on CEST, New York on EDT)
      expect(requester.user).toMatchObject({ real_name: 'Riley Requester', tz: 'Europe/Amsterdam', tz_offset: 7200 });
      expect(approver.user).toMatchObject({ real_name: 'Ari Approver', tz: 'America/New_York', tz_offset: -14400 });
      expect(outsider.user).toMatchObject({ tz: 'UTC', tz_offset: 0 });
      expect(missing.error).toBe('user_not_found');
    });

    it('lists user group members, and answers no_such_subteam for an unknown group', async () => {
      // Act
      const platform = await client.usergroups.users.list({ usergroup: 'S0PLATFORM' });
      const developers = await client.usergroups.users.list({ usergroup: 'S0DEVELOPERS' });
      const missing = await apiError(client.usergroups.users.list({ usergroup: 'S0NOPE' }));

      // Assess
      expect(platform.users).toEqual(['U0APPROVER']);
      expect(developers.users).toEqual(['U0REQUESTER']);
      expect(missing.error).toBe('no_such_subteam');
    });

    it('describes a channel with conversations.info', async () => {
      // Act
      const result = await client.conversations.info({ channel: CHANNEL });
      const missing = await apiError(client.conversations.info({ channel: 'C0NOPE' }));

      // Assess
      expect(result.channel).toMatchObject({ id: CHANNEL, name: 'db-restores', is_channel: true, is_member: true });
      expect(missing.error).toBe('channel_not_found');
    });
  });

  describe('Home tabs and links', () => {
    const home = (text: string) => ({ type: 'home' as const, blocks: [section(text)] });

    it('publishes one Home tab per user, keeps its id, and refuses a stale hash, a modal or too many blocks', async () => {
      // Act
      const first = await client.views.publish({ user_id: 'U0REQUESTER', view: home('one') });
      const second = await client.views.publish({ user_id: 'U0REQUESTER', view: home('two'), hash: first.view?.hash });
      const stale = await apiError(
        client.views.publish({ user_id: 'U0REQUESTER', view: home('three'), hash: first.view?.hash }),
      );
      const modal = await apiError(
        client.views.publish({
          user_id: 'U0REQUESTER',
          view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] } as never,
        }),
      );
      const tooMany = await apiError(
        client.views.publish({
          user_id: 'U0REQUESTER',
          view: { type: 'home', blocks: Array.from({ length: 101 }, () => section('x')) },
        }),
      );
      const nobody = await apiError(client.views.publish({ user_id: 'U0NOBODY', view: home('x') }));

      // Assess
      expect(second.view?.id).toBe(first.view?.id);
      expect(JSON.stringify(standIn.homeView('U0REQUESTER')?.definition)).toContain('two');
      expect(stale.error).toBe('hash_conflict');
      expect(modal.error).toBe('invalid_arguments');
      expect(tooMany.error).toBe('invalid_arguments');
      expect(nobody.error).toBe('user_not_found');
      expect(standIn.openViews('U0REQUESTER')).toEqual([]);
    });

    it("lists a user's channels as users.conversations does: private ones only where the bot is too", async () => {
      // Arrange
      const channel = (id: string, members: string[]) => ({
        id,
        name: id.toLowerCase(),
        isPrivate: true,
        isIm: false,
        members,
      });
      standIn.state.channels.set('C0SECRET', channel('C0SECRET', ['U0REQUESTER']));
      standIn.state.channels.set('C0TEAM', channel('C0TEAM', ['U0REQUESTER', 'U0RESTOREBOT']));

      // Act
      const publicOnly = await client.users.conversations({ user: 'U0REQUESTER' });
      const both = await client.users.conversations({ user: 'U0REQUESTER', types: 'public_channel,private_channel' });

      // Assess
      // The default workspace's two public channels (the restores channel and an incident channel) are theirs.
      expect(publicOnly.channels?.map((channel) => channel.id).sort()).toEqual(['C0INCORDERS', CHANNEL]);
      expect(both.channels?.map((channel) => channel.id).sort()).toEqual(['C0INCORDERS', CHANNEL, 'C0TEAM']);
    });

    it("gives a message's permalink in Slack's form, and message_not_found for one that is not there", async () => {
      // Arrange
      const posted = await client.chat.postMessage({ channel: CHANNEL, text: 'the card' });

      // Act
      const link = await client.chat.getPermalink({ channel: CHANNEL, message_ts: posted.ts ?? '' });
      const missing = await apiError(client.chat.getPermalink({ channel: CHANNEL, message_ts: '1.000001' }));

      // Assess
      expect(link.permalink).toBe(`https://sandbox.slack.com/archives/${CHANNEL}/p${posted.ts?.replace('.', '')}`);
      expect(missing.error).toBe('message_not_found');
    });
  });

  describe('call log and change events', () => {
    it('records every call with decoded arguments and tells listeners', async () => {
      // Prepare
      const changes: StandInChange[] = [];
      standIn.on('change', (change) => changes.push(change));

      // Act
      const posted = await client.chat.postMessage({ channel: CHANNEL, text: 'hello', blocks: [section('hello')] });
      await apiError(client.chat.update({ channel: CHANNEL, ts: '1.000001', text: 'x' }));

      // Assess
      expect(standIn.calls.map((call) => call.method)).toEqual(['chat.postMessage', 'chat.update']);
      expect(standIn.callsTo('chat.postMessage')[0]).toMatchObject({
        args: { channel: CHANNEL, text: 'hello', blocks: [section('hello')] },
        response: { ok: true, ts: posted.ts },
        status: 200,
      });
      expect(standIn.callsTo('chat.postMessage')[0]?.args).not.toHaveProperty('token');
      expect(standIn.callsTo('chat.update')[0]?.response).toEqual({ ok: false, error: 'message_not_found' });
      expect(changes).toContainEqual({ kind: 'message', action: 'posted', channel: CHANNEL, ts: posted.ts });
      expect(changes.filter((change) => change.kind === 'api_call')).toHaveLength(2);
    });
  });
});
