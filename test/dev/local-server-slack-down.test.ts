import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLocalEnv } from '../../dev/env.js';
import { type LocalServer, startLocalServer } from '../../dev/local-server.js';
import {
  closedPort,
  eventually,
  recordUnhandledRejections,
  startFlakySlackApi,
} from '../entrypoints/helpers/slack-down.js';

const UNREACHABLE = 'Slack Web API not reachable (auth.test); serving anyway, checking again later';
const SOCKET_MODE_DOWN = 'Slack Socket Mode not connected; serving /healthz anyway, connecting again later';
const BACKOFF = { firstDelayMs: 20, maxDelayMs: 40 };

describe('npm start with real Slack credentials while Slack is down', () => {
  let dataDir: string;
  let server: LocalServer | undefined;
  let unhandled: ReturnType<typeof recordUnhandledRejections>;
  const logged: string[] = [];

  const start = (apiUrl: string) =>
    startLocalServer(
      parseLocalEnv({
        DATA_DIR: dataDir,
        SLACK_BOT_TOKEN: 'xoxb-real-looking',
        SLACK_SIGNING_SECRET: 'real-secret',
        SLACK_API_URL: apiUrl,
      }),
      {
        port: 0,
        host: '127.0.0.1',
        announce: false,
        log: (message) => logged.push(message),
        slackCheckBackoff: BACKOFF,
      },
    );

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'slack-down-'));
    logged.length = 0;
    unhandled = recordUnhandledRejections();
  });

  afterEach(async () => {
    await server?.stop();
    server = undefined;
    unhandled.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps serving with the Web API at a closed port, logs it, and checks again', async () => {
    // Act
    server = await start(`http://127.0.0.1:${await closedPort()}/api/`);
    await eventually(() => logged.filter((message) => message === UNREACHABLE).length >= 2, 'a second check');
    const health = await fetch(`${server.url}/healthz`);

    // Assess
    expect(health.status).toBe(200);
    expect(unhandled.rejections).toEqual([]);
  });

  it('verifies the token once the Web API answers again after 5xx', async () => {
    // Prepare
    const api = await startFlakySlackApi();
    try {
      server = await start(api.url);
      await eventually(() => logged.includes(UNREACHABLE), 'a failed check');

      // Act: Slack comes back
      api.down = false;
      await eventually(() => logged.includes('Slack bot token verified'), 'the token verified');

      // Assess
      expect(server.composition.slack?.tokenCheck.identity()).toEqual({ botUserId: 'U0BOT', botId: 'B0BOT' });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(unhandled.rejections).toEqual([]);
    } finally {
      await api.close();
    }
  });
});

describe('npm start over Socket Mode while Slack is down', () => {
  it('keeps serving /healthz, logs it, and tries to connect again', async () => {
    // Prepare
    const dataDir = await mkdtemp(join(tmpdir(), 'slack-down-socket-'));
    const unhandled = recordUnhandledRejections();
    const logged: string[] = [];
    let server: LocalServer | undefined;
    try {
      // Act
      server = await startLocalServer(
        parseLocalEnv({
          DATA_DIR: dataDir,
          SLACK_BOT_TOKEN: 'xoxb-real-looking',
          SLACK_APP_TOKEN: 'xapp-real-looking',
          SLACK_API_URL: `http://127.0.0.1:${await closedPort()}/api/`,
        }),
        {
          port: 0,
          host: '127.0.0.1',
          announce: false,
          log: (message) => logged.push(message),
          slackCheckBackoff: BACKOFF,
        },
      );
      await eventually(
        () => logged.filter((message) => message === SOCKET_MODE_DOWN).length >= 2,
        'a second Socket Mode connection attempt',
      );

      // Assess
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(unhandled.rejections).toEqual([]);
    } finally {
      await server?.stop();
      unhandled.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
