// A full DR run per path on the simulated account with AWS's realistic durations (DEFAULT_DURATIONS:
// a 20-minute instance restore, 15 minutes for a cluster and 10 for its writer, a 2-minute global
// failover, a minute for Route 53 to be INSYNC), approvals given the moment they are asked. Each runs
// twice: with the worker's one-minute tick (as deployed) and with a tick every IDEAL_TICK_S, which is
// as good as watching AWS continuously. The difference is what the bot adds to the RTO.
import { approveRecovery, approveSwitch, type DrRun } from '../src/domain/dr/dr-run.js';
import type { DatabaseKind } from '../src/domain/kinds.js';
import { APPROVER, createDrHarness } from '../test/helpers/dr-harness.js';
import { printFigure } from './figures.js';

const TICK_S = 60;
const IDEAL_TICK_S = 2;
const PATHS: [string, DatabaseKind, string][] = [
  ['replicated_backups', 'rds-instance', 'orders-db'],
  ['snapshot_copy', 'aurora-cluster', 'orders'],
  ['global_failover', 'aurora-cluster', 'inventory'],
  ['docdb_snapshot_copy', 'docdb-cluster', 'catalog'],
  ['point_in_time', 'dynamodb-table', 'orders-events'],
];

/**
 * Seconds from the first approval to the switch, ticking every `tickS` simulated seconds; `deployed`
 * is the Lambda worker's tick: the jobs, the DR runs, then the close looks at a run waiting on AWS.
 */
async function secondsToSwitch(kind: DatabaseKind, source: string, tickS: number, deployed = false): Promise<number> {
  const harness = await createDrHarness();
  try {
    const plan = harness.core.policy.disasterRecovery?.environments.production;
    const dr = await harness.core.drServices?.();
    if (!plan || !dr) throw new Error('the example policy has no DR plan');
    const decide = async (run: DrRun, transition: typeof approveRecovery) => {
      await harness.runs.save(transition(run, plan, APPROVER, harness.clock.now()));
      await harness.core.kicker.kick(run.id);
      await harness.core.idle();
    };
    const asked = await harness.ask(kind, source);
    const approvedAt = harness.clock.now().getTime();
    await decide(asked, approveRecovery);
    let nextTickAt = harness.clock.now().getTime();
    for (let tick = 0; tick < (4 * 3600) / tickS; tick += 1) {
      const run = await harness.run(asked.id);
      if (run.phase === 'switched') {
        const switchedAt = run.timeline.find((entry) => entry.event === 'switched')?.at.getTime() ?? 0;
        return (switchedAt - approvedAt) / 1000;
      }
      if (run.phase === 'failed') throw new Error(`DR run of ${source} failed: ${run.outcome}`);
      if (run.phase === 'awaiting-switch') await decide(run, approveSwitch);
      // The next scheduled tick, a tick after the last began (whatever its close looks took).
      nextTickAt += tickS * 1000;
      harness.clock.advance(Math.max(0, nextTickAt - harness.clock.now().getTime()));
      await harness.core.worker.tick();
      await dr.runner.tick();
      if (deployed) await dr.runner.followClosely();
      await harness.core.idle();
    }
    throw new Error(`DR run of ${source} did not switch within 4 hours`);
  } finally {
    await harness.stop();
  }
}

export async function benchDr(): Promise<void> {
  let worst = 0;
  for (const [name, kind, source] of PATHS) {
    const ideal = await secondsToSwitch(kind, source, IDEAL_TICK_S);
    const deployed = await secondsToSwitch(kind, source, TICK_S, true);
    const overhead = Math.max(0, deployed - ideal);
    worst = Math.max(worst, overhead);
    printFigure(`dr.${name}.aws_s`, Math.round(ideal), 's');
    printFigure(`dr.${name}.rto_s`, Math.round(deployed), 's');
    printFigure(`dr.${name}.orchestration_overhead_s`, Math.round(overhead), 's');
  }
  printFigure('dr.orchestration_overhead_s', Math.round(worst), 's');
  printFigure('dr.orchestration_overhead_ticks', Math.round((worst / TICK_S) * 10) / 10, 'ticks');
}
