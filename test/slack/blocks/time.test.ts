import { describe, expect, it } from 'vitest';
import {
  describeDuration,
  epochSeconds,
  formatInZone,
  formatUtc,
  formatUtcAndZone,
} from '../../../src/slack/blocks/time.js';

describe('time formatting', () => {
  const at = new Date('2026-11-22T23:30:00Z');

  it('formats in UTC and in an IANA zone', () => {
    expect(formatUtc(at)).toBe('2026-11-22 23:30 UTC');
    expect(formatInZone(at, 'America/New_York')).toBe('2026-11-22 18:30 America/New_York');
    expect(formatInZone(at, 'Asia/Kolkata')).toBe('2026-11-23 05:00 Asia/Kolkata');
  });

  it('adds the zone, with its date only when the date differs', () => {
    expect(formatUtcAndZone(at, 'America/New_York')).toBe('2026-11-22 23:30 UTC (18:30 America/New_York)');
    expect(formatUtcAndZone(at, 'Europe/Amsterdam')).toBe('2026-11-22 23:30 UTC (2026-11-23 00:30 Europe/Amsterdam)');
  });

  it('follows daylight saving time', () => {
    expect(formatUtcAndZone(new Date('2026-07-01T12:00:00Z'), 'Europe/Amsterdam')).toBe(
      '2026-07-01 12:00 UTC (14:00 Europe/Amsterdam)',
    );
  });

  it('shows UTC alone for UTC and for unknown zones', () => {
    expect(formatUtcAndZone(at, 'UTC')).toBe('2026-11-22 23:30 UTC');
    expect(formatUtcAndZone(at, 'Mars/Olympus')).toBe('2026-11-22 23:30 UTC');
    expect(formatInZone(at, 'Mars/Olympus')).toBe('2026-11-22 23:30 UTC');
  });

  it('describes durations', () => {
    const min = 60_000;
    expect(
      [0, 59_000, 25 * min, 60 * min, 65 * min, 24 * 60 * min, (2 * 24 * 60 + 3 * 60 + 7) * min, -5 * min].map(
        describeDuration,
      ),
    ).toEqual(['< 1 min', '< 1 min', '25 min', '1 h', '1 h 5 min', '1 d', '2 d 3 h', '< 1 min']);
  });

  it('gives epoch seconds', () => {
    expect(epochSeconds(new Date('2026-11-22T08:30:00.999Z'))).toBe(1_795_336_200);
  });
});
