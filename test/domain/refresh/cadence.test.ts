import { describe, expect, it } from 'vitest';
import {
  instantOfWallClock,
  nextOccurrence,
  occurrenceAt,
  occurrencesBetween,
} from '../../../src/domain/refresh/cadence.js';

const amsterdam = { cadence: { everyDays: 14, anchor: '2027-01-04', at: '02:00', timeZone: 'Europe/Amsterdam' } };

function localTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    at,
  );
}

describe('the cadence of a refresh cycle', () => {
  it('keeps 02:00 Amsterdam time across the spring change (a fixed 14-day rate would drift an hour)', () => {
    // 15 March is winter time (UTC+1); 29 March, the day after the 2027-03-28 change, summer time (UTC+2).
    expect(occurrenceAt(amsterdam, 5).toISOString()).toBe('2027-03-15T01:00:00.000Z');
    expect(occurrenceAt(amsterdam, 6).toISOString()).toBe('2027-03-29T00:00:00.000Z');
    expect(occurrenceAt(amsterdam, 6).getTime() - occurrenceAt(amsterdam, 5).getTime()).toBe(
      14 * 86_400_000 - 3_600_000,
    );
  });

  it('keeps it across the autumn change of 2027-10-31', () => {
    const runs = occurrencesBetween(amsterdam, new Date('2027-10-01T00:00:00Z'), new Date('2027-11-20T00:00:00Z'));
    expect(runs.map((run) => run.at.toISOString())).toEqual([
      '2027-10-11T00:00:00.000Z',
      '2027-10-25T00:00:00.000Z',
      '2027-11-08T01:00:00.000Z',
    ]);
    expect(runs.map((run) => localTime(run.at, 'Europe/Amsterdam'))).toEqual(['02:00', '02:00', '02:00']);
  });

  it('runs at the moment the clocks jump when the local time does not exist that day', () => {
    // New York springs from 02:00 to 03:00 on 2027-03-14: 02:30 is never read there.
    const newYork = { cadence: { everyDays: 7, anchor: '2027-03-14', at: '02:30', timeZone: 'America/New_York' } };
    expect(occurrenceAt(newYork, 0).toISOString()).toBe('2027-03-14T07:00:00.000Z');
    expect(localTime(occurrenceAt(newYork, 0), 'America/New_York')).toBe('03:00');
    // A week later 02:30 exists again.
    expect(localTime(occurrenceAt(newYork, 1), 'America/New_York')).toBe('02:30');
  });

  it('takes the first of the two instants when the local time happens twice', () => {
    // Amsterdam falls back from 03:00 to 02:00 on 2027-10-31: 02:30 is read at 00:30Z and again at 01:30Z.
    expect(instantOfWallClock(Date.UTC(2027, 9, 31, 2, 30), 'Europe/Amsterdam').toISOString()).toBe(
      '2027-10-31T00:30:00.000Z',
    );
  });

  it('finds the next occurrence strictly after an instant, from any date', () => {
    expect(nextOccurrence(amsterdam, new Date('2027-03-15T01:00:00Z'))).toEqual({
      index: 6,
      at: new Date('2027-03-29T00:00:00Z'),
    });
    expect(nextOccurrence(amsterdam, new Date('2020-01-01T00:00:00Z')).index).toBe(0);
    // Years on, the estimate still lands on the right one.
    const far = nextOccurrence(amsterdam, new Date('2035-06-01T12:00:00Z'));
    expect(far.at.getTime()).toBeGreaterThan(Date.parse('2035-06-01T12:00:00Z'));
    expect(occurrenceAt(amsterdam, far.index - 1).getTime()).toBeLessThanOrEqual(Date.parse('2035-06-01T12:00:00Z'));
    expect(localTime(far.at, 'Europe/Amsterdam')).toBe('02:00');
  });
});
