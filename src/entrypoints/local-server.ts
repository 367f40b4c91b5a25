// `npm start`: the same Slack app as on Lambda, served by Node, with the worker ticking in-process.
// Each part comes from the environment: real Slack when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET
// are set (Socket Mode with SLACK_APP_TOKEN), else the built-in Slack stand-in and its sandbox page
// at `/`; real AWS with RESTORE_BOT_AWS=real, else the simulated account; a real job table with
// JOBS_TABLE and real AWS, else the embedded store under DATA_DIR.
import { mkdir } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandboxPage, type SandboxPage, SlackStandIn } from '@db-restore-bot/slack-sandbox';
import type { App } from '@slack/bolt';
import { localAws } from '../../dev/aws.js';
import { type Env, env } from '../config/env.js';
import { loadPolicy } from '../config/policy.js';
import { type Clock, systemClock } from '../domain/ports/clock.js';
import { startEmbeddedDynamoDb } from '../jobs/embedded-dynamodb.js';
import { buildJobCard } from '../slack/blocks/job-card.js';
import { TOKEN_CHECK_BACKOFF } from '../slack/token-check.js';
import { type BackoffSchedule, retryInBackground } from '../util/retry-in-background.js';
import { type Composition, compose } from './composition.js';
import { type JobTable, type Log, realJobTable } from './core-composition.js';

const LOCAL_BOT_TOKEN = 'xoxb-local-sandbox';
const LOCAL_SIGNING_SECRET = 'local-sandbox-signing-secret';

/** Minutes a restore of the demo's Aurora cluster takes in the simulated account (the policy's estimate). */
const DEMO_RESTORE_MINUTES = 25;

export interface LocalServer {
  url: string;
  composition: Composition;
  standIn?: SlackStandIn;
  stop(): Promise<void>;
}

/** The port is taken (another `npm start`?): start-up stops with a message saying what to do. */
export class PortInUseError extends Error {
  constructor(port: number, options?: { cause?: unknown }) {
    super(`port ${port} is in use: stop what uses it, or start with PORT=<another port>`, options);
    this.name = 'PortInUseError';
  }
}

/** What tests (and other embedders) choose beyond the environment. */
export interface LocalServerOptions {
  /** Overrides PORT; 0 picks a free port. */
  port?: number;
  /** The interface to listen on. Left out: loopback with the sandbox, every interface with real Slack. */
  host?: string;
  /** Where the bot's log lines go; JSON lines on stdout when left out. */
  log?: Log;
  /** Print what was started (true when left out). */
  announce?: boolean;
  /** How soon the bot token is checked again while Slack is unreachable (token-check.ts's default when left out). */
  slackCheckBackoff?: BackoffSchedule;
}

