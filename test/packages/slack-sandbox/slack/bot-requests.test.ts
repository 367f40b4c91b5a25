import type { ModalView, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InteractionNotSentError, StandInUsageError } from '../../../../packages/slack-sandbox/src/slack/errors.js';
import { SlackStandIn } from '../../../../packages/slack-sandbox/src/slack/web-api-server.js';
import { type ReceivedRequest, startTestApp, type TestApp } from './helpers/test-app.js';
import { standInClient } from './helpers/web-client.js';

const CHANNEL = 'C0RESTORES';
const REQUESTER = 'U0REQUESTER';
const text = (value: string) => ({ type: 'plain_text' as const, text: value });
const option = (value: string) => ({ text: text(value), value });

/** A modal like the restore modal: a dispatching radio group, an external select, a required and an optional input. */
const restoreModal: ModalView = {
  type: 'modal',
  callback_id: 'restore_request',
  private_metadata: '{"channel":"C0RESTORES"}',
  notify_on_close: true,
  title: text('Restore a database'),
  submit: text('Request'),
  blocks: [
    {
      type: 'input',
      block_id: 'restore_point',
      dispatch_action: true,
      label: text('Restore point'),
      element: {
        type: 'radio_buttons',
        action_id: 'restore_point_type',
        options: [option('latest'), option('time'), option('snapshot')],
        initial_option: option('latest'),
      },
    },
    {
      type: 'input',
      block_id: 'source',
      label: text('Source'),
      element: { type: 'external_select', action_id: 'source_select', min_query_length: 2 },
    },
    {
      type: 'input',
      block_id: 'target',
      label: text('Target'),
      element: { type: 'plain_text_input', action_id: 'target_input' },
    },
    {
      type: 'input',
      block_id: 'reason',
      optional: true,
      label: text('Reason'),
      element: { type: 'plain_text_input', action_id: 'reason_input' },
    },
  ],
};

