/**
 * Slack's date tokens, `<!date^1700000000^{date_short_pretty} {time}|fallback>`, as Slack's client
 * shows them: in the viewer's own time zone, so everyone reading a message sees their local time.
 * https://api.slack.com/reference/surfaces/formatting#date-formatting
 *
 * Times are shown on a 24-hour clock (Slack follows the viewer's preference; the sandbox has one).
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Wall {
  year: number;
  /** 0-11. */
  month: number;
  day: number;
  weekday: number;
  hour: string;
  minute: string;
  second: string;
  /** Days since the epoch of this wall-clock date, to tell today from yesterday. */
  dayNumber: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(epochMs: number, timeZone: string): Wall {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(epochMs)) parts[part.type] = part.value;
  const year = Number(parts.year);
  const month = Number(parts.month) - 1;
  const day = Number(parts.day);
  const utcMidnight = Date.UTC(year, month, day);
  return {
    year,
    month,
    day,
    weekday: new Date(utcMidnight).getUTCDay(),
    hour: parts.hour ?? '00',
    minute: parts.minute ?? '00',
    second: parts.second ?? '00',
    dayNumber: Math.round(utcMidnight / 86_400_000),
  };
}

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
}

function pretty(wall: Wall, today: Wall, plain: string): string {
  const offset = wall.dayNumber - today.dayNumber;
  if (offset === 0) return 'today';
  if (offset === -1) return 'yesterday';
  if (offset === 1) return 'tomorrow';
  return plain;
}

function tokenText(token: string, wall: Wall, today: Wall): string | undefined {
  const month = MONTHS[wall.month] ?? '';
  const short = `${month.slice(0, 3)} ${wall.day}, ${wall.year}`;
  const long = `${WEEKDAYS[wall.weekday]}, ${month} ${ordinal(wall.day)}, ${wall.year}`;
  const full = `${month} ${ordinal(wall.day)}, ${wall.year}`;
  switch (token) {
    case 'date_num':
      return `${wall.year}-${String(wall.month + 1).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
    case 'date':
      return full;
    case 'date_short':
      return short;
    case 'date_long':
      return long;
    case 'date_pretty':
      return pretty(wall, today, full);
    case 'date_short_pretty':
      return pretty(wall, today, short);
    case 'date_long_pretty':
      return pretty(wall, today, long);
    case 'time':
      return `${wall.hour}:${wall.minute}`;
    case 'time_secs':
      return `${wall.hour}:${wall.minute}:${wall.second}`;
    default:
      return undefined;
  }
}

/**
 * What `<!date^…>`'s inner text (`date^1700000000^{date_short_pretty} {time}|fallback`, without the `!`)
 * reads as for a viewer in `timeZone` at `nowMs`; the fallback when the token is malformed, as in Slack.
 */
export function renderDateToken(inner: string, timeZone: string, nowMs: number): string {
  const bar = inner.indexOf('|');
  const fallback = bar >= 0 ? inner.slice(bar + 1) : '';
  const [, epoch, format] = (bar >= 0 ? inner.slice(0, bar) : inner).split('^');
  const seconds = Number(epoch);
  if (!epoch || !format || !Number.isFinite(seconds)) return fallback;
  const wall = wallClock(seconds * 1000, timeZone);
  const today = wallClock(nowMs, timeZone);
  let unknown = false;
  const text = format.replace(/\{(\w+)\}/g, (_, token: string) => {
    const value = tokenText(token, wall, today);
    if (value === undefined) unknown = true;
    return value ?? '';
  });
  return unknown ? fallback : text;
}

/** Every date token in a mrkdwn text, as read by a viewer in `timeZone` at `nowMs`: what tests read a card as. */
export function readDateTokens(text: string, timeZone: string, nowMs: number): string {
  return text.replace(/<!(date\^[^>]*)>/g, (_, inner: string) => renderDateToken(inner, timeZone, nowMs));
}
