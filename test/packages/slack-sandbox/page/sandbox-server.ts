import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLocalEnv } from '../../../../dev/env.js';
import { type LocalServer, startLocalServer } from '../../../../dev/local-server.js';
import type { SandboxActionResult, SandboxSnapshot } from '../../../../packages/slack-sandbox/src/page/index.js';
import type { SlackStandIn } from '../../../../packages/slack-sandbox/src/slack/index.js';

export const CHANNEL = 'C0RESTORES';
export const REQUESTER = 'U0REQUESTER';
export const APPROVER = 'U0APPROVER';

export interface SandboxServer {
  url: string;
  server: LocalServer;
  standIn: SlackStandIn;
  state(user: string): Promise<SandboxSnapshot>;
  post(path: string, body: unknown): Promise<{ status: number; body: SandboxActionResult }>;
  /** Polls (bounded) until `check` returns something other than undefined or false. */
  eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string): Promise<T>;
  stop(): Promise<void>;
}

/**
 * `npm start` in-process, as a newcomer runs it (stand-in Slack, simulated AWS, dynalite), on a free
 * loopback port with its data in a temporary directory. Simulated AWS works fast enough (10 AWS minutes a
 * second unless asked otherwise) that a restore finishes in a few seconds; every clock is real.
 */
export async function startSandboxServer(
  options: { dataDir?: string; awsMinutesPerSecond?: number } = {},
): Promise<SandboxServer> {
  // A data directory the caller gives is theirs to remove (a restart test starts twice on it).
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'sandbox-page-')));
  const minutesPerSecond = String(options.awsMinutesPerSecond ?? 10);
  const server = await startLocalServer(
    parseLocalEnv({
      DATA_DIR: dataDir,
      SIMULATED_AWS_MINUTES_PER_SECOND: minutesPerSecond,
      WORKER_TICK_SECONDS: '0.2',
    }),
    { port: 0, host: '127.0.0.1', log: () => undefined, announce: false },
  );
  const { standIn } = server;
  if (!standIn) throw new Error('the local server started without the Slack stand-in');
  const eventually = async <T>(
    check: () => T | undefined | false | Promise<T | undefined | false>,
    what: string,
  ): Promise<T> => {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const value = await check();
      if (value !== undefined && value !== false) return value;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`gave up waiting for ${what}`);
  };
  return {
    url: server.url,
    server,
    standIn,
    async state(user) {
      const response = await fetch(`${server.url}/sandbox/state?user=${user}`);
      if (response.status !== 200) throw new Error(`GET /sandbox/state answered ${response.status}`);
      return (await response.json()) as SandboxSnapshot;
    },
    async post(path, body) {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as SandboxActionResult };
    },
    eventually,
    async stop() {
      await server.stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
