// Worker tick over 1,000 active jobs on the simulated account, with the job table on dynalite.
// Prints describe calls per operation, DynamoDB writes and the tick's wall time, for a tick
// where every job is waiting on AWS (goal: ceil(N/100) describes per kind, environment and
// region; no writes) and for the tick where every restore finishes (one write per job).
import type { Job } from '../src/domain/job/job.js';
import type { DatabaseKind } from '../src/domain/kinds.js';
import { startDynalite } from '../test/helpers/dynalite.js';
import { createJobHarness } from '../test/helpers/job-harness.js';
import { requestFrom } from '../test/helpers/requests.js';
import { APPROVER } from '../test/helpers/simulated-environment.js';
import { printFigure } from './figures.js';

const JOBS = Number(process.env.BENCH_JOBS ?? 1_000);
const SOURCES: [DatabaseKind, string][] = [
  ['rds-instance', 'orders-db'],
  ['aurora-cluster', 'orders'],
  ['docdb-cluster', 'catalog'],
  ['dynamodb-table', 'carts'],
];

export async function benchWorkerTick(): Promise<void> {
  const dynamo = await startDynalite('bench-jobs');
  const harness = await createJobHarness(dynamo, 'bench');
  let writes = 0;
  dynamo.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (/^(PutItem|UpdateItem|DeleteItem)Command$/.test(context.commandName ?? '')) writes += 1;
      return next(args);
    },
    { step: 'initialize', name: 'countWrites' },
  );

  const jobs: Job[] = [];
  for (let index = 0; index < JOBS; index += 1) {
    const [kind, source] = SOURCES[index % SOURCES.length] as [DatabaseKind, string];
    const request = requestFrom(
      { kind, source, target: `${source}-bench-${index}`, at: '1h ago' },
      harness.env.clock.now(),
    );
    const job = await harness.service.request(request);
    jobs.push(await harness.service.approve(job.id, { userId: APPROVER, userGroupIds: [] }));
  }
  const worker = harness.worker('bench-worker');
  await worker.tick(); // starts every restore
  harness.env.clock.advance(60_000);

  for (const [label, advanceMs] of [
    ['waiting', 0],
    ['finishing', 60 * 60_000],
  ] as const) {
    harness.env.clock.advance(advanceMs);
    const callsBefore = harness.env.sim.calls.length;
    writes = 0;
    const started = performance.now();
    const report = await worker.tick();
    const ms = performance.now() - started;
    const calls = harness.env.sim.calls.slice(callsBefore).filter((call) => call.operation.startsWith('Describe'));
    const prefix = label === 'waiting' ? 'worker_tick' : 'worker_tick.finishing';
    printFigure(`${prefix}.jobs`, report.active, 'jobs');
    printFigure(`${prefix}.describe_calls`, calls.length, 'calls');
    const byOperation = new Map<string, number>();
    for (const call of calls)
      byOperation.set(
        `${call.service}.${call.operation}`,
        (byOperation.get(`${call.service}.${call.operation}`) ?? 0) + 1,
      );
    for (const [operation, count] of [...byOperation].sort())
      printFigure(`${prefix}.describe_calls.${operation}`, count, 'calls');
    printFigure(`${prefix}.dynamodb_writes`, writes, 'writes');
    printFigure(`${prefix}.changed_jobs`, report.changed, 'jobs');
    printFigure(`${prefix}.ms`, Math.round(ms), 'ms');
  }
  await dynamo.close();
}
