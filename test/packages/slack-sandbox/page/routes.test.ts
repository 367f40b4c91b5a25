import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLocalEnv } from '../../../../dev/env.js';
import { startLocalServer } from '../../../../dev/local-server.js';
import { SlackStandIn, type StandInChange } from '../../../../packages/slack-sandbox/src/slack/index.js';
import { JOB_ACTIONS, RESTORE_MODAL } from '../../../../src/slack/ids.js';
import { APPROVER, CHANNEL, REQUESTER, type SandboxServer, startSandboxServer } from './sandbox-server.js';

const option = (value: string, text = value) => ({ text: { type: 'plain_text', text }, value });

describe('the sandbox page routes over HTTP', () => {
  let sandbox: SandboxServer;
  const botRequests: Extract<StandInChange, { kind: 'bot_request' }>[] = [];

  beforeAll(async () => {
    sandbox = await startSandboxServer();
    sandbox.standIn.on('change', (change) => {
      if (change.kind === 'bot_request') botRequests.push(change);
    });
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  /** Opens the restore modal as `user` through the page and returns its view id. */
  async function openRestoreModal(user: string): Promise<string> {
    const command = await sandbox.post('/sandbox/command', { user, channel: CHANNEL, text: '/restore' });
    expect(command).toEqual({ status: 200, body: { ok: true } });
    const [view] = (await sandbox.state(user)).views;
    if (!view) throw new Error(`${user} has no open modal`);
    return view.id;
  }

  it('serves the page, its script and its stylesheet at the same origin as /slack/events', async () => {
    // Act
    const [html, script, css] = await Promise.all(
      ['/', '/sandbox/app.js', '/sandbox/app.css'].map((path) => fetch(`${sandbox.url}${path}`)),
    );

    // Assess
    expect(html?.headers.get('content-type')).toContain('text/html');
    expect(await html?.text()).toContain('<script src="/sandbox/app.js">');
    expect(script?.headers.get('content-type')).toContain('text/javascript');
    expect(await script?.text()).toContain('/sandbox/events');
    expect(css?.headers.get('content-type')).toContain('text/css');
    expect((await fetch(`${sandbox.url}/healthz`)).status).toBe(200);
  });

  it('opens as the requester when the page names nobody (a plain / as the README says)', async () => {
    // Act: what the page asks for when opened at / with nothing remembered, and with an empty ?user=.
    const answers = await Promise.all(
      ['/sandbox/state', '/sandbox/state?user='].map((path) => fetch(`${sandbox.url}${path}`)),
    );

    // Assess
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const snapshot = (await answer.json()) as { me: string; channel: { id: string } };
      expect(snapshot.me).toBe(REQUESTER);
      expect(snapshot.channel.id).toBe(CHANNEL);
    }
  });

  it('answers only to loopback names, so another site rebinding its name to 127.0.0.1 gets nothing', async () => {
    // Act: what a browser sends when evil.example resolves to this machine.
    const port = new URL(sandbox.url).port;
    const get = (host: string) =>
      new Promise<number>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path: '/sandbox/state?user=U0APPROVER', headers: { host } }, (reply) => {
          reply.resume();
          resolve(reply.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });

    // Assess
    expect(await get(`evil.example:${port}`)).toBe(421);
    expect(await get(`localhost:${port}`)).toBe(200);
  });

  it('turns a typed /restore into a signed slash command the bot verifies, and shows the modal it opened', async () => {
    // Prepare
    const unsigned = await fetch(`${sandbox.url}/slack/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'command=%2Frestore&user_id=U0REQUESTER&channel_id=C0RESTORES',
    });
    const before = botRequests.length;

    // Act
    const viewId = await openRestoreModal(REQUESTER);

    // Assess: the bot refuses what Slack did not sign, and answered the page's command.
    expect(unsigned.status).toBe(401);
    expect(botRequests.slice(before)).toEqual([
      { kind: 'bot_request', type: 'slash_command', status: 200, timedOut: false },
    ]);
    const opened = sandbox.standIn.callsTo('views.open').at(-1);
    expect(opened?.response).toMatchObject({ ok: true, view: { id: viewId } });
    const state = await sandbox.state(REQUESTER);
    expect(state.views.map((view) => view.title)).toEqual(['Restore a database']);
    expect(state.views[0]?.submit).toBe('Request approval');
    expect((await sandbox.state('U0APPROVER')).views).toEqual([]);
  });

  it('relays options for an external select through /sandbox/options as block_suggestion', async () => {
    // Prepare
    const viewId = await openRestoreModal(REQUESTER);
    const kind = await sandbox.post('/sandbox/view/act', {
      user: REQUESTER,
      viewId,
      ...RESTORE_MODAL.kind,
      action: { type: 'static_select', selected_option: option('aurora-cluster', 'Aurora cluster') },
    });
    expect(kind.body).toEqual({ ok: true });
    const before = botRequests.length;

    // Act
    const loaded = await sandbox.post('/sandbox/options', {
      user: REQUESTER,
      viewId,
      ...RESTORE_MODAL.source,
      value: 'ord',
    });

    // Assess
    expect(loaded.status).toBe(200);
    const values = loaded.body.ok ? (loaded.body.options ?? []).map((offered) => offered.value) : [];
    expect(values).toContain('production/orders');
    expect(values).not.toContain('production/inventory');
    expect(botRequests.slice(before).map((request) => [request.type, request.status])).toEqual([
      ['block_suggestion', 200],
    ]);
  });

  it("shows Slack's own required-field errors on a submit, without sending it", async () => {
    // Prepare
    const viewId = await openRestoreModal(REQUESTER);
    const before = botRequests.length;

    // Act
    const submitted = await sandbox.post('/sandbox/view/submit', { user: REQUESTER, viewId });

    // Assess
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      ok: false,
      fieldErrors: { [RESTORE_MODAL.kind.blockId]: expect.any(String) },
    });
    const [view] = (await sandbox.state(REQUESTER)).views;
    expect(view?.errors[RESTORE_MODAL.reason.blockId]).toBe('Please complete this required field.');
    expect(botRequests.length).toBe(before);
  });

  it('keeps typed values in the view state and closes the modal like Cancel', async () => {
    // Prepare
    const viewId = await openRestoreModal(REQUESTER);

    // Act
    const typed = await sandbox.post('/sandbox/view/value', {
      user: REQUESTER,
      viewId,
      ...RESTORE_MODAL.target,
      value: { type: 'plain_text_input', value: 'orders-typed' },
    });
    const typedState = (await sandbox.state(REQUESTER)).views[0]?.values;
    const someoneElse = await sandbox.post('/sandbox/view/value', {
      user: 'U0OUTSIDER',
      viewId,
      ...RESTORE_MODAL.target,
      value: { type: 'plain_text_input', value: 'not mine' },
    });
    const closed = await sandbox.post('/sandbox/view/close', { user: REQUESTER, viewId });

    // Assess
    expect(typed.body).toEqual({ ok: true });
    expect(typedState?.[RESTORE_MODAL.target.blockId]?.[RESTORE_MODAL.target.actionId]).toEqual({
      type: 'plain_text_input',
      value: 'orders-typed',
    });
    expect(someoneElse).toMatchObject({ status: 409, body: { ok: false } });
    expect(closed.body).toEqual({ ok: true });
    expect((await sandbox.state(REQUESTER)).views).toEqual([]);
  });

  it("shows the bot's refused Web API calls with Slack's error in the state, and no message", async () => {
    // Prepare
    const client = sandbox.server.composition.slack?.client;
    if (!client) throw new Error('no Slack client');
    const tooLong = 'x'.repeat(3001);

    // Act
    const refused = await client.chat
      .postMessage({
        channel: CHANNEL,
        text: 'too long',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: tooLong } }],
      })
      .catch((error: { data?: { error?: string } }) => error.data?.error);

    // Assess
    expect(refused).toBe('invalid_blocks');
    const state = await sandbox.state(REQUESTER);
    // The refused call itself (the worker may post meanwhile: a refresh cycle's card, on its day).
    const call = state.calls.findLast((candidate) => candidate.method === 'chat.postMessage' && !candidate.ok);
    expect(call).toMatchObject({ method: 'chat.postMessage', ok: false, error: 'invalid_blocks' });
    expect(call?.messages.join('\n')).toContain('[json-pointer:/blocks/0/text');
    expect(state.messages.some((message) => message.text === 'too long')).toBe(false);
  });

  it('answers an unknown command as Slack does, and posts plain text as the person', async () => {
    // Act
    const unknown = await sandbox.post('/sandbox/command', { user: REQUESTER, channel: CHANNEL, text: '/deploy now' });
    const said = await sandbox.post('/sandbox/command', { user: REQUESTER, channel: CHANNEL, text: 'hello team' });

    // Assess
    expect(unknown.status).toBe(409);
    expect(unknown.body).toMatchObject({ ok: false, error: expect.stringContaining('/deploy is not a valid command') });
    expect(said.body).toEqual({ ok: true });
    const message = (await sandbox.state('U0APPROVER')).messages.find((candidate) => candidate.text === 'hello team');
    expect(message).toMatchObject({ user: REQUESTER, isBot: false });
  });

  it('refuses what the page never sends', async () => {
    // Act
    const badBody = await sandbox.post('/sandbox/click', { user: REQUESTER });
    const notJson = await fetch(`${sandbox.url}/sandbox/command`, { method: 'POST', body: 'text=/restore' });
    const nobody = await fetch(`${sandbox.url}/sandbox/state?user=U0NOBODY`);
    const noRoute = await fetch(`${sandbox.url}/sandbox/nothing`);

    // Assess
    expect(badBody.status).toBe(400);
    expect(notJson.status).toBe(415);
    expect(nobody.status).toBe(404);
    expect(noRoute.status).toBe(404);
  });

  it('streams a server-sent event on every change in the stand-in', async () => {
    // Prepare
    const abort = new AbortController();
    const response = await fetch(`${sandbox.url}/sandbox/events`, { signal: abort.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no event stream');
    const decoder = new TextDecoder();
    let received = '';
    const nextFrames = async (count: number) => {
      for (let read = 0; read < 20 && received.split('\n\n').length <= count; read += 1) {
        const chunk = await reader.read();
        if (chunk.done) break;
        received += decoder.decode(chunk.value);
      }
    };
    await nextFrames(1);

    // Act
    await sandbox.post('/sandbox/command', { user: REQUESTER, channel: CHANNEL, text: 'anyone there?' });
    await nextFrames(2);
    abort.abort();

    // Assess
    const frames = received.split('\n\n').filter((frame) => frame.includes('data:'));
    expect(frames[0]).toContain('"kind":"hello"');
    expect(frames[1]).toContain('"kind":"message"');
  });
});

describe('the sandbox across a restart', () => {
  it('keeps the jobs, and posts the cards of those still waiting again so they can be approved', async () => {
    // Prepare: a request made before the restart.
    const dataDir = await mkdtemp(join(tmpdir(), 'sandbox-page-restart-'));
    try {
      const first = await startSandboxServer({ dataDir });
      try {
        const text = '/restore aurora orders --as orders-kept --reason "survive a restart"';
        await first.post('/sandbox/command', { user: REQUESTER, channel: CHANNEL, text });
        const [view] = (await first.state(REQUESTER)).views;
        expect((await first.post('/sandbox/view/submit', { user: REQUESTER, viewId: view?.id })).body).toEqual({
          ok: true,
        });
        await first.eventually(
          async () => (await first.state(REQUESTER)).messages.some((message) => message.text.includes('orders-kept')),
          'the card before the restart',
        );
      } finally {
        await first.stop();
      }

      // Act
      const second = await startSandboxServer({ dataDir });
      try {
        const card = await second.eventually(
          async () => (await second.state(APPROVER)).messages.find((message) => message.text.includes('orders-kept')),
          'the card after the restart',
        );
        const { store } = second.server.composition;
        const waiting = (await store.listActive()).find((job) => job.plan.target.identifier === 'orders-kept');
        const click = await second.post('/sandbox/click', {
          user: APPROVER,
          channel: CHANNEL,
          messageTs: card.ts,
          actionId: JOB_ACTIONS.approve,
        });

        // Assess
        expect(click.body).toEqual({ ok: true });
        // Locally the bot answers Slack first and records the approval right after.
        const approvers = await second.eventually(async () => {
          const job = await store.get(waiting?.id ?? '');
          return job && job.approvals.length > 0 ? job.approvals.map((approval) => approval.userId) : undefined;
        }, 'the approval');
        expect(approvers).toEqual([APPROVER]);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the local server with a real Slack workspace', () => {
  it('serves no sandbox page', async () => {
    // Prepare: "real" Slack is a stand-in here too, so nothing leaves the machine.
    const slack = new SlackStandIn({ botToken: 'xoxb-real-looking', signingSecret: 'real-secret' });
    const { url: slackUrl } = await slack.start();
    const dataDir = await mkdtemp(join(tmpdir(), 'sandbox-page-real-'));
    const server = await startLocalServer(
      parseLocalEnv({
        DATA_DIR: dataDir,
        SLACK_BOT_TOKEN: 'xoxb-real-looking',
        SLACK_SIGNING_SECRET: 'real-secret',
        SLACK_API_URL: `${slackUrl}/api/`,
      }),
      { port: 0, host: '127.0.0.1', log: () => undefined, announce: false },
    );
    try {
      // Act
      const [page, state, health] = await Promise.all(
        ['/', '/sandbox/state', '/healthz'].map((path) => fetch(`${server.url}${path}`)),
      );

      // Assess
      expect(server.standIn).toBeUndefined();
      expect(page?.status).toBe(404);
      expect(state?.status).toBe(404);
      expect(health?.status).toBe(200);
    } finally {
      await server.stop();
      await slack.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
