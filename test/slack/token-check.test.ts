import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { startTokenCheck } from '../../src/slack/token-check.js';

/** A loopback Web API whose auth.test answers `answer` (Slack answers 200 with ok: false for a bad token). */
async function webApi(answer: object): Promise<{ url: string; calls: () => number; server: Server }> {
  let calls = 0;
  const server = createServer((request, response) => {
    request.resume();
    calls += 1;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, calls: () => calls, server };
}

describe('startTokenCheck', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  });

  it('says plainly when Slack refuses the token, once, and does not ask again', async () => {
    // Prepare
    const api = await webApi({ ok: false, error: 'invalid_auth' });
    server = api.server;
    const logged: { message: string; detail?: object }[] = [];

    // Act
    const check = startTokenCheck({
      client: new WebClient('xoxb-revoked', { slackApiUrl: api.url, retryConfig: { retries: 0 } }),
      log: (message, detail) => logged.push({ message, ...(detail ? { detail } : {}) }),
      schedule: { firstDelayMs: 1, maxDelayMs: 1 },
    });
    await check.done;
    await new Promise((resolve) => setTimeout(resolve, 20));

    // Assess
    expect(logged).toEqual([
      {
        message: 'Slack refused the bot token (auth.test): check SLACK_BOT_TOKEN',
        detail: { error: 'invalid_auth' },
      },
    ]);
    expect(api.calls()).toBe(1);
    expect(check.identity()).toEqual({});
  });

  it("learns the bot's identity when the token is good", async () => {
    const api = await webApi({ ok: true, team: 'Acme', user_id: 'U0BOT', bot_id: 'B0BOT' });
    server = api.server;
    const check = startTokenCheck({
      client: new WebClient('xoxb-good', { slackApiUrl: api.url, retryConfig: { retries: 0 } }),
      log: () => undefined,
    });
    await check.done;
    expect(check.identity()).toEqual({ botUserId: 'U0BOT', botId: 'B0BOT' });
  });
});
