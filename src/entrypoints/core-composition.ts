import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { WebClient } from '@slack/web-api';
import { AwsClientFactory, type AwsClientFactoryOptions, type AwsEnvironment, readOnly } from '../aws/clients.js';
import { parametersIn, pipelinesIn, snapshotCopiesIn } from '../aws/refresh/index.js';
import type { Env } from '../config/env.js';
import type { DatabaseKind } from '../domain/kinds.js';
import { type Policy, policyDuration } from '../domain/policy.js';
import type { CardStates } from '../domain/ports/card-states.js';
import type { Clock } from '../domain/ports/clock.js';
import { systemClock } from '../domain/ports/clock.js';
import type { CycleRunRepository } from '../domain/ports/cycle-runs.js';
import type { DatabaseDriver } from '../domain/ports/database-driver.js';
import type { DurationHistory } from '../domain/ports/duration-history.js';
import type { JobRepository } from '../domain/ports/job-repository.js';
import type { Kicker } from '../domain/ports/kicker.js';
import type { Notifier } from '../domain/ports/notifier.js';
import { type RefreshCycle, refreshCyclesOf } from '../domain/refresh/cycle.js';
import { createDriver } from '../drivers/index.js';
import { isDrRunId } from '../jobs/dr/dr-run-id.js';
import { newJobId } from '../jobs/job-id.js';
import { JobService } from '../jobs/job-service.js';
import { ensureJobTable } from '../jobs/job-table.js';
import { createInProcessKicker } from '../jobs/kickers.js';
import { RefreshRunner } from '../jobs/refresh/refresh-runner.js';
import { createJobTableStores } from '../jobs/table/job-table-stores.js';
import { Worker } from '../jobs/worker.js';
import { HomeTabs } from '../slack/home-tabs.js';
import { RefreshCards } from '../slack/refresh-cards.js';
import { SlackCards } from '../slack/slack-cards.js';
import { UserDirectory } from '../slack/user-directory.js';
import { createSlackWebClient } from '../slack/web-client.js';
import { memoizeSuccess } from '../util/memoize-success.js';
import type { BackoffSchedule } from '../util/retry-in-background.js';
import type { DrServices } from './dr-composition.js';
import { createLog, type Log } from './log.js';

export type { Log } from './log.js';

/** The job table: a real one in AWS, or any DynamoDB API (the embedded dynalite) locally and in tests. */
export interface JobTable {
  client: DynamoDBClient;
  tableName: string;
  /** Create the table when missing (embedded stores; in AWS CloudFormation owns it). */
  create: boolean;
}

export interface CompositionOptions {
  env: Env;
  policy: Policy;
  jobTable: JobTable;
  /**
   * Overrides the clock (tests); otherwise real time, also in the local run on the simulated account,
   * whose operations are sped up instead: approval windows, leases, expiries and every time on a card
   * stay the policy's and the wall's, and never jump back across a restart.
   */
  clock?: Clock;
  /**
   * Plugins for every AWS client of an environment: the local run and tests plug the simulated account
   * in here (dev/aws.ts). Left out on Lambda: the clients talk to AWS.
   */
  awsPluginsFor?: AwsClientFactoryOptions['pluginsFor'];
  /**
   * `read`: assume each environment's read-only reader role (the Slack function on Lambda, which
   * only describes and lists; the worker does every write). `restore` when left out.
   */
  awsAccess?: 'read' | 'restore';
  /** `lambda`: kick by async invoke and answer Slack only after the listener finishes. */
  runtime: 'local' | 'lambda';
  /** Slack credentials: from the environment locally; from SSM on Lambda. */
  /** The signing secret is for the Slack app over HTTP only: the worker posts cards with the token alone. */
  slack?: {
    token: string;
    signingSecret?: string;
    apiUrl?: string;
    socketModeAppToken?: string;
    /** How soon the bot token is checked again while Slack is unreachable (tests shorten it). */
    checkBackoff?: BackoffSchedule;
  };
  /**
   * How a person's change reaches the worker: in process when left out. The Slack function's
   * is an async invoke of the worker function (composition.ts); benchmarks pass their own.
   */
  kicker?: Kicker;
  /** How the DR runner waits between close looks at a run in progress (tests and benchmarks move their clock). */
  drSleep?(ms: number): Promise<void>;
  log?: Log;
}

