/** What `users.info` says about a user's time zone, derived from the IANA name at a given instant. */

/** Seconds east of UTC (`7200` for Amsterdam in summer), as Slack's `tz_offset`. */
export function timeZoneOffsetSeconds(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name ?? '');
  if (!match) return 0;
  const [, sign, hours, minutes] = match;
  const seconds = Number(hours) * 3600 + Number(minutes) * 60;
  return sign === '-' ? -seconds : seconds;
}

/** The long name (`Central European Summer Time`), as Slack's `tz_label`. */
export function timeZoneLabel(timeZone: string, at: Date): string {
  return (
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'long' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone
  );
}
