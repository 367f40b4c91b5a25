import { describe, expect, it } from 'vitest';
import {
  AmbiguousRestoreTimeError,
  FutureRestoreTimeError,
  InvalidRestorePointError,
  RestoreInputError,
} from '../../src/domain/errors.js';
import { formatInstant, parseRestorePoint } from '../../src/domain/restore-point.js';

const now = new Date('2026-11-22T10:00:00Z');

function timeOf(text: string, timeZone?: string): string {
  const point = parseRestorePoint(text, { now, timeZone });
  if (point.type !== 'time') throw new Error(`expected a time, got ${point.type}`);
  return point.at.toISOString();
}

describe('parseRestorePoint', () => {
  it('reads latest and now as the latest restorable time', () => {
    expect(parseRestorePoint('latest', { now })).toEqual({ type: 'latest' });
    expect(parseRestorePoint(' NOW ', { now })).toEqual({ type: 'latest' });
  });

  it('reads ISO 8601 with a zone exactly', () => {
    expect(timeOf('2026-11-20T14:30Z')).toBe('2026-11-20T14:30:00.000Z');
    expect(timeOf('2026-11-20T14:30:15+02:00')).toBe('2026-11-20T12:30:15.000Z');
    expect(timeOf('2026-11-20 14:30-0500')).toBe('2026-11-20T19:30:00.000Z');
  });

  it('reads epoch seconds as the DynamoDB CLI writes them', () => {
    expect(timeOf('1795000000')).toBe(new Date(1_795_000_000_000).toISOString());
    expect(timeOf('1795000000.5')).toBe(new Date(1_795_000_000_500).toISOString());
  });

  it('refuses epoch milliseconds and says what to give', () => {
    expect(() => parseRestorePoint('1795000000000', { now })).toThrow(/epoch seconds \(1795000000\)/);
  });

  it('reads phrases relative to the injected clock', () => {
    expect(timeOf('2h ago')).toBe('2026-11-22T08:00:00.000Z');
    expect(timeOf('15 minutes ago')).toBe('2026-11-22T09:45:00.000Z');
    expect(timeOf('3 days ago')).toBe('2026-11-19T10:00:00.000Z');
    expect(timeOf('yesterday 14:30')).toBe('2026-11-21T14:30:00.000Z');
    expect(timeOf('2024-01-15 14:30 UTC')).toBe('2024-01-15T14:30:00.000Z');
  });

  it('reads phrases without a zone in the given time zone', () => {
    expect(timeOf('yesterday 14:30', 'Europe/Amsterdam')).toBe('2026-11-21T13:30:00.000Z');
    expect(timeOf('yesterday 14:30', 'America/New_York')).toBe('2026-11-21T19:30:00.000Z');
  });

  it('uses the offset in force on the date named, not today (DST)', () => {
    // 2026-07-15 is summer time in Amsterdam (UTC+2) although today (November) is UTC+1.
    expect(timeOf('2026-07-15 14:30', 'Europe/Amsterdam')).toBe('2026-07-15T12:30:00.000Z');
  });

  it('reads a date without a year as the latest one that has passed', () => {
    expect(timeOf('jan 15 2pm')).toBe('2026-01-15T14:00:00.000Z');
  });

  it('recognises snapshot ids and ARNs', () => {
    expect(parseRestorePoint('rds:orders-2026-11-21-03-00', { now })).toEqual({
      type: 'snapshot',
      id: 'rds:orders-2026-11-21-03-00',
    });
    const arn = 'arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:orders-weekly';
    expect(parseRestorePoint(arn, { now })).toEqual({ type: 'snapshot', id: arn });
    expect(parseRestorePoint('snapshot:orders-before-migration', { now })).toEqual({
      type: 'snapshot',
      id: 'orders-before-migration',
    });
  });

  it.each([
    ['tomorrow 10:00', FutureRestoreTimeError, /in the future/],
    ['in 2 hours', FutureRestoreTimeError, /in the future/],
    ['2027-01-01T00:00Z', FutureRestoreTimeError, /latest possible is now \(2026-11-22 10:00 UTC\)/],
    ['yesterday', AmbiguousRestoreTimeError, /no time of day/],
    ['03/04/2026 10:00', AmbiguousRestoreTimeError, /YYYY-MM-DD/],
    ['yesterday at noon or today', AmbiguousRestoreTimeError, /more than one time/],
    ['yesterday 14:30 probably', AmbiguousRestoreTimeError, /could not read "probably"/],
    ['banana', InvalidRestorePointError, /could not read "banana"/],
    ['', InvalidRestorePointError, /empty/],
  ])('refuses %j with a message on restorePoint', (text, type, message) => {
    const act = () => parseRestorePoint(text, { now });
    expect(act).toThrow(type);
    expect(act).toThrow(message);
    try {
      act();
    } catch (error) {
      expect((error as RestoreInputError).field).toBe('restorePoint');
    }
  });

  it('refuses an unknown time zone on the requester', () => {
    expect(() => parseRestorePoint('2h ago', { now, timeZone: 'Mars/Olympus' })).toThrow(RestoreInputError);
  });
});

describe('formatInstant', () => {
  it("reads as the modal's Restorable line does: UTC, seconds only when set, never milliseconds", () => {
    expect(formatInstant(new Date('2024-01-15T14:30:00Z'))).toBe('2024-01-15 14:30 UTC');
    expect(formatInstant(new Date('2024-01-15T14:30:05Z'))).toBe('2024-01-15 14:30:05 UTC');
    expect(formatInstant(new Date('2024-01-15T14:30:05.250Z'))).toBe('2024-01-15 14:30:05 UTC');
  });
});
