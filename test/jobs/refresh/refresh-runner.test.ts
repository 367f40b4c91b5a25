import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCEPTANCE_REFRESH_PIPELINE } from '../../../dev/demo/platform.js';
import { CodePipelines } from '../../../src/aws/refresh/code-pipelines.js';
import type { Pipelines } from '../../../src/domain/ports/refresh.js';
import type { RefreshCycle } from '../../../src/domain/refresh/cycle.js';
import { type CycleRun, cycleRunId, skipRun } from '../../../src/domain/refresh/cycle-run.js';
import { type RunningDynalite, startDynalite } from '../../helpers/dynalite.js';
import { CATALOG_REFRESH, ORDERS_REFRESH } from '../../helpers/refresh-cycles.js';
import { createRefreshHarness, type RefreshHarness } from '../../helpers/refresh-harness.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

let dynamo: RunningDynalite;
let harness: RefreshHarness;
let env: RefreshHarness['env'];
let runs: RefreshHarness['runs'];

beforeEach(async () => {
  dynamo = await startDynalite();
  harness = await createRefreshHarness(dynamo);
  ({ env, runs } = harness);
});

afterEach(async () => {
  await dynamo.close();
});

const cycleFromNow = (overrides: Partial<RefreshCycle> = {}) => harness.cycleFromNow(overrides);
const runner = (cycle: RefreshCycle, workerId?: string, store?: RefreshHarness['runs']) =>
  harness.runner(cycle, workerId, store);
const parameters = () => harness.parameters();
const moveTo = (instant: Date) => harness.moveTo(instant);
const runOf = (cycle: RefreshCycle) => harness.runOf(cycle);
const nextOccurrenceOf = (cycle: RefreshCycle) => harness.firstOccurrence(cycle);
/** The run is announced (a day ahead), then ticked `ticks` times at its time. */
async function announceThenTickAtItsTime(cycle: RefreshCycle, ticks: number): Promise<void> {
  const occurrence = nextOccurrenceOf(cycle);
  moveTo(new Date(occurrence.getTime() - 23 * HOUR));
  await runner(cycle).tick();
  moveTo(occurrence);
  for (let tick = 0; tick < ticks; tick += 1) await runner(cycle).tick();
}
const starts = () => env.sim.callsOf('StartPipelineExecution').filter((call) => call.outcome === 'ok');
/** The executions the simulated pipeline has, however many starts asked for them. */
const executions = () =>
  env.sim.codePipeline.state.region(env.accounts.acceptance).get(ACCEPTANCE_REFRESH_PIPELINE)?.executions ?? [];

