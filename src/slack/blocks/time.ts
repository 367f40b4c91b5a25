import { formatInstant } from '../../domain/restore-point.js';
import { isKnownTimeZone } from '../../domain/time-zone.js';

/**
 * Times as the bot shows them. In messages, a Slack date token, so each reader sees their own local
 * time with a UTC fallback. In plain text and in a person's own modal, UTC (what AWS and the logs use)
 * and that person's Slack time zone, so "restore to 14:30" means the same thing to everyone.
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

/** `2026-11-22 08:00 UTC` (seconds only when set): the one format of plain-text times, errors included. */
export function formatUtc(at: Date): string {
  return formatInstant(at);
}

/**
 * A time in a message as a Slack date token: each reader's client shows it in their own time zone
 * (`today at 09:00`, `Nov 22, 2026 at 14:30`); clients that cannot read tokens, and notifications, show
 * the UTC fallback. Only for mrkdwn text: plain_text (headers, buttons, inputs) shows tokens raw.
 */
export function slackDate(at: Date): string {
  return `<!date^${epochSeconds(at)}^{date_short_pretty} at {time}|${formatUtc(at)}>`;
}

/** `slackDate` for the time of day only, where the date is plain: `{time}`, UTC fallback `08:00 UTC`. */
export function slackTime(at: Date): string {
  return `<!date^${epochSeconds(at)}^{time}|${formatUtcTime(at)}>`;
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

// How long something took, in words: the domain's, so its messages and the cards say it alike.
export { describeDuration } from '../../domain/duration.js';

/** Epoch seconds, as Slack's datetimepicker wants them. */
export function epochSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}

function isUtc(timeZone: string): boolean {
  return ['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Universal', 'Zulu', 'Etc/Zulu'].includes(timeZone);
}
