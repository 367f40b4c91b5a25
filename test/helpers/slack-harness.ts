import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimulatedAws, type SimulatedAws } from '@db-restore-bot/aws-simulator';
import { SlackStandIn, type StoredMessage, type StoredView } from '@db-restore-bot/slack-sandbox';
import { simulatedPlugins } from '../../dev/aws.js';
import { seedDemoAccounts } from '../../dev/demo/accounts.js';
import { startEmbeddedDynamoDb } from '../../dev/embedded-dynamodb.js';
import { parseEnv } from '../../src/config/env.js';
import type { Job } from '../../src/domain/job/job.js';
import type { Policy } from '../../src/domain/policy.js';
import { type Composition, compose } from '../../src/entrypoints/composition.js';
import type { Log } from '../../src/entrypoints/core-composition.js';
import { ManualClock } from './manual-clock.js';
import { examplePolicy } from './simulated-environment.js';

export const CHANNEL = 'C0RESTORES';
const TOKEN = 'xoxb-test-token';
const SIGNING_SECRET = 'test-signing-secret';

export interface SlackHarness {
  standIn: SlackStandIn;
  composition: Composition;
  clock: ManualClock;
  sim: SimulatedAws;
  /** Where the stand-in delivers signed requests: a hostile client can post there too. */
  botUrl: string;
  /** Waits (polling, bounded) until `check` returns a value. */
  eventually<T>(check: () => T | undefined | Promise<T | undefined>, what: string): Promise<T>;
  /** The job's card in `channel` (CHANNEL unless named), once the worker has posted it. */
  cardOf(jobId: string, channel?: string): Promise<StoredMessage>;
  /** Ticks the worker a simulated minute apart until the job is no longer active. */
  runToEnd(jobId: string): Promise<Job>;
  /** The restore modal `user` has open. */
  openView(user: string): StoredView;
  stop(): Promise<void>;
}

export interface SlackHarnessOptions {
  /** Where the bot's log lines go (dropped when left out). */
  log?: Log;
  /** The bot's clock (a manual clock at a fixed date when left out). */
  clock?: ManualClock;
  /** The policy (policy.example.yml when left out). */
  policy?: Policy;
}

/**
 * The bot as it runs on Lambda (processBeforeResponse, the same Express app), served over real
 * HTTP, with the Slack stand-in sending signed requests and answering its Web API calls, the
 * simulated account behind the real drivers, and the job table on dynalite.
 */
export async function startSlackHarness(options: SlackHarnessOptions = {}): Promise<SlackHarness> {
  const clock = options.clock ?? new ManualClock();
  const sim = createSimulatedAws({ clock });
  seedDemoAccounts(sim);
  const dynamo = await startEmbeddedDynamoDb();
  // Slack signs with real time and the bot judges it on its one clock: here both are the manual clock.
  const standIn = new SlackStandIn({ botToken: TOKEN, signingSecret: SIGNING_SECRET, signingClock: clock });
  const { url: slackUrl } = await standIn.start();
  const composition = await compose({
    env: parseEnv({}),
    policy: options.policy ?? examplePolicy(),
    jobTable: { client: dynamo.client, tableName: 'restore-jobs', create: true },
    clock,
    awsPluginsFor: simulatedPlugins(sim),
    runtime: 'lambda',
    slack: { token: TOKEN, signingSecret: SIGNING_SECRET, apiUrl: `${slackUrl}/api/` },
    log: options.log ?? (() => undefined),
  });
  // The token check's log line comes before any test's own.
  await composition.slack?.tokenCheck.done;
  const receiver = composition.slack?.receiver;
  if (!receiver) throw new Error('no receiver');
  const server: Server = createServer(receiver.app as unknown as RequestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const botUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  standIn.setBotUrl(botUrl);

  const eventually = async <T>(check: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> => {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const value = await check();
      if (value !== undefined && value !== false) return value;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`gave up waiting for ${what}`);
  };
  const cardOf = async (jobId: string, channel = CHANNEL) => {
    const state = await eventually(
      async () => (await composition.cardStates.load([jobId])).get(jobId),
      `card of ${jobId}`,
    );
    return eventually(() => standIn.message(channel, state.messageTs), `message ${state.messageTs}`);
  };
  return {
    standIn,
    composition,
    clock,
    sim,
    botUrl,
    eventually,
    cardOf,
    async runToEnd(jobId) {
      for (let tick = 0; tick < 200; tick += 1) {
        await composition.worker.tick();
        const job = await composition.store.get(jobId);
        if (job && job.status !== 'running' && job.status !== 'awaiting_approval') return job;
        clock.advance(60_000);
      }
      throw new Error(`job ${jobId} did not finish`);
    },
    openView(user) {
      const [view] = standIn.openViews(user);
      if (!view) throw new Error(`${user} has no open view`);
      return view;
    },
    async stop() {
      composition.slack?.tokenCheck.stop();
      await composition.idle();
      await new Promise((resolve) => server.close(resolve));
      await standIn.stop();
      await dynamo.close();
    },
  };
}