/** Starts everything `npm start` runs; returns handles so tests and the sandbox can drive it. */
export async function startLocalServer(config: Env = env(), options: LocalServerOptions = {}): Promise<LocalServer> {
  const policy = await loadPolicy(config.POLICY_FILE);
  const closers: (() => Promise<void>)[] = [];
  const said: string[] = [];
  const notices: string[] = [];

  let jobTable: JobTable;
  if (config.JOBS_TABLE && config.RESTORE_BOT_AWS === 'real') {
    jobTable = realJobTable(config.JOBS_TABLE);
    said.push(`jobs: DynamoDB table ${config.JOBS_TABLE}`);
  } else {
    const path = join(config.DATA_DIR, 'jobs');
    await mkdir(path, { recursive: true });
    const embedded = await startEmbeddedDynamoDb({ path });
    closers.push(embedded.close);
    jobTable = { client: embedded.client, tableName: config.JOBS_TABLE ?? 'restore-jobs', create: true };
    said.push(`jobs: embedded DynamoDB API (dynalite) with data in ${path}/`);
    notices.push(`Jobs are kept in ${path}/ and survive a restart: /restore list shows them.`);
  }

  let botClock: Clock = systemClock;
  const realSlack = Boolean(config.SLACK_BOT_TOKEN && (config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN));
  let standIn: SlackStandIn | undefined;
  let slack: { token: string; signingSecret: string; apiUrl?: string; socketModeAppToken?: string };
  if (realSlack) {
    slack = {
      token: config.SLACK_BOT_TOKEN ?? '',
      signingSecret: config.SLACK_SIGNING_SECRET ?? '',
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    };
  } else {
    // The bot judges a request's timestamp on its own clock: the stand-in signs with that clock (once composed).
    const started = new SlackStandIn({
      botToken: LOCAL_BOT_TOKEN,
      signingSecret: LOCAL_SIGNING_SECRET,
      signingClock: { now: () => botClock.now() },
    });
    const { url } = await started.start();
    closers.push(() => started.stop());
    standIn = started;
    slack = { token: LOCAL_BOT_TOKEN, signingSecret: LOCAL_SIGNING_SECRET, apiUrl: `${url}/api/` };
    notices.push(
      'Slack messages and modals live in memory: after a restart the bot posts the cards of the jobs still ' +
        'waiting or running again (threads and finished cards are not kept).',
      'Every command, click and modal change reaches the bot as a request to /slack/events, signed as Slack signs it.',
    );
  }

  if (config.SLACK_APP_TOKEN && realSlack) slack.socketModeAppToken = config.SLACK_APP_TOKEN;
  const aws = localAws(config, systemClock);
  const composition = await compose({
    env: config,
    policy,
    jobTable,
    ...(aws.pluginsFor ? { awsPluginsFor: aws.pluginsFor } : {}),
    runtime: 'local',
    slack: { ...slack, ...(options.slackCheckBackoff ? { checkBackoff: options.slackCheckBackoff } : {}) },
    ...(options.log ? { log: options.log } : {}),
  });
  closers.push(async () => composition.slack?.tokenCheck.stop());
  botClock = composition.clock;
  if (config.RESTORE_BOT_AWS === 'real') {
    said.unshift('AWS: real (the SDK standard credential chain; AWS_ENDPOINT_URL is honoured)');
  } else {
    const perSecond = config.SIMULATED_AWS_MINUTES_PER_SECOND;
    said.unshift(
      `AWS: simulated account (${Object.keys(policy.environments).join(', ')}), operations at ${perSecond} AWS minute(s) per second`,
    );
    notices.unshift(
      `The simulated AWS account (${Object.keys(policy.environments).join(', ')}) lives in memory and is seeded ` +
        'afresh on each start: databases restored before a restart are gone.',
      `Simulated AWS works ${perSecond} AWS minute(s) per second: a ${DEMO_RESTORE_MINUTES}-minute Aurora restore ` +
        `takes about ${Math.max(1, Math.round(DEMO_RESTORE_MINUTES / perSecond))} s (SIMULATED_AWS_MINUTES_PER_SECOND). ` +
        'Only its operations are faster: every clock is real, so approval windows, expiries and the times on the ' +
        'cards are what they would be with real AWS.',
    );
  }

  const receiver = composition.slack?.receiver;
  const page: SandboxPage | undefined = standIn
    ? await createSandboxPage({
        standIn,
        notices,
        title: 'db-restore-bot sandbox',
        manifestFile: fileURLToPath(new URL('../../manifest.yml', import.meta.url)),
      })
    : undefined;
  said.push(
    !realSlack
      ? `Slack: local stand-in at ${slack.apiUrl}, with the sandbox page at /`
      : receiver
        ? 'Slack: real workspace over HTTP (POST /slack/events)'
        : 'Slack: real workspace over Socket Mode',
  );
  // Over HTTP the receiver's Express app serves Slack and /healthz; in Socket Mode only /healthz is served here.
  // The sandbox page, when there is one, answers `/` and `/sandbox/...` first.
  const app: RequestListener = receiver
    ? (receiver.app as unknown as RequestListener)
    : (request, response) => {
        response.writeHead(request.url === '/healthz' ? 200 : 404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ ok: request.url === '/healthz' }));
      };
  // The sandbox page lets whoever opens it act as any user, approver included: only this machine may.
  const bindHost = options.host ?? (standIn ? '127.0.0.1' : undefined);
  const server = await listen(
    page ? (request, response) => page.handle(request, response) || app(request, response) : app,
    options.port ?? config.PORT,
    bindHost,
  );
  closers.push(async () => {
    page?.close();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Browsers keep connections alive; without this, close() waits for them to idle out.
    server.closeAllConnections();
    await closed;
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${displayHost(options.host)}:${port}`;
  standIn?.setBotUrl(`http://${loopbackHost(options.host)}:${port}/slack/events`);
  if (!receiver && composition.slack) closers.push(connectSocketMode(composition.slack.app, composition.log, options));
  if (standIn) await repostActiveCards(composition);

  closers.push(startWorker(composition, config.WORKER_TICK_SECONDS));
  said.push(`worker: ticking every ${config.WORKER_TICK_SECONDS} s`);

  if (options.announce !== false) {
    console.log(`db-restore-bot is running at ${url}\n${said.map((line) => `  ${line}`).join('\n')}`);
    if (page) console.log(`\n  Open ${url}/ to use the bot in the Slack sandbox page (no Slack, no AWS needed).\n`);
  }
  let stopping: Promise<void> | undefined;
  return {
    url,
    composition,
    ...(standIn ? { standIn } : {}),
    stop: () => {
      stopping ??= (async () => {
        for (const close of [...closers].reverse()) await close();
      })();
      return stopping;
    },
  };
}

/**
 * The stand-in starts with an empty channel, while the jobs are kept: post the card of every job still
 * waiting or running, and point its card state at the new message, so it can be approved and followed.
 * Earlier thread replies are not posted again.
 */
async function repostActiveCards(composition: Composition): Promise<void> {
  const client = composition.slack?.client;
  if (!client) return;
  const jobs = await composition.store.listActive();
  const states = await composition.store.cardStates(jobs.map((job) => job.id));
  for (const job of jobs) {
    const state = states.get(job.id);
    const channelId = job.card?.channelId ?? state?.channelId;
    if (!channelId) continue;
    const card = buildJobCard(job, { now: composition.clock.now() });
    try {
      const posted = await client.chat.postMessage({ channel: channelId, text: card.text, blocks: card.blocks });
      if (!posted.ts) continue;
      await composition.store.saveCardState(job.id, {
        channelId,
        messageTs: posted.ts,
        renderedVersion: job.version,
        eventsPosted: state?.eventsPosted ?? job.events.length,
      });
    } catch (error) {
      console.error(`card of job ${job.id} not posted again: ${(error as Error).message}`);
    }
  }
}

/**
 * Connects over Socket Mode in the background: Slack being unreachable at start is logged and tried
 * again later (the bot keeps serving /healthz), never a start-up that dies. The closer disconnects.
 */
function connectSocketMode(app: App, log: Log, options: LocalServerOptions): () => Promise<void> {
  let connected = false;
  const connecting = retryInBackground(
    async () => {
      await app.start();
      connected = true;
    },
    {
      schedule: options.slackCheckBackoff ?? TOKEN_CHECK_BACKOFF,
      onFailure: (error, retryInMs) =>
        log('Slack Socket Mode not connected; serving /healthz anyway, connecting again later', {
          error: (error as Error).message,
          ...(retryInMs === undefined ? {} : { retryInSeconds: retryInMs / 1000 }),
        }),
    },
  );
  return async () => {
    connecting.stop();
    if (connected) await app.stop();
  };
}

/**
 * Ticks the worker every `seconds`, one tick at a time (a slow tick delays the next instead of
 * overlapping it). The returned closer waits for the running tick and for in-process kicks.
 */
function startWorker(composition: Composition, seconds: number): () => Promise<void> {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    timer = setTimeout(() => {
      running = composition.worker
        .tick()
        .then(() => undefined)
        .catch((error: Error) => console.error(`worker tick failed: ${error.message}`))
        .finally(() => {
          if (!stopped) schedule();
        });
    }, seconds * 1000);
  };
  schedule();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
    await composition.idle();
  };
}

function listen(handler: RequestListener, port: number, host: string | undefined): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, { cause: error }) : error);
    });
    const ready = () => resolve(server);
    if (host === undefined) server.listen(port, ready);
    else server.listen(port, host, ready);
  });
}

/** How to show the URL: `localhost` unless a specific interface was chosen. */
function displayHost(host: string | undefined): string {
  if (host === undefined || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Where the stand-in reaches the app: loopback over IPv4 unless a specific interface was chosen. */
function loopbackHost(host: string | undefined): string {
  return host === undefined || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : displayHost(host);
}
