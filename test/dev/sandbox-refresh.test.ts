import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endEarlierSandboxRuns, retimeCyclesForSandbox, sandboxRefreshNotice } from '../../dev/sandbox-refresh.js';
import { systemClock } from '../../src/domain/ports/clock.js';
import { nextOccurrence } from '../../src/domain/refresh/cadence.js';
import { refreshCyclesOf } from '../../src/domain/refresh/cycle.js';
import { newCycleRun } from '../../src/domain/refresh/cycle-run.js';
import { DynamoDbCycleRuns } from '../../src/jobs/table/cycle-runs.js';
import { type RunningDynalite, startDynalite } from '../helpers/dynalite.js';
import { examplePolicy } from '../helpers/simulated-environment.js';

const MINUTE = 60_000;

describe('retimeCyclesForSandbox', () => {
  it('puts the first run on the minute just past the lead, in the cycle time zone, and reminds halfway', () => {
    const now = new Date(systemClock.now().getTime() + 17_345);
    const [cycle] = refreshCyclesOf(retimeCyclesForSandbox(examplePolicy(), now, 5 * MINUTE));

    const first = nextOccurrence(cycle ?? ({} as never), now).at;
    expect(first.getTime() % MINUTE).toBe(0);
    expect(first.getTime() - now.getTime()).toBeGreaterThanOrEqual(5 * MINUTE);
    expect(first.getTime() - now.getTime()).toBeLessThan(6 * MINUTE);
    expect(cycle?.remindBeforeMs).toBe(2 * MINUTE);
    expect(cycle?.cadence).toMatchObject({ everyDays: 14, timeZone: 'Europe/Amsterdam' });
    // The one after keeps the policy's cadence.
    const second = nextOccurrence(cycle ?? ({} as never), first).at;
    expect(Math.abs(second.getTime() - first.getTime() - 14 * 86_400_000)).toBeLessThanOrEqual(3_600_000);
  });

  it('finds the right local time across the spring change, where the local clock skips an hour', () => {
    // 00:58 UTC on the last Sunday of March 2027 is 01:58 in Amsterdam; five minutes on it is 03:03 summer time.
    const now = new Date('2027-03-28T00:58:00Z');
    const [cycle] = refreshCyclesOf(retimeCyclesForSandbox(examplePolicy(), now, 5 * MINUTE));
    expect(cycle?.cadence).toMatchObject({ anchor: '2027-03-28', at: '03:03' });
    expect(nextOccurrence(cycle ?? ({} as never), now).at.toISOString()).toBe('2027-03-28T01:03:00.000Z');
  });

  it('says on the sandbox page when each cycle first runs', () => {
    const now = new Date('2027-03-28T00:58:00Z');
    expect(sandboxRefreshNotice(retimeCyclesForSandbox(examplePolicy(), now, 5 * MINUTE), now)).toContain(
      'acceptance-refresh at 2027-03-28 01:03 UTC',
    );
  });
});

describe('endEarlierSandboxRuns', () => {
  let dynamo: RunningDynalite;
  beforeEach(async () => {
    dynamo = await startDynalite();
  });
  afterEach(async () => {
    await dynamo.close();
  });

  it('ends the runs of an earlier start as skipped, and keeps the run of the new schedule', async () => {
    const runs = new DynamoDbCycleRuns({
      client: dynamo.client,
      tableName: dynamo.tableName,
      endedRunRetentionMs: MINUTE,
    });
    const earlierStart = systemClock.now();
    const now = new Date(earlierStart.getTime() + 30 * MINUTE);
    const earlier = refreshCyclesOf(retimeCyclesForSandbox(examplePolicy(), earlierStart, 5 * MINUTE))[0];
    const policy = retimeCyclesForSandbox(examplePolicy(), now, 5 * MINUTE);
    const [cycle] = refreshCyclesOf(policy);
    if (!earlier || !cycle) throw new Error('the example policy has no cycle');
    const stale = await runs.create(newCycleRun(earlier, nextOccurrence(earlier, earlierStart).at, earlierStart));
    const kept = await runs.create(newCycleRun(cycle, nextOccurrence(cycle, now).at, now));

    await endEarlierSandboxRuns(policy, runs, now);

    expect(await runs.get(stale.id)).toMatchObject({
      phase: 'skipped',
      outcome: 'the sandbox restarted with a new schedule',
    });
    expect((await runs.get(kept.id))?.phase).toBe('discovering');
  });
});
