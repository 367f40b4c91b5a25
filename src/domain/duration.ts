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