describe('SlackStandIn sending to the app', () => {
  let standIn: SlackStandIn;
  let app: TestApp;
  let client: WebClient;
  let apiUrl: string;

  beforeEach(async () => {
    standIn = new SlackStandIn({ signingSecret: 'test-signing-secret' });
    apiUrl = (await standIn.start()).url;
    app = await startTestApp('test-signing-secret');
    standIn.setBotUrl(app.url);
    client = standInClient(apiUrl, standIn.botToken);
  });

  afterEach(async () => {
    await app.stop();
    await standIn.stop();
  });

  /** The app opens the restore modal when the command arrives, as the bot does. */
  async function openRestoreModal(): Promise<string> {
    app.handle(async (request) => {
      await client.views.open({ trigger_id: request.fields.trigger_id ?? '', view: restoreModal });
      return {};
    });
    await standIn.slashCommand({ user: REQUESTER, channel: CHANNEL, command: '/restore' });
    app.handle(() => ({}));
    const view = standIn.openViews(REQUESTER)[0];
    if (!view) throw new Error('the modal did not open');
    return view.id;
  }

  const lastPayload = (): Record<string, unknown> => app.requests.at(-1)?.payload ?? {};

  describe('app_home_opened', () => {
    it('sends the event as the Events API does: signed JSON, with the Home view the app published', async () => {
      // Arrange
      const published = await client.views.publish({
        user_id: REQUESTER,
        view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }] },
      });

      // Act
      const result = await standIn.openAppHome({ user: REQUESTER });

      // Assess
      const received = app.requests.at(-1) as ReceivedRequest;
      expect(result.status).toBe(200);
      expect(received.signatureValid).toBe(true);
      expect(received.headers['content-type']).toBe('application/json');
      const body = JSON.parse(received.rawBody);
      expect(body).toMatchObject({
        type: 'event_callback',
        team_id: 'T0SANDBOX',
        api_app_id: 'A0RESTOREBOT',
        event_id: expect.stringMatching(/^Ev/),
        event: {
          type: 'app_home_opened',
          user: REQUESTER,
          tab: 'home',
          view: { id: published.view?.id, type: 'home' },
        },
      });
    });
  });

  describe('slash commands', () => {
    it('sends the fields Slack sends, form-encoded and validly signed', async () => {
      // Act
      const result = await standIn.slashCommand({
        user: REQUESTER,
        channel: CHANNEL,
        command: '/restore',
        text: 'help',
      });

      // Assess
      const received = app.requests[0] as ReceivedRequest;
      expect(result).toMatchObject({ status: 200, body: '', timedOut: false });
      expect(received.signatureValid).toBe(true);
      expect(received.fresh).toBe(true);
      expect(received.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(received.fields).toEqual({
        token: standIn.verificationToken,
        team_id: 'T0SANDBOX',
        team_domain: 'sandbox',
        channel_id: CHANNEL,
        channel_name: 'db-restores',
        user_id: REQUESTER,
        user_name: 'riley.requester',
        command: '/restore',
        text: 'help',
        api_app_id: 'A0RESTOREBOT',
        is_enterprise_install: 'false',
        response_url: result.responseUrl,
        trigger_id: result.triggerId,
      });
      expect(result.responseUrl.startsWith(`${apiUrl}/commands/T0SANDBOX/`)).toBe(true);
    });

    it("shows the app's immediate answer to the user alone, or in the channel when asked", async () => {
      // Prepare
      app.handle((request) =>
        request.fields.text === 'public'
          ? { body: { response_type: 'in_channel', text: 'for everyone' } }
          : { body: { text: 'just for you' } },
      );

      // Act
      await standIn.slashCommand({ user: REQUESTER, channel: CHANNEL, command: '/restore', text: 'help' });
      await standIn.slashCommand({ user: REQUESTER, channel: CHANNEL, command: '/restore', text: 'public' });

      // Assess
      expect(standIn.ephemerals(CHANNEL, REQUESTER).map((message) => message.text)).toEqual(['just for you']);
      expect(standIn.messages(CHANNEL).map((message) => message.text)).toEqual(['for everyone']);
    });

    it('lets the app answer later through the response URL, like respond()', async () => {
      // Prepare
      const result = await standIn.slashCommand({
        user: REQUESTER,
        channel: CHANNEL,
        command: '/restore',
        text: 'list',
      });

      // Act
      const answer = await fetch(result.responseUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'No restores running.' }),
      });

      // Assess
      expect(answer.status).toBe(200);
      expect(standIn.ephemerals(CHANNEL, REQUESTER).map((message) => message.text)).toEqual(['No restores running.']);
      expect(standIn.callsTo('response_url')).toHaveLength(1);
    });
  });

  describe('delivery options', () => {
    it('sends retry headers on a redelivery', async () => {
      // Act
      await standIn.slashCommand(
        { user: REQUESTER, channel: CHANNEL, command: '/restore' },
        { retry: { num: 1, reason: 'http_timeout' } },
      );

      // Assess
      expect(app.requests[0]?.headers['x-slack-retry-num']).toBe('1');
      expect(app.requests[0]?.headers['x-slack-retry-reason']).toBe('http_timeout');
      expect(app.requests[0]?.signatureValid).toBe(true);
    });

    it('can send a stale timestamp or a bad signature, which the app refuses', async () => {
      // Act
      const stale = await standIn.slashCommand(
        { user: REQUESTER, channel: CHANNEL, command: '/restore' },
        { staleBySeconds: 6 * 60 },
      );
      const forged = await standIn.slashCommand(
        { user: REQUESTER, channel: CHANNEL, command: '/restore' },
        { badSignature: true },
      );

      // Assess
      expect(app.requests.map((request) => [request.signatureValid, request.fresh])).toEqual([
        [true, false],
        [false, true],
      ]);
      expect([stale.status, forged.status]).toEqual([401, 401]);
    });
  });

  describe('buttons in messages', () => {
    it('sends block_actions with the stored message, the button and a response URL', async () => {
      // Prepare
      const posted = await client.chat.postMessage({
        channel: CHANNEL,
        text: 'Restore request',
        blocks: [
          { type: 'section', block_id: 'plan', text: { type: 'mrkdwn', text: 'Plan' } },
          {
            type: 'actions',
            block_id: 'job_actions',
            elements: [
              { type: 'button', action_id: 'job_approve', text: text('Approve'), value: 'job-1', style: 'primary' },
            ],
          },
        ],
      });
      const messageTs = posted.ts ?? '';

      // Act
      const result = await standIn.clickButton({
        user: 'U0APPROVER',
        channel: CHANNEL,
        messageTs,
        actionId: 'job_approve',
      });

      // Assess
      const received = app.requests[0] as ReceivedRequest;
      expect(received.signatureValid).toBe(true);
      expect(Object.keys(received.fields)).toEqual(['payload']);
      expect(received.payload).toMatchObject({
        type: 'block_actions',
        user: { id: 'U0APPROVER', username: 'ari.approver', name: 'ari.approver', team_id: 'T0SANDBOX' },
        api_app_id: 'A0RESTOREBOT',
        token: standIn.verificationToken,
        container: { type: 'message', message_ts: messageTs, channel_id: CHANNEL, is_ephemeral: false },
        trigger_id: result.triggerId,
        team: { id: 'T0SANDBOX', domain: 'sandbox' },
        channel: { id: CHANNEL, name: 'db-restores' },
        message: { ts: messageTs, text: 'Restore request', bot_id: 'B0RESTOREBOT' },
        response_url: result.responseUrl,
        actions: [
          {
            type: 'button',
            action_id: 'job_approve',
            block_id: 'job_actions',
            value: 'job-1',
            text: text('Approve'),
            action_ts: expect.any(String),
          },
        ],
      });
    });

    it('refuses to click a button the message does not have, or with a value it does not carry', async () => {
      // Prepare
      const posted = await client.chat.postMessage({
        channel: CHANNEL,
        text: 'card',
        blocks: [
          {
            type: 'actions',
            elements: [{ type: 'button', action_id: 'job_cancel', text: text('Cancel'), value: 'job-1' }],
          },
        ],
      });
      const messageTs = posted.ts ?? '';

      // Act
      const missing = standIn.clickButton({ user: REQUESTER, channel: CHANNEL, messageTs, actionId: 'job_approve' });
      const wrongValue = standIn.clickButton({
        user: REQUESTER,
        channel: CHANNEL,
        messageTs,
        actionId: 'job_cancel',
        value: 'job-2',
      });

      // Assess
      await expect(missing).rejects.toBeInstanceOf(StandInUsageError);
      await expect(wrongValue).rejects.toBeInstanceOf(StandInUsageError);
      expect(app.requests).toEqual([]);
    });

    it('replaces the clicked message when the app answers with replace_original', async () => {
      // Prepare
      const posted = await client.chat.postMessage({
        channel: CHANNEL,
        text: 'pending',
        blocks: [
          {
            type: 'actions',
            elements: [{ type: 'button', action_id: 'job_approve', text: text('Approve'), value: 'job-1' }],
          },
        ],
      });
      const result = await standIn.clickButton({
        user: 'U0APPROVER',
        channel: CHANNEL,
        messageTs: posted.ts ?? '',
        actionId: 'job_approve',
      });

      // Act
      await fetch(result.responseUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ replace_original: true, text: 'approved' }),
      });

      // Assess
      const message = standIn.message(CHANNEL, posted.ts ?? '');
      expect(message?.text).toBe('approved');
      expect(message?.edits.map((edit) => edit.text)).toEqual(['pending']);
    });
  });

  describe('modals', () => {
    it('sends block_actions from a dispatching input with the view and its current state', async () => {
      // Prepare
      const viewId = await openRestoreModal();
      app.handle(async (request) => {
        const view = request.payload?.view as { id: string; hash: string };
        await client.views.update({
          view_id: view.id,
          hash: view.hash,
          view: { ...restoreModal, title: text('Restore at a time') },
        });
        return {};
      });

      // Act
      await standIn.actInView({
        user: REQUESTER,
        viewId,
        blockId: 'restore_point',
        actionId: 'restore_point_type',
        action: { type: 'radio_buttons', selected_option: option('time') },
      });

      // Assess
      expect(lastPayload()).toMatchObject({
        type: 'block_actions',
        container: { type: 'view', view_id: viewId },
        view: {
          id: viewId,
          callback_id: 'restore_request',
          state: {
            values: {
              restore_point: { restore_point_type: { type: 'radio_buttons', selected_option: option('time') } },
            },
          },
        },
        actions: [
          {
            type: 'radio_buttons',
            action_id: 'restore_point_type',
            block_id: 'restore_point',
            selected_option: option('time'),
          },
        ],
      });
      expect(standIn.view(viewId)?.definition.title).toEqual(text('Restore at a time'));
      expect(standIn.callsTo('views.update')[0]?.response.ok).toBe(true);
    });

    it('sends nothing for an input without dispatch_action, and refuses an option the element does not offer', async () => {
      // Prepare
      const viewId = await openRestoreModal();
      const before = app.requests.length;

      // Act
      const silent = standIn.actInView({
        user: REQUESTER,
        viewId,
        blockId: 'target',
        actionId: 'target_input',
        action: { type: 'plain_text_input', value: 'x' },
      });
      const badOption = () =>
        standIn.setViewValue(viewId, 'restore_point', 'restore_point_type', {
          type: 'radio_buttons',
          selected_option: option('yesterday'),
        });

      // Assess
      await expect(silent).rejects.toBeInstanceOf(InteractionNotSentError);
      expect(badOption).toThrow(StandInUsageError);
      expect(app.requests.length).toBe(before);
    });

    it('round-trips an options request: block_suggestion out, options back', async () => {
      // Prepare
      const viewId = await openRestoreModal();
      app.handle((request) => ({
        body: {
          options: [
            option(`${String(request.payload?.value)}-db`),
            option(`${String(request.payload?.value)}-archive`),
          ],
        },
      }));

      // Act
      const result = await standIn.loadOptions({
        user: REQUESTER,
        viewId,
        blockId: 'source',
        actionId: 'source_select',
        value: 'orders',
      });
      const tooShort = standIn.loadOptions({
        user: REQUESTER,
        viewId,
        blockId: 'source',
        actionId: 'source_select',
        value: 'o',
      });

      // Assess
      expect(lastPayload()).toMatchObject({
        type: 'block_suggestion',
        action_id: 'source_select',
        block_id: 'source',
        value: 'orders',
        view: { id: viewId },
      });
      expect(result.options).toEqual([option('orders-db'), option('orders-archive')]);
      expect(result.problems).toEqual([]);
      await expect(tooShort).rejects.toBeInstanceOf(InteractionNotSentError);
    });

    it('does not submit while a required field is empty, as Slack shows the error itself', async () => {
      // Prepare
      const viewId = await openRestoreModal();
      const before = app.requests.length;

      // Act
      const submission = standIn.submitView({ user: REQUESTER, viewId });

      // Assess
      await expect(submission).rejects.toMatchObject({
        name: 'InteractionNotSentError',
        fieldErrors: { source: expect.any(String), target: expect.any(String) },
      });
      expect(app.requests.length).toBe(before);
      expect(Object.keys(standIn.view(viewId)?.errors ?? {})).toEqual(['source', 'target']);
    });

    it('sends view_submission with the state, keeps the view with the errors the app returns, then closes it', async () => {
      // Prepare
      const viewId = await openRestoreModal();
      standIn.setViewValue(viewId, 'source', 'source_select', {
        type: 'external_select',
        selected_option: option('orders'),
      });
      standIn.setViewValue(viewId, 'target', 'target_input', { type: 'plain_text_input', value: 'orders' });
      app.handle(() => ({ body: { response_action: 'errors', errors: { target: 'orders is protected' } } }));

      // Act
      const refused = await standIn.submitView({ user: REQUESTER, viewId });
      standIn.setViewValue(viewId, 'target', 'target_input', { type: 'plain_text_input', value: 'orders-copy' });
      app.handle(() => ({}));
      const accepted = await standIn.submitView({ user: REQUESTER, viewId });

      // Assess
      expect(refused.outcome).toEqual({ action: 'errors', errors: { target: 'orders is protected' } });
      expect(app.requests.at(-2)?.payload).toMatchObject({
        type: 'view_submission',
        trigger_id: expect.any(String),
        view: {
          id: viewId,
          callback_id: 'restore_request',
          private_metadata: '{"channel":"C0RESTORES"}',
          hash: expect.any(String),
          state: {
            values: {
              restore_point: { restore_point_type: { type: 'radio_buttons', selected_option: option('latest') } },
              source: { source_select: { type: 'external_select', selected_option: option('orders') } },
              target: { target_input: { type: 'plain_text_input', value: 'orders' } },
              reason: { reason_input: { type: 'plain_text_input', value: null } },
            },
          },
        },
      });
      expect(accepted.outcome).toEqual({ action: 'closed' });
      const view = standIn.view(viewId);
      expect(view?.status).toBe('closed');
      expect(view?.submissions.map((submission) => submission.values.target?.target_input)).toEqual([
        { type: 'plain_text_input', value: 'orders' },
        { type: 'plain_text_input', value: 'orders-copy' },
      ]);
      expect(standIn.openViews(REQUESTER)).toEqual([]);
    });

    it('refuses errors that name a block the view does not have', async () => {
      // Prepare
      const viewId = await openRestoreModal();
      standIn.setViewValue(viewId, 'source', 'source_select', {
        type: 'external_select',
        selected_option: option('orders'),
      });
      standIn.setViewValue(viewId, 'target', 'target_input', { type: 'plain_text_input', value: 'copy' });
      app.handle(() => ({ body: { response_action: 'errors', errors: { nowhere: 'wrong block' } } }));

      // Act
      const result = await standIn.submitView({ user: REQUESTER, viewId });

      // Assess
      expect(result.outcome.action).toBe('failed');
      expect(standIn.view(viewId)?.status).toBe('open');
    });

    it('applies update, push and clear answers to the stack', async () => {
      // Prepare
      const viewId = await openRestoreModal();
      standIn.setViewValue(viewId, 'source', 'source_select', {
        type: 'external_select',
        selected_option: option('orders'),
      });
      standIn.setViewValue(viewId, 'target', 'target_input', { type: 'plain_text_input', value: 'copy' });
      const confirm = { type: 'modal', title: text('Confirm'), submit: text('Yes'), blocks: [] };

      // Act
      app.handle(() => ({ body: { response_action: 'push', view: confirm } }));
      const pushed = await standIn.submitView({ user: REQUESTER, viewId });
      const pushedId = pushed.outcome.action === 'pushed' ? pushed.outcome.viewId : '';
      app.handle(() => ({ body: { response_action: 'update', view: { ...confirm, title: text('Sure?') } } }));
      const updated = await standIn.submitView({ user: REQUESTER, viewId: pushedId });
      const stackBeforeClear = standIn.openViews(REQUESTER).length;
      app.handle(() => ({ body: { response_action: 'clear' } }));
      const cleared = await standIn.submitView({ user: REQUESTER, viewId: pushedId });

      // Assess
      expect(pushed.outcome.action).toBe('pushed');
      expect(updated.outcome).toEqual({ action: 'updated' });
      expect(standIn.view(pushedId)?.definition.title).toEqual(text('Sure?'));
      expect(stackBeforeClear).toBe(2);
      expect(cleared.outcome).toEqual({ action: 'cleared' });
      expect(standIn.openViews(REQUESTER)).toEqual([]);
    });

    it('sends view_closed only for views that asked with notify_on_close', async () => {
      // Prepare
      const viewId = await openRestoreModal();
      await client.views.push({
        trigger_id: standIn.issueTrigger(REQUESTER),
        view: { type: 'modal', title: text('Details'), blocks: [] },
      });
      const pushedId = standIn.openViews(REQUESTER)[1]?.id ?? '';
      const before = app.requests.length;

      // Act
      const silent = await standIn.closeView({ user: REQUESTER, viewId: pushedId });
      const notified = await standIn.closeView({ user: REQUESTER, viewId });

      // Assess
      expect(silent).toBeNull();
      expect(notified?.status).toBe(200);
      expect(app.requests.length).toBe(before + 1);
      expect(lastPayload()).toMatchObject({ type: 'view_closed', view: { id: viewId }, is_cleared: false });
      expect(standIn.openViews(REQUESTER)).toEqual([]);
    });
  });
});
