import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../../../../../src/domain/ports/clock.js';

/** A request the test app received, with its own verdict on the signature (computed here, not by the stand-in). */
export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  rawBody: string;
  signatureValid: boolean;
  /** The timestamp is within Slack's 5 minutes of this machine's clock. */
  fresh: boolean;
  /** Form fields (a slash command), or `{ payload }` for interactivity. */
  fields: Record<string, string>;
  /** The decoded interactivity payload, if any. */
  payload?: Record<string, unknown>;
}

export interface AppAnswer {
  status?: number;
  /** An object is sent as JSON; a string as text; nothing as an empty 200 (a bare ack). */
  body?: unknown;
}

export type AppHandler = (request: ReceivedRequest) => AppAnswer | Promise<AppAnswer>;

export interface TestApp {
  url: string;
  requests: ReceivedRequest[];
  handle(handler: AppHandler): void;
  stop(): Promise<void>;
}

/**
 * A tiny app on node:http that checks signatures the way Slack documents it (independently of the
 * stand-in's signing code) and refuses bad ones with 401, as Bolt does.
 */
export async function startTestApp(signingSecret: string): Promise<TestApp> {
  const requests: ReceivedRequest[] = [];
  let handler: AppHandler = () => ({});
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const received = receive(signingSecret, request.headers, rawBody);
      requests.push(received);
      if (!received.signatureValid || !received.fresh) {
        response.writeHead(401).end();
        return;
      }
      Promise.resolve(handler(received)).then(
        (answer) => {
          if (answer.body === undefined) response.writeHead(answer.status ?? 200).end();
          else if (typeof answer.body === 'string') {
            response.writeHead(answer.status ?? 200, { 'Content-Type': 'text/plain' }).end(answer.body);
          } else {
            response
              .writeHead(answer.status ?? 200, { 'Content-Type': 'application/json' })
              .end(JSON.stringify(answer.body));
          }
        },
        () => response.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    requests,
    handle: (next) => {
      handler = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function receive(signingSecret: string, headers: IncomingHttpHeaders, rawBody: string): ReceivedRequest {
  const timestamp = String(headers['x-slack-request-timestamp'] ?? '');
  const signature = String(headers['x-slack-signature'] ?? '');
  const expected = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
  const signatureValid =
    signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
  const fresh = Math.abs(systemClock.now().getTime() / 1000 - Number(timestamp)) <= 300;
  const fields = Object.fromEntries(new URLSearchParams(rawBody).entries());
  const received: ReceivedRequest = { headers, rawBody, signatureValid, fresh, fields };
  if (fields.payload !== undefined) received.payload = JSON.parse(fields.payload) as Record<string, unknown>;
  return received;
}
