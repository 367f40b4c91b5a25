import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback port nothing listens on: connecting to it is refused at once. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface FlakySlackApi {
  /** The Web API base URL (`SLACK_API_URL`). */
  url: string;
  /** While true every call answers 503, as Slack does during an outage. */
  down: boolean;
  /** How many auth.test calls arrived. */
  authTests: number;
  close(): Promise<void>;
}

/** A Web API that answers auth.test with 503 while `down`, and as Slack does once it is up. */
export async function startFlakySlackApi(): Promise<FlakySlackApi> {
  const api = { down: true, authTests: 0 } as FlakySlackApi;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.url?.includes('auth.test')) api.authTests += 1;
      if (api.down) {
        response.writeHead(503).end('service unavailable');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true, team: 'Acme', user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0ACME' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  api.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return api;
}

/** Records the unhandled rejections that happen until `stop()` (one of them would end `npm start`). */
export function recordUnhandledRejections(): { rejections: unknown[]; stop(): void } {
  const rejections: unknown[] = [];
  const record = (reason: unknown) => rejections.push(reason);
  process.on('unhandledRejection', record);
  return { rejections, stop: () => process.off('unhandledRejection', record) };
}

/** Polls `check` (bounded) until it is true. */
export async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting for ${what}`);
}
