import { formatDuration, parseDuration } from '../src/domain/duration.js';
import type { Policy } from '../src/domain/policy.js';
import type { CycleRunRepository } from '../src/domain/ports/cycle-runs.js';
import { nextOccurrence } from '../src/domain/refresh/cadence.js';
import { refreshCyclesOf } from '../src/domain/refresh/cycle.js';
import { cycleRunId, finish } from '../src/domain/refresh/cycle-run.js';
import { formatInstant } from '../src/domain/restore-point.js';
import { wallClock } from '../src/slack/blocks/time.js';

const MINUTE = 60_000;

/**
 * The sandbox's refresh cycles, re-timed so their first run is `leadMs` after start (on the minute),
 * in each cycle's own time zone: a new user sees the notice at once, can press Skip or Run now, and
 * watches it run against the simulated account within minutes. The cadence after it is the policy's,
 * and the reminder comes halfway. Only the local run on the simulated account does this.
 */
export function retimeCyclesForSandbox(policy: Policy, now: Date, leadMs: number): Policy {
  const firstRun = new Date(Math.ceil((now.getTime() + leadMs) / MINUTE) * MINUTE);
  const halfLeadMs = Math.max(MINUTE, Math.floor(leadMs / 2 / MINUTE) * MINUTE);
  return {
    ...policy,
    refreshCycles: policy.refreshCycles.map((cycle) => {
      const remindMs = Math.min(parseDuration(cycle.remindBefore) ?? halfLeadMs, halfLeadMs);
      return {
        ...cycle,
        cadence: { ...cycle.cadence, ...anchorAt(firstRun, cycle.cadence.timeZone) },
        remindBefore: formatDuration(remindMs),
      };
    }),
  };
}

/** The sandbox page's line about the re-timed cycles. */
export function sandboxRefreshNotice(policy: Policy, now: Date): string | undefined {
  const cycles = refreshCyclesOf(policy);
  if (cycles.length === 0) return undefined;
  const runs = cycles.map((cycle) => `${cycle.name} at ${formatInstant(nextOccurrence(cycle, now).at)}`).join(', ');
  return (
    `The refresh cycles are re-timed for the sandbox so their first run is minutes away (${runs}): ` +
    'their card is in the channel at once, with Run now, Postpone and Skip this run. ' +
    'SANDBOX_REFRESH_IN sets how soon, or off for the policy’s own schedule.'
  );
}

/**
 * Runs left open by an earlier start of the sandbox belong to a schedule that no longer exists (the
 * stand-in's channel, where their cards were, is new too): they end as skipped instead of running
 * unannounced, each saying why.
 */
export async function endEarlierSandboxRuns(policy: Policy, runs: CycleRunRepository, now: Date): Promise<void> {
  const current = new Set(
    refreshCyclesOf(policy).map((cycle) => cycleRunId(cycle.name, nextOccurrence(cycle, now).at)),
  );
  for (const run of await runs.listOpen()) {
    if (current.has(run.id)) continue;
    await runs.save(finish(run, 'skipped', 'the sandbox restarted with a new schedule', now));
  }
}

function anchorAt(instant: Date, timeZone: string): { anchor: string; at: string } {
  const { date, time } = wallClock(instant, timeZone);
  return { anchor: date, at: time };
}
