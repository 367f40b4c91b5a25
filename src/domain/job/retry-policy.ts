const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

/** Retryable errors give up after this many tries on one step (about 2 hours of backoff). */
export const MAX_STEP_ATTEMPTS = 12;

/** Exponential backoff for a step whose call met a retryable error: 30 s, 1 min, 2 min, ... at most 15 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}
