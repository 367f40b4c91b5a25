import { createSimulatedAws, type SimulatedAws } from '@db-restore-bot/aws-simulator';
import { simulatedPlugins } from '../../dev/aws.js';
import { seedDemoAccounts } from '../../dev/demo/accounts.js';
import { startEmbeddedDynamoDb } from '../../dev/embedded-dynamodb.js';
import { parseEnv } from '../../src/config/env.js';
import type { DrRun } from '../../src/domain/dr/dr-run.js';
import type { DatabaseKind } from '../../src/domain/kinds.js';
import type { Policy } from '../../src/domain/policy.js';
import type { DrRunRepository } from '../../src/domain/ports/dr-runs.js';
import { type CoreComposition, composeCore } from '../../src/entrypoints/core-composition.js';
import { type DrAsk, requestDrRun } from '../../src/jobs/dr/dr-requests.js';
import { ManualClock } from './manual-clock.js';
import { examplePolicy } from './simulated-environment.js';

export const INCIDENT = { id: 'C0INCORDERS', name: 'inc-orders-outage' };
export const ONCALL = { userId: 'U0ONCALL', userGroupIds: [] };
export const APPROVER = { userId: 'U0APPROVER', userGroupIds: ['S0PLATFORM'] };

export interface DrHarness {
  core: CoreComposition;
  /** The DR runs' store, as the runner and the buttons use it. */
  runs: DrRunRepository;
  clock: ManualClock;
  sim: SimulatedAws;
  /** A DR run (or drill) as on-call asks for it in the incident channel, declared an hour ago. */
  ask(kind: DatabaseKind, source: string, options?: Partial<DrAsk>): Promise<DrRun>;
  /** The worker's tick (jobs, then DR runs), a simulated minute later, until `done` or `ticks` run out. */
  tickUntil(runId: string, done: (run: DrRun) => boolean, ticks?: number): Promise<DrRun>;
  run(runId: string): Promise<DrRun>;
  stop(): Promise<void>;
}

/** The core composition (no Slack) on the seeded demo accounts, with the job table on dynalite and a manual clock. */
export async function createDrHarness(options: { policy?: Policy; clock?: ManualClock } = {}): Promise<DrHarness> {
  const clock = options.clock ?? new ManualClock();
  const sim = createSimulatedAws({ clock });
  seedDemoAccounts(sim);
  const dynamo = await startEmbeddedDynamoDb();
  const core = await composeCore({
    env: parseEnv({}),
    policy: options.policy ?? examplePolicy(),
    jobTable: { client: dynamo.client, tableName: 'restore-jobs', create: true },
    clock,
    awsPluginsFor: simulatedPlugins(sim),
    runtime: 'local',
    // The runner's close looks wait on the manual clock: each moves it on instead of sleeping.
    drSleep: async (ms) => clock.advance(ms),
    log: () => undefined,
  });
  const disasterRecovery = core.policy.disasterRecovery;
  const dr = await core.drServices?.();
  if (!disasterRecovery || !dr) throw new Error('the policy has no disasterRecovery');
  const probeFor = dr.probeFor;
  const run = async (runId: string) => {
    const found = await dr.runs.get(runId);
    if (!found) throw new Error(`no DR run ${runId}`);
    return found;
  };
  return {
    core,
    runs: dr.runs,
    clock,
    sim,
    ask: (kind, source, overrides = {}) =>
      requestDrRun(
        { policy: core.policy, disasterRecovery, clock, runs: dr.runs, probeFor },
        {
          drill: false,
          kind,
          source,
          channel: INCIDENT,
          declaredAt: new Date(clock.now().getTime() - 3_600_000),
          principal: ONCALL,
          ...overrides,
        },
      ),
    async tickUntil(runId, done, ticks = 120) {
      for (let tick = 0; tick < ticks; tick += 1) {
        await core.idle();
        const current = await run(runId);
        if (done(current)) return current;
        clock.advance(60_000);
        await core.worker.tick();
        await dr.runner.tick();
      }
      throw new Error(`DR run ${runId} did not get there in ${ticks} ticks: ${JSON.stringify(await run(runId))}`);
    },
    run,
    stop: async () => {
      await core.idle();
      await dynamo.close();
    },
  };
}
