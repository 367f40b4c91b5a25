import { timeZoneOffsetMinutes } from '../time-zone.js';
import type { RefreshCycle } from './cycle.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** One occurrence of a cycle: its number (0 is the anchor's) and the instant it runs. */
export interface Occurrence {
  index: number;
  at: Date;
}

/**
 * The instant of occurrence `index`: the anchor's local date plus `index × everyDays` calendar days,
 * at the cycle's local time in its time zone. 02:00 Europe/Amsterdam stays 02:00 there across
 * daylight-saving changes, which a fixed 14-day rate (EventBridge's) does not: it drifts an hour.
 */
export function occurrenceAt(cycle: Pick<RefreshCycle, 'cadence'>, index: number): Date {
  const { anchor, at, everyDays, timeZone } = cycle.cadence;
  const [year, month, day] = anchor.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = at.split(':').map(Number) as [number, number];
  // Date.UTC carries day overflow into months and years: the local calendar date, as if it were UTC.
  const wallClockMs = Date.UTC(year, month - 1, day + index * everyDays, hours, minutes);
  return instantOfWallClock(wallClockMs, timeZone);
}

/** The first occurrence strictly after `after` (the anchor's, if `after` is before it). */
export function nextOccurrence(cycle: Pick<RefreshCycle, 'cadence'>, after: Date): Occurrence {
  const first = occurrenceAt(cycle, 0);
  const periodMs = cycle.cadence.everyDays * DAY_MS;
  // An estimate a period early (offsets move an occurrence by hours, never by a period), then forward.
  let index = Math.max(0, Math.floor((after.getTime() - first.getTime()) / periodMs) - 1);
  let at = occurrenceAt(cycle, index);
  while (at <= after) {
    index += 1;
    at = occurrenceAt(cycle, index);
  }
  return { index, at };
}

/** Occurrences in `[from, to)`, in order. */
export function occurrencesBetween(cycle: Pick<RefreshCycle, 'cadence'>, from: Date, to: Date): Occurrence[] {
  const out: Occurrence[] = [];
  let next = nextOccurrence(cycle, new Date(from.getTime() - 1));
  while (next.at < to) {
    out.push(next);
    next = { index: next.index + 1, at: occurrenceAt(cycle, next.index + 1) };
  }
  return out;
}

/**
 * The instant a wall-clock time (given as if it were UTC) reads in `timeZone`. Ambiguous (the hour
 * clocks fall back through): the first of the two. Missing (the hour clocks spring over): the first
 * instant after it, the moment the clocks jump.
 */
export function instantOfWallClock(wallClockMs: number, timeZone: string): Date {
  // The offsets either side of the time, half a day away: at most one change lies between.
  const offsets = new Set(
    [wallClockMs - DAY_MS / 2, wallClockMs + DAY_MS / 2].map((ms) => timeZoneOffsetMinutes(timeZone, new Date(ms))),
  );
  const readings = [...offsets]
    .map((offset) => wallClockMs - offset * MINUTE_MS)
    .filter((instantMs) => timeZoneOffsetMinutes(timeZone, new Date(instantMs)) * MINUTE_MS === wallClockMs - instantMs)
    .sort((a, b) => a - b);
  const first = readings[0];
  if (first !== undefined) return new Date(first);
  return new Date(changeBetween(wallClockMs - DAY_MS / 2, wallClockMs + DAY_MS / 2, timeZone));
}

/** The first minute at which `timeZone`'s offset differs from its offset at `fromMs`. */
function changeBetween(fromMs: number, toMs: number, timeZone: string): number {
  const before = timeZoneOffsetMinutes(timeZone, new Date(fromMs));
  let low = fromMs;
  let high = toMs;
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (timeZoneOffsetMinutes(timeZone, new Date(middle)) === before) low = middle;
    else high = middle;
  }
  return high;
}
