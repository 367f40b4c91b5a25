import type { WebClient } from '@slack/web-api';
import type { AwsClientFactory, AwsEnvironment } from '../aws/clients.js';
import { drAdaptersFor, recoveryProbeFor } from '../aws/dr/index.js';
import { parametersIn } from '../aws/refresh/index.js';
import type { DisasterRecoveryPolicy } from '../domain/dr/dr-schema.js';
import type { DatabaseKind } from '../domain/kinds.js';
import type { Policy } from '../domain/policy.js';
import type { CardStates } from '../domain/ports/card-states.js';
import type { Clock } from '../domain/ports/clock.js';
import type { DatabaseDriver } from '../domain/ports/database-driver.js';
import type { DrRunRepository } from '../domain/ports/dr-runs.js';
import type { RecoveryProbe } from '../domain/ports/recovery.js';
import { requestScheduledDrill, scheduledDrillRunId } from '../jobs/dr/dr-requests.js';
import { type DrAdapters, DrRunner } from '../jobs/dr/dr-runner.js';
import { type EnvironmentReadiness, readinessReport } from '../jobs/dr/readiness-report.js';
import type { JobService } from '../jobs/job-service.js';
import { DynamoDbDrRuns } from '../jobs/table/dr-runs.js';
import type { JobTableOptions } from '../jobs/table/keys.js';
import { DrCards } from '../slack/dr-cards.js';
import type { Log } from './log.js';

export interface DrCompositionDeps {
  policy: Policy;
  disasterRecovery: DisasterRecoveryPolicy;
  clock: Clock;
  clients: AwsClientFactory;
  awsEnvironment(name: string): AwsEnvironment;
  driverFor(kind: DatabaseKind, environment: string): DatabaseDriver;
  /** Where DR runs are kept: the job table, beside the jobs. */
  jobTable: JobTableOptions;
  endedRunRetentionMs: number;
  service: JobService;
  cardStates: CardStates;
  slackClient?: WebClient;
  workerId: string;
  /** The worker's `advance`, for following a DR run's restore job closely. */
  advanceJob(jobId: string): Promise<unknown>;
  /** Waits between close looks: real timers unless a test moves its own clock. */
  sleep?(ms: number): Promise<void>;
  log: Log;
}

/** Disaster recovery's services: the runner (the worker's), the cards, readiness and the probe a request reads. */
export interface DrServices {
  runs: DrRunRepository;
  runner: DrRunner;
  cards?: DrCards;
  readiness(): Promise<EnvironmentReadiness[]>;
  probeFor(environment: string): RecoveryProbe;
}

/**
 * Wires disaster recovery. The core composition imports this module on first use (a DR command, a
 * DR button, the worker's tick): a Slack cold start that asks nothing of DR does not load it.
 */
export function composeDr(deps: DrCompositionDeps): DrServices {
  const { disasterRecovery, clients, awsEnvironment, driverFor } = deps;
  const runs = new DynamoDbDrRuns({ ...deps.jobTable, endedRunRetentionMs: deps.endedRunRetentionMs });
  const drEnvironmentOf = (name: string) => disasterRecovery.environments[name]?.drEnvironment ?? '';
  const probeFor = (name: string) =>
    recoveryProbeFor(
      clients,
      { primary: awsEnvironment(name), dr: awsEnvironment(drEnvironmentOf(name)) },
      (kind, side) => driverFor(kind, side === 'primary' ? name : drEnvironmentOf(name)),
    );
  const adapters = new Map<string, DrAdapters>();
  const adaptersFor = (name: string): DrAdapters => {
    const known = adapters.get(name);
    if (known) return known;
    const dr = awsEnvironment(drEnvironmentOf(name));
    const made = { parameters: parametersIn(clients, dr), ...drAdaptersFor(clients, dr), probe: probeFor(name) };
    adapters.set(name, made);
    return made;
  };
  const cards = deps.slackClient
    ? new DrCards({
        client: deps.slackClient,
        cardStates: deps.cardStates,
        clock: deps.clock,
        disasterRecovery,
        log: deps.log,
      })
    : undefined;
  const requestDeps = { policy: deps.policy, disasterRecovery, clock: deps.clock, runs, probeFor };
  const runner = new DrRunner({
    runs,
    disasterRecovery,
    clock: deps.clock,
    adaptersFor,
    jobs: deps.service,
    workerId: deps.workerId,
    advanceJob: deps.advanceJob,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    log: deps.log,
    ...(cards ? { runChanged: (run) => cards.runChanged(run) } : {}),
    drills: {
      schedules: disasterRecovery.drills,
      request: (drill, database, occurrence) => requestScheduledDrill(requestDeps, drill, database, occurrence),
      report: async (drill, database, occurrence, problem) => {
        await cards?.reportDrillProblem(scheduledDrillRunId(drill, database, occurrence), drill.channel, problem);
      },
    },
  });
  return {
    runs,
    runner,
    ...(cards ? { cards } : {}),
    readiness: () =>
      readinessReport({ disasterRecovery, environments: deps.policy.environments, clock: deps.clock, probeFor }),
    probeFor,
  };
}
