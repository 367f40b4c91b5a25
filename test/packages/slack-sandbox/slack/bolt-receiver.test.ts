import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackStandIn } from '../../../../packages/slack-sandbox/src/slack/web-api-server.js';

const SECRET = 'bolt-signing-secret';
const CHANNEL = 'C0RESTORES';
const text = (value: string) => ({ type: 'plain_text' as const, text: value });
const option = (value: string) => ({ text: text(value), value });

/**
 * Bolt's own ExpressReceiver (signature check, body parsing, ack) with a few inline listeners: if Bolt
 * accepts what the stand-in sends and the stand-in accepts what Bolt's client sends, the bot's listeners
 * can be tested the same way.
 */
describe('SlackStandIn with a Bolt ExpressReceiver', () => {
  let standIn: SlackStandIn;
  let server: Server;

  beforeEach(async () => {
    standIn = new SlackStandIn({ signingSecret: SECRET });
    const { url } = await standIn.start();
    const receiver = new ExpressReceiver({
      signingSecret: SECRET,
      processBeforeResponse: true,
      logLevel: LogLevel.ERROR,
    });
    const app = new App({
      token: standIn.botToken,
      receiver,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: `${url}/api/`, retryConfig: { retries: 0 } },
    });
    registerListeners(app);
    server = createServer(receiver.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    standIn.setBotUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await standIn.stop();
  });

  it('runs command → modal → options → errors → submission → card → click through Bolt', async () => {
    // Act: the command opens the modal
    const command = await standIn.slashCommand({ user: 'U0REQUESTER', channel: CHANNEL, command: '/restore' });
    const viewId = standIn.openViews('U0REQUESTER')[0]?.id ?? '';
    const options = await standIn.loadOptions({
      user: 'U0REQUESTER',
      viewId,
      blockId: 'source',
      actionId: 'source_select',
      value: 'ord',
    });
    standIn.setViewValue(viewId, 'source', 'source_select', {
      type: 'external_select',
      selected_option: option('orders'),
    });
    standIn.setViewValue(viewId, 'target', 'target_input', { type: 'plain_text_input', value: 'orders' });
    const refused = await standIn.submitView({ user: 'U0REQUESTER', viewId });
    standIn.setViewValue(viewId, 'target', 'target_input', { type: 'plain_text_input', value: 'orders-copy' });
    const accepted = await standIn.submitView({ user: 'U0REQUESTER', viewId });
    const card = standIn.messages(CHANNEL)[0];
    const click = await standIn.clickButton({
      user: 'U0APPROVER',
      channel: CHANNEL,
      messageTs: card?.ts ?? '',
      actionId: 'job_approve',
      value: 'orders-copy',
    });

    // Assess
    expect(command.status).toBe(200);
    expect(viewId).toMatch(/^V/);
    expect(options.options).toEqual([option('orders'), option('orders-archive')]);
    expect(refused.outcome).toEqual({ action: 'errors', errors: { target: 'orders is protected' } });
    expect(accepted.outcome).toEqual({ action: 'closed' });
    expect(click.status).toBe(200);
    expect(standIn.message(CHANNEL, card?.ts ?? '')?.text).toBe('Approved by <@U0APPROVER>');
    expect(standIn.calls.map((call) => call.method)).toEqual([
      'auth.test',
      'views.open',
      'chat.postMessage',
      'chat.update',
    ]);
  });

  it('is refused by Bolt when the signature is bad or the timestamp stale', async () => {
    // Act
    const forged = await standIn.slashCommand(
      { user: 'U0REQUESTER', channel: CHANNEL, command: '/restore' },
      { badSignature: true },
    );
    const stale = await standIn.slashCommand(
      { user: 'U0REQUESTER', channel: CHANNEL, command: '/restore' },
      { staleBySeconds: 10 * 60 },
    );

    // Assess
    expect([forged.status, stale.status]).toEqual([401, 401]);
    expect(standIn.openViews('U0REQUESTER')).toEqual([]);
  });
});

function registerListeners(app: App): void {
  app.command('/restore', async ({ ack, body, client }) => {
    await ack();
    await client.views.open({
      trigger_id: body.trigger_id,
      view: {
        type: 'modal',
        callback_id: 'restore_request',
        title: text('Restore a database'),
        submit: text('Request'),
        blocks: [
          {
            type: 'input',
            block_id: 'source',
            label: text('Source'),
            element: { type: 'external_select', action_id: 'source_select' },
          },
          {
            type: 'input',
            block_id: 'target',
            label: text('Target'),
            element: { type: 'plain_text_input', action_id: 'target_input' },
          },
        ],
      },
    });
  });

  app.options('source_select', async ({ ack, options }) => {
    const query = options.value;
    await ack({ options: [option(`${query}ers`), option(`${query}ers-archive`)] });
  });

  app.view('restore_request', async ({ ack, view, client }) => {
    const target = view.state.values.target?.target_input?.value ?? '';
    if (target === 'orders') {
      await ack({ response_action: 'errors', errors: { target: 'orders is protected' } });
      return;
    }
    await ack();
    await client.chat.postMessage({
      channel: CHANNEL,
      text: `Restore to ${target}`,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `Restore to *${target}*` } },
        {
          type: 'actions',
          elements: [{ type: 'button', action_id: 'job_approve', text: text('Approve'), value: target }],
        },
      ],
    });
  });

  app.action('job_approve', async ({ ack, body, client }) => {
    await ack();
    if (body.type !== 'block_actions' || !body.channel || !body.message) return;
    await client.chat.update({
      channel: body.channel.id,
      ts: body.message.ts,
      text: `Approved by <@${body.user.id}>`,
      blocks: [],
    });
  });
}