describe('the refresh runner, mode pipeline, on the simulated account', () => {
  it('announces a day ahead, reminds, starts the pipeline once at its time, writes current, and reports', async () => {
    const cycle = cycleFromNow();
    const occurrence = nextOccurrenceOf(cycle);
    const a = runner(cycle, 'worker-a');
    const b = runner(cycle, 'worker-b');

    await Promise.all([a.tick(), b.tick()]);
    expect(await runOf(cycle)).toBeUndefined();

    moveTo(new Date(occurrence.getTime() - 24 * HOUR + MINUTE));
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.tick(), b.tick()]);
    const announced = await runOf(cycle);
    expect(announced?.phase).toBe('announced');
    const snapshot = announced?.databases[0]?.snapshotId;
    expect(snapshot).toMatch(/cluster-snapshot:orders-share-/);
    expect(await parameters().get('aurora_latest_snapshot_id')).toBe(snapshot);
    expect(await parameters().get('aurora_current_snapshot_id')).toBeUndefined();

    moveTo(new Date(occurrence.getTime() - 20 * MINUTE));
    await Promise.all([a.tick(), b.tick()]);
    expect((await runOf(cycle))?.reminded).toBe(true);

    moveTo(occurrence);
    for (let tick = 0; tick < 3; tick += 1) {
      await Promise.all([a.tick(), b.tick()]);
      env.clock.advance(MINUTE);
    }
    const running = await runOf(cycle);
    expect(running?.phase).toBe('running');
    expect(running?.currentWritten).toBe(true);
    expect(await parameters().get('aurora_current_snapshot_id')).toBe(snapshot);
    expect(starts()).toHaveLength(1);
    expect(executions()).toHaveLength(1);

    env.clock.advance(11 * MINUTE);
    await Promise.all([a.tick(), b.tick()]);
    const done = await runOf(cycle);
    expect(done?.phase).toBe('succeeded');
    expect(done?.outcome).toContain(`/executions/${running?.pipelineExecutionId}/`);
  });

  it('starts nothing when an approver skipped the run', async () => {
    const cycle = cycleFromNow();
    const occurrence = nextOccurrenceOf(cycle);
    moveTo(new Date(occurrence.getTime() - 23 * HOUR));
    await runner(cycle).tick();
    const run = (await runOf(cycle)) as CycleRun;
    await runs.save(
      skipRun(run, {
        cycle,
        principal: { userId: 'U0APPROVER', userGroupIds: [] },
        approversOf: (environment) => env.policy.environments[environment]?.approvers,
        now: env.clock.now(),
      }),
    );
    moveTo(new Date(occurrence.getTime() + MINUTE));
    await runner(cycle).tick();
    expect((await runOf(cycle))?.phase).toBe('skipped');
    expect(starts()).toHaveLength(0);
    expect(await parameters().get('aurora_current_snapshot_id')).toBeUndefined();
  });

  it('skips a run with nothing new, leaving the pipeline alone', async () => {
    const cycle = cycleFromNow();
    const occurrence = nextOccurrenceOf(cycle);
    moveTo(new Date(occurrence.getTime() - 23 * HOUR));
    await runner(cycle).tick();
    const snapshot = (await runOf(cycle))?.databases[0]?.snapshotId ?? '';
    // Acceptance already runs on it: a second run of the same cycle finds nothing new.
    await parameters().put('aurora_current_snapshot_id', snapshot);
    const second = { ...cycle, name: 'second-refresh' };
    await runner(second).tick();
    moveTo(new Date(occurrence.getTime() + MINUTE));
    await runner(second).tick();
    const run = await runs.get(cycleRunId('second-refresh', occurrence));
    expect(run).toMatchObject({ phase: 'skipped', outcome: 'nothing new since the last refresh' });
    expect(starts()).toHaveLength(0);
  });

  it('resumes after a worker dies between starting the pipeline and saving, with one execution', async () => {
    const cycle = cycleFromNow();
    const occurrence = nextOccurrenceOf(cycle);
    moveTo(new Date(occurrence.getTime() - 23 * HOUR));
    await runner(cycle).tick();
    moveTo(occurrence);
    await runner(cycle).tick(); // running
    let dying = true;
    const crashing = Object.create(runs) as RefreshHarness['runs'];
    crashing.save = async (run) => {
      if (dying && run.pipelineExecutionId) {
        dying = false;
        throw new Error('worker killed');
      }
      return runs.save(run);
    };
    await runner(cycle, 'worker-a', crashing).tick();
    expect((await runOf(cycle))?.pipelineExecutionId).toBeUndefined();
    env.clock.advance(46_000);
    await runner(cycle, 'worker-b').tick();
    const resumed = await runOf(cycle);
    expect(resumed?.pipelineExecutionId).toBeDefined();
    // The start was sent twice, with the run's token: CodePipeline made one execution.
    expect(starts()).toHaveLength(2);
    expect(executions()).toHaveLength(1);
  });

  it('fails the run with the execution link when the pipeline fails', async () => {
    const cycle = cycleFromNow();
    const occurrence = nextOccurrenceOf(cycle);
    env.sim.codePipeline.failNextExecution(env.accounts.acceptance, ACCEPTANCE_REFRESH_PIPELINE);
    moveTo(new Date(occurrence.getTime() - 23 * HOUR));
    await runner(cycle).tick();
    moveTo(occurrence);
    for (let tick = 0; tick < 2; tick += 1) await runner(cycle).tick();
    env.clock.advance(11 * MINUTE);
    await runner(cycle).tick();
    const run = await runOf(cycle);
    expect(run?.phase).toBe('failed');
    expect(run?.outcome).toMatch(/pipeline acceptance-refresh failed \(Simulated failure in stage Deploy\): https:/);
  });

  it('fails the run when a newer execution supersedes its own, with the link', async () => {
    const cycle = cycleFromNow();
    // CodePipeline's own execution, as the simulated account runs it, then superseded by another.
    const real = new CodePipelines(
      env.clients.client(CodePipelineClient, env.environment('acceptance')),
      env.environment('acceptance').region,
    );
    const superseding: Pipelines = {
      start: (name, options) => real.start(name, options),
      execution: async (name, executionId) => ({ ...(await real.execution(name, executionId)), status: 'Superseded' }),
    };
    const occurrence = nextOccurrenceOf(cycle);
    moveTo(new Date(occurrence.getTime() - 23 * HOUR));
    await runner(cycle).tick();
    moveTo(occurrence);
    for (let tick = 0; tick < 3; tick += 1) {
      await harness.runner(cycle, 'worker-a', runs, { pipelinesIn: () => superseding }).tick();
    }
    const run = await runOf(cycle);
    expect(run?.phase).toBe('failed');
    expect(run?.outcome).toMatch(/^pipeline acceptance-refresh superseded: https:\/\/.*\/executions\//);
  });

  it('fails clearly, leaving current alone, when the pipeline refuses a variable it does not declare', async () => {
    env.sim.codePipeline.addPipeline(env.accounts.acceptance, 'declares-nothing', { variableNames: [] });
    const cycle = cycleFromNow({
      pipeline: { name: 'declares-nothing' },
      databases: [{ ...ORDERS_REFRESH, pipelineVariable: 'AURORA_SNAPSHOT_ID' }],
    });
    await announceThenTickAtItsTime(cycle, 2);
    expect(await runOf(cycle)).toMatchObject({
      phase: 'failed',
      outcome:
        "pipeline declares-nothing did not start: Variable 'AURORA_SNAPSHOT_ID' is not declared in pipeline 'declares-nothing'",
    });
    expect(await parameters().get('aurora_current_snapshot_id')).toBeUndefined();
  });

  it('fails clearly when the parameter naming the pipeline is missing, and leaves current alone', async () => {
    const cycle = cycleFromNow({ pipeline: { nameParameter: 'unset_cicd_name' } });
    await announceThenTickAtItsTime(cycle, 2);
    expect(await runOf(cycle)).toMatchObject({
      phase: 'failed',
      outcome: 'the parameter unset_cicd_name that names the pipeline is missing',
    });
    expect(await parameters().get('aurora_current_snapshot_id')).toBeUndefined();
    expect(starts()).toHaveLength(0);
  });

  it('fails without starting anything when a database has no snapshot to restore', async () => {
    const cycle = cycleFromNow();
    const broken = { ...cycle, databases: [{ ...cycle.databases[0], engine: 'aurora-mysql' }] } as RefreshCycle;
    const occurrence = nextOccurrenceOf(broken);
    moveTo(new Date(occurrence.getTime() - 23 * HOUR));
    await runner(broken).tick();
    moveTo(occurrence);
    await runner(broken).tick();
    const run = await runOf(broken);
    expect(run?.phase).toBe('failed');
    expect(run?.outcome).toMatch(
      /^orders-acc: the newest shared snapshot, .* is of aurora-postgresql, not aurora-mysql/,
    );
    expect(starts()).toHaveLength(0);
  });

  it("copies DocumentDB's shared snapshot into acceptance with its key once, waits for it, and promotes the copy", async () => {
    const cycle = cycleFromNow({ databases: [CATALOG_REFRESH] });
    const occurrence = nextOccurrenceOf(cycle);
    moveTo(new Date(occurrence.getTime() - 23 * HOUR));
    await Promise.all([runner(cycle, 'worker-a').tick(), runner(cycle, 'worker-b').tick()]);
    await Promise.all([runner(cycle, 'worker-a').tick(), runner(cycle, 'worker-b').tick()]);

    const copying = await runOf(cycle);
    expect(copying?.phase).toBe('discovering');
    const [pick] = copying?.databases ?? [];
    expect(pick?.copying).toMatch(/^catalog-share-.*-refresh-copy$/);
    expect(pick?.copiedFrom).toMatch(/^arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:catalog-share-/);
    const copies = env.sim.callsOf('CopyDBClusterSnapshot');
    expect(copies.filter((call) => call.outcome === 'ok')).toHaveLength(1);
    const acceptanceKey = env.policy.environments.acceptance?.restoreDefaults?.['docdb-cluster']?.kmsKeyId;
    expect(copies[0]?.input).toMatchObject({
      TargetDBClusterSnapshotIdentifier: pick?.copying,
      KmsKeyId: acceptanceKey,
    });
    expect(await parameters().get('documentdb_latest_snapshot_id')).toBeUndefined();

    env.clock.advance(6 * MINUTE);
    await runner(cycle).tick();
    const announced = await runOf(cycle);
    expect(announced?.phase).toBe('announced');
    const copy = `arn:aws:rds:eu-west-1:${env.accounts.acceptance.accountId}:cluster-snapshot:${pick?.copying}`;
    expect(announced?.databases[0]).toMatchObject({ snapshotId: copy, copiedFrom: pick?.copiedFrom });
    expect(await parameters().get('documentdb_latest_snapshot_id')).toBe(copy);

    moveTo(occurrence);
    await runner(cycle).tick();
    await runner(cycle).tick();
    expect(await parameters().get('documentdb_current_snapshot_id')).toBe(copy);
    expect(env.sim.callsOf('CopyDBClusterSnapshot').filter((call) => call.outcome === 'ok')).toHaveLength(1);
  });
});
