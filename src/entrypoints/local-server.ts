// `npm start`: the same Slack app as on Lambda, served by Node, with the worker ticking in-process.
// Each part comes from the environment: real Slack when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET
// are set (Socket Mode with SLACK_APP_TOKEN), else the built-in Slack stand-in; real AWS with
// RESTORE_BOT_AWS=real, else the simulated account; a real job table with JOBS_TABLE and real
// AWS, else the embedded store under DATA_DIR.
import { mkdir } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Env, env } from '../config/env.js';
import { loadPolicy } from '../config/policy.js';
import { startEmbeddedDynamoDb } from '../jobs/embedded-dynamodb.js';
import { SlackStandIn } from '../sandbox/slack/index.js';
import { type Composition, compose, type JobTable, realJobTable } from './composition.js';

const LOCAL_BOT_TOKEN = 'xoxb-local-sandbox';
const LOCAL_SIGNING_SECRET = 'local-sandbox-signing-secret';

export interface LocalServer {
  url: string;
  composition: Composition;
  standIn?: SlackStandIn;
  stop(): Promise<void>;
}

/** Starts everything `npm start` runs; returns handles so tests and the sandbox can drive it. */
export async function startLocalServer(config: Env = env()): Promise<LocalServer> {
  const policy = await loadPolicy(config.POLICY_FILE);
  const closers: (() => Promise<void>)[] = [];
  const said: string[] = [];

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
  }

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
    standIn = new SlackStandIn({ botToken: LOCAL_BOT_TOKEN, signingSecret: LOCAL_SIGNING_SECRET });
    const { url } = await standIn.start();
    closers.push(() => (standIn as SlackStandIn).stop());
    slack = { token: LOCAL_BOT_TOKEN, signingSecret: LOCAL_SIGNING_SECRET, apiUrl: `${url}/api/` };
  }

  if (config.SLACK_APP_TOKEN && realSlack) slack.socketModeAppToken = config.SLACK_APP_TOKEN;
  const composition = await compose({ env: config, policy, jobTable, runtime: 'local', slack });
  said.unshift(
    config.RESTORE_BOT_AWS === 'real'
      ? 'AWS: real (the SDK standard credential chain; AWS_ENDPOINT_URL is honoured)'
      : `AWS: simulated account (production ${Object.keys(policy.environments).join(', ')}), ${config.SIMULATED_AWS_MINUTES_PER_SECOND} AWS minute(s) per second`,
  );

  const receiver = composition.slack?.receiver;
  said.push(
    !realSlack
      ? `Slack: local stand-in at ${slack.apiUrl}`
      : receiver
        ? 'Slack: real workspace over HTTP (POST /slack/events)'
        : 'Slack: real workspace over Socket Mode',
  );
  // Over HTTP the receiver's Express app serves Slack and /healthz; in Socket Mode only /healthz is served here.
  const server: Server = receiver
    ? await listen(receiver.app as unknown as RequestListener, config.PORT)
    : await listen((request, response) => {
        response.writeHead(request.url === '/healthz' ? 200 : 404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ ok: request.url === '/healthz' }));
      }, config.PORT);
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  standIn?.setBotUrl(`${url}/slack/events`);
  if (!receiver) await composition.slack?.app.start();

  const ticking = setInterval(() => {
    composition.worker.tick().catch((error: Error) => console.error(`worker tick failed: ${error.message}`));
  }, config.WORKER_TICK_SECONDS * 1000);
  closers.push(async () => clearInterval(ticking));
  said.push(`worker: ticking every ${config.WORKER_TICK_SECONDS} s`);

  console.log(`db-restore-bot is running at ${url}\n${said.map((line) => `  ${line}`).join('\n')}`);
  return {
    url,
    composition,
    ...(standIn ? { standIn } : {}),
    stop: async () => {
      for (const close of closers.reverse()) await close();
    },
  };
}

function listen(handler: RequestListener, port: number): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(port, () => resolve(server)));
}