/**
 * Everything but the Slack app: what the worker function needs. The Slack app (Bolt, Express)
 * is added by composition.ts, so the worker's bundle leaves it out.
 */
export interface CoreComposition {
  clock: Clock;
  policy: Policy;
  store: JobRepository;
  /** What each job's card shows: the notifier's record, beside the jobs in the same table. */
  cardStates: CardStates;
  durations: DurationHistory;
  worker: Worker;
  service: JobService;
  /** The Web API client cards are posted with, when Slack is configured. */
  slackClient?: WebClient;
  /** The job cards the notifier draws, when Slack is configured (the local run reposts them after a restart). */
  cards?: SlackCards;
  /** Who Slack users are to the policy, when Slack is configured: shared by the Home tabs and the listeners. */
  directory?: UserDirectory;
  /** Each person's Home tab, when Slack is configured. */
  homes?: HomeTabs;
  /** The refresh cycles' runs, beside the jobs. */
  cycleRuns: CycleRunRepository;
  /** Drives the policy's refresh cycles on the worker's tick, when the policy has any. */
  refresh?: RefreshRunner;
  /** The policy's refresh cycles, and their runs' cards when Slack is configured. */
  refreshCycles: RefreshCycle[];
  refreshCards?: RefreshCards;
  driverFor(kind: DatabaseKind, environment: string): DatabaseDriver;
  /** Disaster recovery's runner, cards, readiness and probe, loaded on first use, when the policy has disasterRecovery. */
  drServices?(): Promise<DrServices>;
  /** How a change reaches the worker (jobs and DR runs alike). */
  kicker: Kicker;
  log: Log;
  /** Resolves when in-process kicks have finished (tests, shutdown). */
  idle(): Promise<void>;
}

