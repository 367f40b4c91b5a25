// `npm start`: the same Slack app as on Lambda, served by Node, with the worker ticking in-process.
// Each part comes from the environment: real Slack when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET
// are set (Socket Mode with SLACK_APP_TOKEN), else the Slack stand-in and its sandbox page at `/`
// (local-slack.ts); real AWS with RESTORE_BOT_AWS=real, else the simulated account (aws.ts); a real
// job table with JOBS_TABLE and real AWS, else the embedded store under DATA_DIR (job-table.ts).
import type { RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxPage, SlackStandIn } from '@db-restore-bot/slack-sandbox';
import { loadPolicy } from '../src/config/policy.js';
import { parseDuration } from '../src/domain/duration.js';
import type { Policy } from '../src/domain/policy.js';
import { type Clock, systemClock } from '../src/domain/ports/clock.js';
import { type Composition, compose } from '../src/entrypoints/composition.js';
import type { Log } from '../src/entrypoints/core-composition.js';
import type { BackoffSchedule } from '../src/util/retry-in-background.js';
import { describeLocalAws, localAws } from './aws.js';
import { type LocalEnv, localEnv } from './env.js';
import { closeServer, displayHost, listen, loopbackHost } from './http-server.js';
import { localJobTable } from './job-table.js';
import { botSandboxPage, localSlack } from './local-slack.js';
import { endEarlierSandboxRuns, retimeCyclesForSandbox, sandboxRefreshNotice } from './sandbox-refresh.js';
import { connectSocketMode } from './socket-mode.js';
import { startWorkerLoop } from './worker-loop.js';

export { PortInUseError } from './http-server.js';

export interface LocalServer {
  url: string;
  composition: Composition;
  standIn?: SlackStandIn;
  stop(): Promise<void>;
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
export async function startLocalServer(
  config: LocalEnv = localEnv(),
  options: LocalServerOptions = {},
): Promise<LocalServer> {
  const startedAt = systemClock.now();
  const retimeIn = config.RESTORE_BOT_AWS === 'simulated' ? parseDuration(config.SANDBOX_REFRESH_IN) : undefined;
  const loaded = await loadPolicy(config.POLICY_FILE);
  const policy = retimeIn === undefined ? loaded : retimeCyclesForSandbox(loaded, startedAt, retimeIn);
  const closers: (() => Promise<void>)[] = [];

  const table = await localJobTable(config);
  closers.push(table.close);
  let botClock: Clock = systemClock;
  const slack = await localSlack(config, { now: () => botClock.now() });
  closers.push(slack.close);
  const { standIn } = slack;
  const aws = localAws(config, systemClock);
  const awsTold = describeLocalAws(config, Object.keys(policy.environments));

  const composition = await compose({
    env: config,
    policy,
    jobTable: table.jobTable,
    ...(aws.pluginsFor ? { awsPluginsFor: aws.pluginsFor } : {}),
    runtime: 'local',
    slack: { ...slack.credentials, ...(options.slackCheckBackoff ? { checkBackoff: options.slackCheckBackoff } : {}) },
    ...(options.log ? { log: options.log } : {}),
  });
  closers.push(async () => composition.slack?.tokenCheck.stop());
  botClock = composition.clock;

  if (retimeIn !== undefined) await endEarlierSandboxRuns(policy, composition.cycleRuns, composition.clock.now());
  const refreshNotice = retimeIn === undefined ? undefined : sandboxRefreshNotice(policy, startedAt);

  const receiver = composition.slack?.receiver;
  const drNotice = standIn && aws.sim ? sandboxDrNotice(policy) : undefined;
  const notices = [
    ...awsTold.notices,
    ...(refreshNotice ? [refreshNotice] : []),
    ...(drNotice ? [drNotice] : []),
    ...(table.notice ? [table.notice] : []),
    ...slack.notices,
  ];
  const page: SandboxPage | undefined = standIn ? await botSandboxPage(standIn, notices) : undefined;
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
    await closeServer(server);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${displayHost(options.host)}:${port}`;
  standIn?.setBotUrl(`http://${loopbackHost(options.host)}:${port}/slack/events`);
  if (!receiver && composition.slack) {
    closers.push(connectSocketMode(composition.slack.app, composition.log, options.slackCheckBackoff));
  }
  // The stand-in starts with an empty channel while the jobs were kept: their cards are posted again.
  if (standIn) await composition.cards?.repost(await composition.store.listActive());

  closers.push(startWorkerLoop(composition, config.WORKER_TICK_SECONDS));

  if (options.announce !== false) {
    const said = [
      awsTold.said,
      table.said,
      standIn
        ? `Slack: local stand-in at ${slack.credentials.apiUrl}, with the sandbox page at /`
        : receiver
          ? 'Slack: real workspace over HTTP (POST /slack/events)'
          : 'Slack: real workspace over Socket Mode',
      `worker: ticking every ${config.WORKER_TICK_SECONDS} s`,
      ...(refreshNotice ? [`refresh: ${refreshNotice}`] : []),
    ];
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

/** What a new user can try of disaster recovery in the sandbox: its incident channel and a drill. */
function sandboxDrNotice(policy: Policy): string | undefined {
  const disasterRecovery = policy.disasterRecovery;
  if (!disasterRecovery) return undefined;
  const patterns = disasterRecovery.incidentChannels.join(', ');
  return (
    `Disaster recovery: #inc-orders-outage is an incident channel (incidentChannels: ${patterns}). As Owen Oncall, ` +
    "type /restore dr status for each database's DR path and RPO, or /restore dr drill aurora orders to rehearse a " +
    'recovery into us-west-2 (an approver approves it; nothing is switched).'
  );
}
