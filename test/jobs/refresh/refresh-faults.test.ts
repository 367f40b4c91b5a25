import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCEPTANCE_REFRESH_PIPELINE } from '../../../dev/demo/platform.js';
import { occurrenceAt } from '../../../src/domain/refresh/cadence.js';
import type { RefreshCycle } from '../../../src/domain/refresh/cycle.js';
import { type CyclePhase, type CycleRun, cycleRunId, isEnded } from '../../../src/domain/refresh/cycle-run.js';
import { type RunningDynalite, startDynalite } from '../../helpers/dynalite.js';
import { CATALOG_REFRESH, ORDERS_REFRESH } from '../../helpers/refresh-cycles.js';
import { createRefreshHarness, type RefreshHarness } from '../../helpers/refresh-harness.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;

let dynamo: RunningDynalite;
let harness: RefreshHarness;

beforeEach(async () => {
  dynamo = await startDynalite();
  harness = await createRefreshHarness(dynamo);
});

afterEach(async () => {
  await dynamo.close();
});

const ok = (operation: string) => harness.env.sim.callsOf(operation).filter((call) => call.outcome === 'ok').length;
const executions = () =>
  harness.env.sim.codePipeline.state.region(harness.env.accounts.acceptance).get(ACCEPTANCE_REFRESH_PIPELINE)
    ?.executions ?? [];

/**
 * A store whose first save of a run reaching `phase` fails after the run's AWS work for it was done,
 * as when the worker is killed between the call and the write that records it.
 */
function killedAtPhase(phase: CyclePhase): { runs: RefreshHarness['runs']; killed: () => boolean } {
  let killed = false;
  const runs = Object.create(harness.runs) as RefreshHarness['runs'];
  runs.save = async (run: CycleRun) => {
    const stored = await harness.runs.get(run.id);
    // Discovering and running are saved more than once (a copy made, a job started): the first counts.
    const entering = run.phase === phase && (stored?.phase !== phase || phase === 'running' || phase === 'discovering');
    if (!killed && entering) {
      killed = true;
      throw new Error(`worker killed saving the run ${phase}`);
    }
    return harness.runs.save(run);
  };
  return { runs, killed: () => killed };
}

/** Two workers (on the store that dies once) and a job worker tick a minute apart until the run ends. */
async function runUntilEnded(cycle: RefreshCycle, occurrence: Date, dying: RefreshHarness['runs']): Promise<CycleRun> {
  const runners = [harness.runner(cycle, 'worker-a', dying), harness.runner(cycle, 'worker-b', dying)];
  const jobWorker = harness.worker('job-worker');
  for (let tick = 0; tick < 300; tick += 1) {
    await runners[tick % 2]?.tick();
    await jobWorker.tick();
    const run = await harness.runs.get(cycleRunId(cycle.name, occurrence));
    if (run && isEnded(run)) return run;
    // Announced: on to the reminder, then to the run's time (a day of idle ticks proves nothing).
    const now = harness.env.clock.now().getTime();
    const remindAt = (run?.runAt.getTime() ?? 0) - 20 * MINUTE;
    if (run?.phase === 'announced' && !run.reminded && now < remindAt) harness.moveTo(new Date(remindAt));
    else if (run?.phase === 'announced' && run.reminded && now < run.runAt.getTime()) harness.moveTo(run.runAt);
    else harness.env.clock.advance(MINUTE);
  }
  throw new Error('the run did not end');
}