/** Builds and wires the concrete adapters (composition.ts adds the Slack app). */
export async function composeCore(options: CompositionOptions): Promise<CoreComposition> {
  const { env, policy } = options;
  const log: Log = options.log ?? createLog(env.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  const clients = new AwsClientFactory({
    clock,
    ...(options.awsPluginsFor ? { pluginsFor: options.awsPluginsFor } : {}),
  });
  const access = options.awsAccess === 'read' ? readOnly : (environment: AwsEnvironment) => environment;
  const environments = new Map<string, AwsEnvironment>(
    Object.entries(policy.environments).map(([name, environment]) => [name, access({ name, ...environment })]),
  );
  const driverFor = (kind: DatabaseKind, name: string): DatabaseDriver => {
    const environment = environments.get(name);
    if (!environment) throw new Error(`environment ${name} is not in the policy`);
    return createDriver(kind, clients, environment);
  };

  if (options.jobTable.create) await ensureJobTable(options.jobTable.client, options.jobTable.tableName);
  const {
    jobs: store,
    cardStates,
    durations,
    cycleRuns,
  } = createJobTableStores({
    client: options.jobTable.client,
    tableName: options.jobTable.tableName,
    finishedJobRetentionMs: policyDuration(policy.finishedJobRetention),
    log,
  });

  const slackClient = options.slack ? createSlackWebClient(options.slack.token, options.slack.apiUrl) : undefined;
  const cards = slackClient
    ? new SlackCards({
        client: slackClient,
        cardStates,
        clock,
        maxExpiryMs: policyDuration(policy.maxExpiry),
        approversFor: (environment) => policy.environments[environment]?.approvers,
        log,
      })
    : undefined;
  const cycles = refreshCyclesOf(policy);
  // One directory (its caches) for the Home tabs and, through the composition, the Slack app's listeners.
  const directory = slackClient ? new UserDirectory(slackClient, policy, clock) : undefined;
  const homes =
    slackClient && directory
      ? new HomeTabs({
          client: slackClient,
          store,
          policy,
          clock,
          directory,
          maxExpiryMs: policyDuration(policy.maxExpiry),
          refreshCycles: cycles,
          cycleRuns,
          log,
        })
      : undefined;
  const notifier = allOf([cards, homes].filter((one): one is SlackCards | HomeTabs => one !== undefined));
  const workerId = `worker-${process.pid}-${systemClock.now().getTime()}`;
  const awsEnvironment = (name: string): AwsEnvironment => {
    const environment = environments.get(name);
    if (!environment) throw new Error(`environment ${name} is not in the policy`);
    return environment;
  };
  const refreshCards = slackClient ? new RefreshCards({ client: slackClient, cardStates, clock, log }) : undefined;
  const worker = new Worker({
    store,
    durations,
    clock,
    driverFor,
    notifier,
    failedCopyGraceMs: policyDuration(policy.failedCopyGracePeriod),
    workerId,
    log,
  });
  // Bound once the DR services can be made (they need the job service, which needs this kicker).
  let drServices: (() => Promise<DrServices>) | undefined;
  const kicker: Kicker & { idle?(): Promise<void> } =
    options.kicker ??
    createInProcessKicker(
      // One kicker for jobs and DR runs: a DR run's id says it is one.
      (id) =>
        isDrRunId(id) ? (drServices?.().then((dr) => dr.runner.advance(id)) ?? Promise.resolve()) : worker.advance(id),
      (error) => log('kick failed', { error: (error as Error).message }),
    );
  const service = new JobService({ store, durations, planner: { policy, clock, driverFor }, kicker, newJobId });
  // The policy's refresh cycles ride on the worker's tick: one schedule, one claim model, no second clock.
  const refresh =
    cycles.length > 0
      ? new RefreshRunner({
          cycles,
          runs: cycleRuns,
          policy,
          clock,
          driverFor,
          parametersIn: (name) => parametersIn(clients, awsEnvironment(name)),
          pipelinesIn: (name) => pipelinesIn(clients, awsEnvironment(name)),
          snapshotCopiesIn: (name) => snapshotCopiesIn(clients, awsEnvironment(name)),
          jobs: service,
          workerId,
          log,
          ...(refreshCards ? { runChanged: (run, cycle) => refreshCards.runChanged(run, cycle) } : {}),
        })
      : undefined;

  const disasterRecovery = policy.disasterRecovery;
  drServices = disasterRecovery
    ? memoizeSuccess(async () =>
        (await import('./dr-composition.js')).composeDr({
          policy,
          disasterRecovery,
          clock,
          clients,
          awsEnvironment,
          driverFor,
          jobTable: { client: options.jobTable.client, tableName: options.jobTable.tableName },
          endedRunRetentionMs: policyDuration(policy.finishedJobRetention),
          service,
          cardStates,
          ...(slackClient ? { slackClient } : {}),
          workerId,
          advanceJob: (jobId) => worker.advance(jobId),
          ...(options.drSleep ? { sleep: options.drSleep } : {}),
          log,
        }),
      )
    : undefined;

  return {
    clock,
    policy,
    store,
    cardStates,
    durations,
    worker,
    service,
    driverFor,
    log,
    idle: async () => kicker.idle?.(),
    ...(slackClient ? { slackClient } : {}),
    ...(cards ? { cards } : {}),
    ...(directory ? { directory } : {}),
    ...(homes ? { homes } : {}),
    ...(refresh ? { refresh } : {}),
    ...(refreshCards ? { refreshCards } : {}),
    ...(drServices ? { drServices } : {}),
    kicker,
    refreshCycles: cycles,
    cycleRuns,
  };
}

/** The cards and the Home tabs both hear of each change; a card's failure is the worker's to log. */
function allOf(notifiers: readonly Notifier[]): Notifier {
  return {
    jobChanged: async (job) => {
      await Promise.all(notifiers.map((notifier) => notifier.jobChanged(job)));
    },
    sync: async (jobs) => {
      await Promise.all(notifiers.map((notifier) => notifier.sync(jobs)));
    },
  };
}

/** A DynamoDB client for the real job table (the SDK's standard configuration). */
export function realJobTable(tableName: string): JobTable {
  return { client: new DynamoDBClient({}), tableName, create: false };
}
