import * as chrono from 'chrono-node';
import {
  AmbiguousRestoreTimeError,
  FutureRestoreTimeError,
  InvalidRestorePointError,
  RestoreInputError,
} from './errors.js';
import { isKnownTimeZone, timeZoneOffsetMinutes } from './time-zone.js';

/** Where to restore to: the newest restorable time, an instant, or a snapshot/backup (id or ARN). */
export type RestorePoint = { type: 'latest' } | { type: 'time'; at: Date } | { type: 'snapshot'; id: string };

export interface RestorePointContext {
  now: Date;
  /** IANA name; phrases without a zone are read in it. Defaults to UTC. */
  timeZone?: string;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const EPOCH_SECONDS = /^\d{9,10}(\.\d+)?$/;
const EPOCH_MILLISECONDS = /^\d{13}$/;
const SNAPSHOT_PREFIX = /^(snapshot|backup):(.+)$/i;
/** `03/04/2024`: day-month or month-day, nobody can tell. */
const SLASH_DATE = /\b(\d{1,2})\/(\d{1,2})\/\d{2,4}\b/;
/** Words chrono may leave around a date that change nothing. */
const FILLER = /\b(at|on|the|of|around|about)\b|[,.]/gi;
const RELATIVE = /\bago\b/i;

const FORMS =
  'latest, an ISO 8601 time with a zone (2024-01-15T14:30Z), epoch seconds, a phrase such as "2h ago" or "yesterday 14:30", or a snapshot id or ARN';

/**
 * Reads a restore point as people and the AWS CLIs write it. Snapshot ids must be recognisable
 * (an ARN, an `rds:` automated snapshot id, or `snapshot:`/`backup:` before the id); everything
 * else is read as a time. Ambiguous and future times are errors that say what to write instead.
 */
export function parseRestorePoint(text: string, context: RestorePointContext): RestorePoint {
  const input = text.trim();
  const timeZone = context.timeZone ?? 'UTC';
  if (!isKnownTimeZone(timeZone)) {
    throw new RestoreInputError(
      'requester',
      `time zone "${timeZone}" is not an IANA time zone name such as Europe/Amsterdam`,
    );
  }
  if (input === '') throw new InvalidRestorePointError(`restore point is empty: give ${FORMS}`);
  if (/^(latest|now)$/i.test(input)) return { type: 'latest' };

  const prefixed = SNAPSHOT_PREFIX.exec(input);
  if (prefixed?.[2]) return { type: 'snapshot', id: prefixed[2].trim() };
  if (input.startsWith('arn:') || input.startsWith('rds:')) return { type: 'snapshot', id: input };

  return { type: 'time', at: restoreTimeNotInFuture(readTime(input, context.now, timeZone), context.now, input) };
}

/**
 * Formats an instant the way errors, plans and the modal's "Restorable from" line show it:
 * `2024-01-15 14:30 UTC`, seconds only when set (`14:30:05 UTC`), never milliseconds.
 */
export function formatInstant(at: Date): string {
  const iso = at.toISOString();
  const time = iso.slice(17, 19) === '00' ? iso.slice(11, 16) : iso.slice(11, 19);
  return `${iso.slice(0, 10)} ${time} UTC`;
}

function readTime(input: string, now: Date, timeZone: string): Date {
  if (ISO_WITH_ZONE.test(input)) {
    const at = new Date(input.replace(' ', 'T'));
    if (!Number.isNaN(at.getTime())) return at;
  }
  if (EPOCH_SECONDS.test(input)) return new Date(Number(input) * 1000);
  if (EPOCH_MILLISECONDS.test(input)) {
    throw new InvalidRestorePointError(
      `"${input}" looks like epoch milliseconds: give epoch seconds (${input.slice(0, 10)})`,
    );
  }
  const slash = SLASH_DATE.exec(input);
  if (slash && Number(slash[1]) <= 12 && Number(slash[2]) <= 12 && slash[1] !== slash[2]) {
    throw new AmbiguousRestoreTimeError(`"${slash[0]}" could be day/month or month/day: write the date as YYYY-MM-DD`);
  }
  return readPhrase(input, now, timeZone);
}

/** chrono-node, read in `timeZone` at the offset in force on the date it finds (DST-safe). */
function readPhrase(input: string, now: Date, timeZone: string): Date {
  const first = parseOnePhrase(input, now, timeZoneOffsetMinutes(timeZone, now));
  const offsetThen = timeZoneOffsetMinutes(timeZone, first);
  const at = offsetThen === timeZoneOffsetMinutes(timeZone, now) ? first : parseOnePhrase(input, now, offsetThen);
  return at;
}

function parseOnePhrase(input: string, now: Date, offsetMinutes: number): Date {
  const results = chrono.parse(input, { instant: now, timezone: offsetMinutes });
  const [result] = results;
  if (!result) throw new InvalidRestorePointError(`could not read "${input}" as a restore point: give ${FORMS}`);
  if (results.length > 1) {
    throw new AmbiguousRestoreTimeError(
      `"${input}" names more than one time (${results.map((r) => `"${r.text}"`).join(', ')}): give one`,
    );
  }
  const leftover = (input.slice(0, result.index) + input.slice(result.index + result.text.length))
    .replace(FILLER, '')
    .trim();
  if (leftover !== '') {
    throw new AmbiguousRestoreTimeError(`could not read "${leftover}" in "${input}": give ${FORMS}`);
  }
  if (!result.start.isCertain('hour') && !RELATIVE.test(input)) {
    throw new AmbiguousRestoreTimeError(`"${input}" has no time of day: add one, such as "${input} 14:30"`);
  }
  let at = result.start.date();
  // A date written without a year means the latest one that has passed: "jan 15" in November is this January.
  if (at > now && !result.start.isCertain('year') && result.start.isCertain('month')) {
    at = new Date(at);
    at.setUTCFullYear(at.getUTCFullYear() - 1);
  }
  return at;
}

/**
 * `at`, when it has passed: a restore point is never in the future, however it was given (typed,
 * picked in a form). FutureRestoreTimeError otherwise, naming what was written when there was text.
 */
export function restoreTimeNotInFuture(at: Date, now: Date, written?: string): Date {
  if (at.getTime() > now.getTime()) {
    const as = written === undefined ? '' : ` ("${written}")`;
    throw new FutureRestoreTimeError(
      `restore time ${formatInstant(at)}${as} is in the future: the latest possible is now (${formatInstant(now)}); use "latest"`,
    );
  }
  return at;
}