describe('a refresh run whose worker is killed in each phase', () => {
  it.each(['discovering', 'announced', 'running', 'succeeded'] as const)(
    'mode pipeline, killed saving the run %s: resumes with one copy, one execution and current written',
    async (phase) => {
      const cycle = harness.cycleFromNow({ databases: [ORDERS_REFRESH, CATALOG_REFRESH] });
      const occurrence = harness.firstOccurrence(cycle);
      harness.moveTo(new Date(occurrence.getTime() - 23 * HOUR));
      const { runs, killed } = killedAtPhase(phase);

      const run = await runUntilEnded(cycle, occurrence, runs);

      expect(killed()).toBe(true);
      expect(run.phase).toBe('succeeded');
      expect(ok('CopyDBClusterSnapshot')).toBe(1);
      expect(executions()).toHaveLength(1);
      for (const [index, database] of cycle.databases.entries()) {
        expect(await harness.parameters().get(database.parameters.current)).toBe(run.databases[index]?.snapshotId);
      }
    },
  );

  it.each(['announced', 'running', 'failed'] as const)(
    'mode restore, killed saving the run %s: resumes with one restore per database',
    async (phase) => {
      // The writer of orders-acc's restore is refused once: the run ends failed, so every phase is crossed.
      const cycle = harness.cycleFromNow({ mode: 'restore', databases: [ORDERS_REFRESH, CATALOG_REFRESH] });
      const occurrence = harness.firstOccurrence(cycle);
      harness.moveTo(new Date(occurrence.getTime() - 23 * HOUR));
      const { runs, killed } = killedAtPhase(phase);
      harness.env.sim.faults.failNext('CreateDBInstance', 'InvalidParameterCombination', 'Simulated refusal.');

      const run = await runUntilEnded(cycle, occurrence, runs);

      expect(killed()).toBe(true);
      expect(run.phase).toBe('failed');
      expect(ok('RestoreDBClusterFromSnapshot')).toBe(2);
      expect(run.databases.map((pick) => pick.result?.outcome).sort()).toEqual(['failed', 'refreshed']);
    },
  );
});

describe('a cycle across a daylight-saving change', () => {
  it('runs each occurrence at 02:00 Amsterdam time, before and after the change, once each', async () => {
    // An anchor a week before the next change of Amsterdam's clocks: the next occurrence is after it.
    const change = nextAmsterdamClockChange(new Date(harness.env.clock.now().getTime() + 3 * DAY));
    const anchorDay = new Date(change.getTime() - 7 * DAY);
    const anchor = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(anchorDay);
    const cycle = harness.cycleFromNow({
      cadence: { everyDays: 14, anchor, at: '02:00', timeZone: 'Europe/Amsterdam' },
      // The second run finds the snapshot the first promoted: it runs again rather than skip.
      whenNothingNew: 'restore-again',
    });
    const [before, after] = [occurrenceAt(cycle, 0), occurrenceAt(cycle, 1)];
    expect(after.getTime() - before.getTime()).not.toBe(14 * DAY);
    expect(Math.abs(after.getTime() - before.getTime() - 14 * DAY)).toBe(HOUR);

    for (const occurrence of [before, after]) {
      harness.moveTo(new Date(occurrence.getTime() - 23 * HOUR));
      for (let tick = 0; tick < 12; tick += 1) {
        await harness.runner(cycle).tick();
        harness.env.clock.advance(MINUTE);
      }
      const announced = await harness.runs.get(cycleRunId(cycle.name, occurrence));
      expect(announced?.phase).toBe('announced');
      // A minute early it waits; at 02:00 local it starts.
      harness.moveTo(new Date(occurrence.getTime() - MINUTE));
      await harness.runner(cycle).tick();
      expect((await harness.runs.get(announced?.id ?? ''))?.phase).toBe('announced');
      harness.moveTo(occurrence);
      await harness.runner(cycle).tick();
      await harness.runner(cycle).tick();
      harness.env.clock.advance(11 * MINUTE);
      await harness.runner(cycle).tick();
      const ended = await harness.runs.get(announced?.id ?? '');
      expect([ended?.phase, ended?.outcome]).toEqual([
        'succeeded',
        expect.stringMatching(/^pipeline acceptance-refresh succeeded/),
      ]);
      expect(localTime(occurrence)).toBe('02:00');
    }
    expect(executions()).toHaveLength(2);
  });
});

function localTime(instant: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/** The first instant after `after` when Amsterdam's UTC offset changes (found by the hour). */
function nextAmsterdamClockChange(after: Date): Date {
  const offset = (at: Date) =>
    new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
  const start = offset(after);
  for (let at = after.getTime(); at < after.getTime() + 400 * DAY; at += HOUR) {
    if (offset(new Date(at)) !== start) return new Date(at);
  }
  throw new Error('Amsterdam changed its clocks not once in 400 days');
}
