import { isKnownTimeZone } from '../../domain/time-zone.js';

/**
 * Times as the cards show them: always in UTC (what AWS and the logs use) and, for people, in
 * their own Slack time zone, so "restore to 14:30" means the same thing to everyone reading.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** `yyyy-mm-dd` and `hh:mm` of an instant on a wall clock in `timeZone` (the date and time inputs' formats). */
export function wallClock(at: Date, timeZone: string): { date: string; time: string } {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) parts[part.type] = part.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** `2026-11-22 08:00 UTC`. */
export function formatUtc(at: Date): string {
  const { date, time } = wallClock(at, 'UTC');
  return `${date} ${time} UTC`;
}

/** `2026-11-22 09:00 Europe/Amsterdam`; UTC for a zone this runtime does not know. */
export function formatInZone(at: Date, timeZone: string): string {
  const zone = isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  const { date, time } = wallClock(at, zone);
  return `${date} ${time} ${zone}`;
}

/**
 * `2026-11-22 08:00 UTC (09:00 Europe/Amsterdam)`: the zone's date is repeated only when it
 * differs from the UTC date; nothing is added for UTC itself or an unknown zone.
 */
export function formatUtcAndZone(at: Date, timeZone: string): string {
  const utc = formatUtc(at);
  if (!isKnownTimeZone(timeZone) || isUtc(timeZone)) return utc;
  const inUtc = wallClock(at, 'UTC');
  const local = wallClock(at, timeZone);
  return `${utc} (${local.date === inUtc.date ? local.time : `${local.date} ${local.time}`} ${timeZone})`;
}

/** Only the time of day in UTC, for lines where the date is obvious: `08:00 UTC`. */
export function formatUtcTime(at: Date): string {
  return `${wallClock(at, 'UTC').time} UTC`;
}

/** `< 1 min`, `25 min`, `1 h 5 min`, `2 d 3 h`: how long something took or has left. */
export function describeDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return '< 1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** Epoch seconds, as Slack's datetimepicker wants them. */
export function epochSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}

function isUtc(timeZone: string): boolean {
  return ['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Universal', 'Zulu', 'Etc/Zulu'].includes(timeZone);
}
