import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SlackStandIn, StandInChange } from '../slack/index.js';
import { createSandboxActions, SandboxRequestError, statusOf } from './actions.js';
import { loadSandboxAssets, manifestCommands, type SandboxAssets } from './assets.js';
import { buildSnapshot } from './snapshot.js';
import type { SandboxCommand } from './snapshot-types.js';

export interface SandboxPageOptions {
  standIn: SlackStandIn;
  /** Lines the page shows a newcomer: what survives a restart, how fast simulated AWS works. */
  notices?: string[];
  /** The slash commands the composer accepts; those `manifestFile` declares when left out. */
  commands?: SandboxCommand[];
  /** The app's Slack manifest (`manifest.yml`), read for its slash commands. */
  manifestFile?: string;
  /** The page's title (`Slack sandbox` when left out). */
  title?: string;
  /** Prebuilt assets (tests that start many pages); bundled with esbuild when left out. */
  assets?: SandboxAssets;
}

/** The sandbox page as request handling the local server puts in front of the app's own routes. */
export interface SandboxPage {
  /** Serves the request and returns true when it is the page's (`/`, `/sandbox/...`); false otherwise. */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  /** Ends the event streams, so the server can close. */
  close(): void;
}

/** Bodies the page sends are small JSON objects. */
const MAX_BODY_BYTES = 64 * 1024;
/** A comment on the event stream now and then keeps proxies and the browser from dropping it. */
const HEARTBEAT_MS = 15_000;

/**
 * The Slack sandbox page: a browser view of the stand-in (`/`), its state as JSON, a server-sent event
 * on every change, and routes that act as a person through the stand-in's user methods.
 */
export async function createSandboxPage(options: SandboxPageOptions): Promise<SandboxPage> {
  const { standIn } = options;
  const [assets, commands] = await Promise.all([
    options.assets ?? loadSandboxAssets(options.title ? { title: options.title } : {}),
    options.commands ?? (options.manifestFile ? manifestCommands(options.manifestFile) : []),
  ]);
  const actions = createSandboxActions(standIn, commands);
  const notices = options.notices ?? [];
  const streams = new Set<ServerResponse>();
  let version = 0;

  const onChange = (change: StandInChange) => {
    version += 1;
    const frame = `data: ${JSON.stringify({ version, kind: change.kind, ...changeUser(change) })}\n\n`;
    for (const stream of streams) stream.write(frame);
  };
  standIn.on('change', onChange);
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': heartbeat\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const serveState = (url: URL, response: ServerResponse) => {
    const people = [...standIn.state.users.values()].filter((person) => !person.isBot);
    // A page opened without a person (`/`, `?user=`) acts as the workspace's first person: the requester.
    const user = url.searchParams.get('user') || (people[0]?.id ?? '');
    if (!people.some((person) => person.id === user)) {
      sendJson(response, 404, { ok: false, error: `no person ${user} in the workspace` });
      return;
    }
    const channel = url.searchParams.get('channel') ?? defaultChannel(standIn, user);
    sendJson(response, 200, buildSnapshot({ standIn, version, commands, notices }, user, channel));
  };

  const serveEvents = (request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(`retry: 1000\ndata: ${JSON.stringify({ version, kind: 'hello' })}\n\n`);
    streams.add(response);
    request.on('close', () => streams.delete(response));
  };

  const serveAction = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    const action = actions[path];
    if (!action) {
      sendJson(response, 404, { ok: false, error: `no route POST ${path}` });
      return;
    }
    // JSON only: a cross-site form cannot send it without a CORS preflight, which this server never allows.
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(response, 415, { ok: false, error: 'send application/json' });
      return;
    }
    try {
      const result = await action(JSON.parse(await readBody(request)));
      sendJson(response, statusOf(result), result);
    } catch (error) {
      if (error instanceof SandboxRequestError || error instanceof SyntaxError) {
        sendJson(response, 400, { ok: false, error: error.message });
        return;
      }
      console.error(`sandbox page: ${path} failed`, error);
      sendJson(response, 500, { ok: false, error: `the sandbox failed: ${(error as Error).message}` });
    }
  };

  return {
    handle(request, response) {
      const url = new URL(request.url ?? '/', 'http://sandbox.local');
      const path = url.pathname;
      if (path !== '/' && !path.startsWith('/sandbox/')) return false;
      if (!isLoopbackName(request.headers.host)) {
        sendJson(response, 421, { ok: false, error: 'the sandbox page answers only to localhost, 127.0.0.1 or [::1]' });
        return true;
      }
      if (request.method === 'POST') {
        void serveAction(request, response, path);
        return true;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        sendJson(response, 405, { ok: false, error: `${request.method} is not served here` });
        return true;
      }
      if (path === '/') sendAsset(response, 'text/html', assets.html);
      else if (path === '/sandbox/app.js') sendAsset(response, 'text/javascript', assets.script);
      else if (path === '/sandbox/app.css') sendAsset(response, 'text/css', assets.css);
      else if (path === '/sandbox/state') serveState(url, response);
      else if (path === '/sandbox/events') serveEvents(request, response);
      else sendJson(response, 404, { ok: false, error: `no route GET ${path}` });
      return true;
    },
    close() {
      standIn.off('change', onChange);
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}

/**
 * The page acts as any user it is told to, approvers included. Listening on loopback keeps other
 * machines out; checking the name the browser asked for keeps out other sites that point their
 * own name at 127.0.0.1 (DNS rebinding) to script this page from the user's own browser.
 */
function isLoopbackName(host: string | undefined): boolean {
  const name = (host ?? '').toLowerCase().replace(/:\d+$/, '');
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
}

/** Who a change concerns, when only one person sees it: other people's pages need not refresh. */
function changeUser(change: StandInChange): { user?: string } {
  return change.kind === 'view' || change.kind === 'ephemeral' ? { user: change.user } : {};
}

function defaultChannel(standIn: SlackStandIn, user: string): string {
  const channels = [...standIn.state.channels.values()].filter((channel) => channel.members.includes(user));
  return (channels.find((channel) => !channel.isIm) ?? channels[0])?.id ?? '';
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

function sendAsset(response: ServerResponse, type: string, body: string): void {
  response.writeHead(200, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // The rest is read and dropped, so the answer still reaches the page.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(new SandboxRequestError(`the body is larger than ${MAX_BODY_BYTES} bytes`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}
