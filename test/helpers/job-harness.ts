import { isActive, type Job } from '../../src/domain/job/job.js';
import { type Policy, policyDuration } from '../../src/domain/policy.js';
import type { CardStates } from '../../src/domain/ports/card-states.js';
import type { DurationHistory } from '../../src/domain/ports/duration-history.js';
import type { JobRepository } from '../../src/domain/ports/job-repository.js';
import { JobService } from '../../src/jobs/job-service.js';
import { createJobTableStores } from '../../src/jobs/table/job-table-stores.js';
import { Worker } from '../../src/jobs/worker.js';
import type { RunningDynalite } from './dynalite.js';
import { ManualScheduler } from './manual-scheduler.js';
import { RecordingKicker, RecordingNotifier } from './recorders.js';
import { createSimulatedEnvironment, examplePolicy, type SimulatedEnvironment } from './simulated-environment.js';

const MINUTE = 60_000;
let counter = 0;

export interface JobHarness {
  env: SimulatedEnvironment;
  store: JobRepository;
  cardStates: CardStates;
  durations: DurationHistory;
  service: JobService;
  notifier: RecordingNotifier;
  kicker: RecordingKicker;
  /** Times the workers' lease renewals on the simulated clock: they run only in `scheduler.advance`. */
  scheduler: ManualScheduler;
  worker(id?: string, store?: JobRepository): Worker;
  /** Ticks the workers together, a minute of simulated time apart, until every job named is finished. */
  runUntilFinished(jobIds: string[], workers?: Worker[], maxTicks?: number): Promise<Job[]>;
}

/**
 * The simulated account, the real drivers, the job store on dynalite, the job service and
 * workers: everything but Slack. Each harness uses its own table, so tests do not meet.
 */
export async function createJobHarness(
  dynamo: RunningDynalite,
  tableSuffix = `${++counter}`,
  policy: Policy = examplePolicy(),
): Promise<JobHarness> {
  const env = createSimulatedEnvironment(policy);
  const tableName = `${dynamo.tableName}-${tableSuffix}`;
  const { ensureJobTable } = await import('../../src/jobs/job-table.js');
  await ensureJobTable(dynamo.client, tableName);
  const {
    jobs: store,
    cardStates,
    durations,
  } = createJobTableStores({ client: dynamo.client, tableName, finishedJobRetentionMs: 7 * 86_400_000 });
  const notifier = new RecordingNotifier();
  const kicker = new RecordingKicker();
  let jobNumber = 0;
  const service = new JobService({
    store,
    durations,
    planner: env.plannerDeps,
    kicker,
    newJobId: () => `job${tableSuffix.replace(/[^a-z0-9]/g, '')}x${++jobNumber}`,
  });
  const scheduler = new ManualScheduler(env.clock);
  const worker = (id = 'worker-1', workerStore: JobRepository = store) =>
    new Worker({
      store: workerStore,
      durations,
      clock: env.clock,
      driverFor: env.driverFor,
      notifier,
      workerId: id,
      scheduler,
      failedCopyGraceMs: policyDuration(env.policy.failedCopyGracePeriod),
    });
  return {
    env,
    store,
    cardStates,
    durations,
    service,
    notifier,
    kicker,
    scheduler,
    worker,
    async runUntilFinished(jobIds, workers = [worker()], maxTicks = 400) {
      for (let tick = 0; tick < maxTicks; tick += 1) {
        await Promise.all(workers.map((each) => each.tick()));
        const jobs = await Promise.all(jobIds.map((id) => store.get(id)));
        if (jobs.every((job) => job && !isActive(job.status))) return jobs as Job[];
        env.clock.advance(MINUTE);
      }
      throw new Error(`jobs ${jobIds.join(', ')} did not finish in ${maxTicks} ticks`);
    },
  };
}
