/**
 * Times as Slack's client shows them: in the viewer's Slack time zone (from their profile), which is
 * also the zone the datetime picker reads and writes.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface ZonedParts {
  date: string;
  time: string;
  /** The same wall-clock reading as if it were UTC, in ms: the zone's offset is this minus the instant. */
  asUtc: number;
}

function zoned(epochMs: number, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(epochMs))) parts[part.type] = part.value;
  const [year, month, day, hour, minute, second] = ['year', 'month', 'day', 'hour', 'minute', 'second'].map((key) =>
    Number(parts[key]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    asUtc: Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0),
  };
}

/** `yyyy-mm-dd` and `hh:mm` of an instant (epoch seconds) in a zone, for date and time inputs. */
export function dateAndTimeIn(epochSeconds: number, timeZone: string): { date: string; time: string } {
  const { date, time } = zoned(epochSeconds * 1000, timeZone);
  return { date, time };
}

/** The instant (epoch seconds) that reads `date` `time` in `timeZone`; undefined for unreadable input. */
export function epochSecondsOf(date: string, time: string, timeZone: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})/.exec(time);
  if (!match || !clock) return undefined;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(clock[1]), Number(clock[2]));
  // Guess with the offset at the wall time read as UTC, then correct once with the offset at the guess.
  let guess = wall - (zoned(wall, timeZone).asUtc - wall);
  guess = wall - (zoned(guess, timeZone).asUtc - guess);
  return Math.floor(guess / 1000);
}

/** A message `ts` (`1700000000.000100`) as `14:05` in the zone, and the full date for a tooltip. */
export function messageTime(ts: string, timeZone: string): { short: string; full: string } {
  const ms = Math.floor(Number(ts) * 1000);
  const { date, time } = zoned(ms, timeZone);
  return { short: time, full: `${date} ${time} ${timeZone}` };
}
