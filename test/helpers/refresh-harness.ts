import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { DocDBClient } from '@aws-sdk/client-docdb';
import { RDSClient } from '@aws-sdk/client-rds';
import { SSMClient } from '@aws-sdk/client-ssm';
import { ACCEPTANCE_REFRESH_PIPELINE } from '../../dev/demo/platform.js';
import { CodePipelines } from '../../src/aws/refresh/code-pipelines.js';
import { AwsSnapshotCopies } from '../../src/aws/refresh/snapshot-copies.js';
import { SsmParameters } from '../../src/aws/refresh/ssm-parameters.js';
import { nextOccurrence } from '../../src/domain/refresh/cadence.js';
import type { RefreshCycle } from '../../src/domain/refresh/cycle.js';
import { type CycleRun, cycleRunId } from '../../src/domain/refresh/cycle-run.js';
import { RefreshRunner, type RefreshRunnerDeps } from '../../src/jobs/refresh/refresh-runner.js';
import { DynamoDbCycleRuns } from '../../src/jobs/table/cycle-runs.js';
import type { RunningDynalite } from './dynalite.js';
import { createJobHarness, type JobHarness } from './job-harness.js';
import { sampleCycle } from './refresh-cycles.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

export interface RefreshHarness extends JobHarness {
  runs: DynamoDbCycleRuns;
  /** A cycle whose first occurrence is two days after the simulated clock, at 02:00 Amsterdam time. */
  cycleFromNow(overrides?: Partial<RefreshCycle>): RefreshCycle;
  runner(
    cycle: RefreshCycle,
    workerId?: string,
    store?: DynamoDbCycleRuns,
    overrides?: Partial<RefreshRunnerDeps>,
  ): RefreshRunner;
  /** Acceptance's SSM parameters. */
  parameters(): SsmParameters;
  moveTo(instant: Date): void;
  /** The cycle's first occurrence, as it stood when the harness was made (the clock moves on). */
  firstOccurrence(cycle: RefreshCycle): Date;
  runOf(cycle: RefreshCycle): Promise<CycleRun | undefined>;
}

/** The job harness (simulated accounts, job service, workers on dynalite) with the refresh runner beside it. */
export async function createRefreshHarness(dynamo: RunningDynalite): Promise<RefreshHarness> {
  const harness = await createJobHarness(dynamo);
  const { env } = harness;
  const runs = new DynamoDbCycleRuns({ client: dynamo.client, tableName: dynamo.tableName, endedRunRetentionMs: HOUR });
  const acceptance = env.environment('acceptance');
  const parameters = () => new SsmParameters(env.clients.client(SSMClient, acceptance));
  const occurrences = new Map<string, Date>();
  const firstOccurrence = (cycle: RefreshCycle) => {
    const known = occurrences.get(cycle.name) ?? nextOccurrence(cycle, env.clock.now()).at;
    occurrences.set(cycle.name, known);
    return known;
  };
  return {
    ...harness,
    runs,
    cycleFromNow(overrides = {}) {
      const inTwoDays = new Date(env.clock.now().getTime() + 48 * HOUR);
      const anchor = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(inTwoDays);
      return sampleCycle({
        cadence: { everyDays: 14, anchor, at: '02:00', timeZone: 'Europe/Amsterdam' },
        remindBeforeMs: 30 * MINUTE,
        pipeline: { name: ACCEPTANCE_REFRESH_PIPELINE },
        ...overrides,
      });
    },
    runner(cycle, workerId = 'worker-a', store = runs, overrides = {}) {
      return new RefreshRunner({
        cycles: [cycle],
        runs: store,
        policy: env.policy,
        clock: env.clock,
        driverFor: env.driverFor,
        parametersIn: () => parameters(),
        pipelinesIn: () => new CodePipelines(env.clients.client(CodePipelineClient, acceptance), acceptance.region),
        snapshotCopiesIn: () =>
          new AwsSnapshotCopies({
            docdb: () => env.clients.client(DocDBClient, acceptance),
            rds: () => env.clients.client(RDSClient, acceptance),
          }),
        jobs: harness.service,
        workerId,
        ...overrides,
      });
    },
    parameters,
    moveTo(instant) {
      env.clock.advance(instant.getTime() - env.clock.now().getTime());
    },
    firstOccurrence,
    runOf: (cycle) => runs.get(cycleRunId(cycle.name, firstOccurrence(cycle))),
  };
}
