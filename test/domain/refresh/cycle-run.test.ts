import { describe, expect, it } from 'vitest';
import { JobTransitionError } from '../../../src/domain/job/errors.js';
import {
  approveRun,
  type CycleRun,
  newCycleRun,
  nextCycleTask,
  postponeRun,
  recordDiscovery,
  runNow,
  skipRun,
  startRun,
} from '../../../src/domain/refresh/cycle-run.js';
import { sampleCycle } from '../../helpers/refresh-cycles.js';

const HOUR = 3_600_000;
const occurrence = new Date('2030-01-15T01:00:00Z');
const at = (hoursFromOccurrence: number) => new Date(occurrence.getTime() + hoursFromOccurrence * HOUR);

const cycle = sampleCycle;

const approversOf = (environment: string) =>
  environment === 'acceptance' ? { users: ['U0APPROVER'], userGroups: ['S0PLATFORM'] } : undefined;

function context(userId: string, now: Date, of = cycle()) {
  return { cycle: of, principal: { userId, userGroupIds: [] }, approversOf, now };
}

function announced(of = cycle()): CycleRun {
  const run = newCycleRun(of, occurrence, at(-24));
  return recordDiscovery(run, [{ target: 'orders-acc', snapshotId: 'orders-share-1' }], at(-24));
}

describe('a refresh cycle run', () => {
  it('is one record per cycle and occurrence, whoever makes it', () => {
    expect(newCycleRun(cycle(), occurrence, at(-24)).id).toBe('acceptance-refresh#2030-01-15T01:00:00.000Z');
    expect(newCycleRun(cycle(), occurrence, at(-20)).id).toBe(newCycleRun(cycle(), occurrence, at(-24)).id);
  });

  it('discovers, waits, reminds shortly before, then starts at its time', () => {
    const run = newCycleRun(cycle(), occurrence, at(-24));
    expect(nextCycleTask(run, cycle(), at(-24))).toEqual({ type: 'discover' });
    const waiting = announced();
    expect(nextCycleTask(waiting, cycle(), at(-2))).toEqual({ type: 'none' });
    expect(nextCycleTask(waiting, cycle(), at(-0.25))).toEqual({ type: 'remind' });
    expect(nextCycleTask({ ...waiting, reminded: true }, cycle(), at(-0.25))).toEqual({ type: 'none' });
    expect(nextCycleTask(waiting, cycle(), at(0))).toEqual({ type: 'start' });
    expect(nextCycleTask(startRun(waiting, at(0)), cycle(), at(0))).toEqual({ type: 'follow' });
  });

  it('is skipped by an approver, with who pressed it, and then refuses every other button', () => {
    const skipped = skipRun(announced(), context('U0APPROVER', at(-3)));
    expect(skipped.phase).toBe('skipped');
    expect(skipped.decisions).toEqual([{ type: 'skip', userId: 'U0APPROVER', at: at(-3) }]);
    expect(nextCycleTask(skipped, cycle(), at(1))).toEqual({ type: 'none' });
    expect(() => runNow(skipped, context('U0APPROVER', at(-2)))).toThrow('this run has already been skipped');
  });

  it('refuses anyone who is not an approver of the environments it replaces, saying whom to ask', () => {
    const refused = (() => {
      try {
        skipRun(announced(), context('U0REQUESTER', at(-3)));
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(JobTransitionError);
    expect((refused as JobTransitionError).message).toBe('only an approver for acceptance can skip a refresh');
    expect((refused as JobTransitionError).ask).toEqual({ users: ['U0APPROVER'], userGroups: ['S0PLATFORM'] });
  });

  it('runs at once after Run now, and later after Postpone, with its reminder again', () => {
    const now = runNow(announced(), context('U0APPROVER', at(-10)));
    expect(nextCycleTask(now, cycle(), at(-10))).toEqual({ type: 'start' });
    const postponed = postponeRun({ ...announced(), reminded: true }, context('U0APPROVER', at(-0.2)));
    expect(postponed.runAt).toEqual(at(24));
    expect(postponed.reminded).toBe(false);
    expect(nextCycleTask(postponed, cycle(), at(1))).toEqual({ type: 'none' });
    expect(nextCycleTask(postponed, cycle(), at(23.8))).toEqual({ type: 'remind' });
  });

  it('waits for an approval where the cycle requires one, and takes Run now for one', () => {
    const strict = cycle({ approvalRequired: true });
    const run = announced(strict);
    expect(nextCycleTask(run, strict, at(0))).toEqual({ type: 'await-approval' });
    const approved = approveRun(run, context('U0APPROVER', at(0.1), strict));
    expect(nextCycleTask(approved, strict, at(0.1))).toEqual({ type: 'start' });
    expect(() => approveRun(approved, context('U0APPROVER', at(0.2), strict))).toThrow('already approved');
    expect(() => approveRun(run, context('U0APPROVER', at(0.1)))).toThrow('this cycle runs without approval');
  });

  it('cannot be skipped or postponed once it runs', () => {
    const running = startRun(announced(), at(0));
    expect(() => skipRun(running, context('U0APPROVER', at(0.5)))).toThrow('already running');
    expect(() => postponeRun(running, context('U0APPROVER', at(0.5)))).toThrow('already running');
  });
});
