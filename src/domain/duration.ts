const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const DURATION = /^\s*(\d+)\s*([mhdw])\s*$/i;

/** Milliseconds in a duration written as `30m`, `4h`, `3d` or `2w`; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  const amount = Number(match[1]);
  const ms = amount * UNIT_MS[match[2].toLowerCase() as keyof typeof UNIT_MS];
  // `99999999999999999999d` is digits and a unit, but no instant lies that far ahead.
  if (amount <= 0 || !Number.isSafeInteger(ms)) return undefined;
  return ms;
}

/** The shortest exact form: 259200000 → `3d`. */
export function formatDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h'] as const) {
    if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${Math.round(ms / UNIT_MS.m)}m`;
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
