import type { DatabaseKind } from './kinds.js';
import { DEFAULT_BASE_MINUTES, type Policy } from './policy.js';

/** A finished restore's size and how long it took, for estimating the next one. */
export interface PastRestore {
  sizeGiB?: number;
  minutes: number;
}

export interface Estimate {
  minutes: number;
  basis: 'history' | 'policy';
}

/**
 * How long a restore will take. From past restores of the same kind of similar size (within
 * a factor of two) when there are any — their median — else from the policy's defaults.
 */
export function estimateRestore(
  kind: DatabaseKind,
  sizeGiB: number | undefined,
  policy: Policy,
  history: readonly PastRestore[] = [],
): Estimate {
  const similar = history.filter((past) => isSimilarSize(past.sizeGiB, sizeGiB)).map((past) => past.minutes);
  if (similar.length > 0) return { minutes: Math.round(median(similar)), basis: 'history' };
  const base = policy.estimates.baseMinutes[kind] ?? DEFAULT_BASE_MINUTES[kind];
  const perSize = ((sizeGiB ?? 0) / 100) * policy.estimates.minutesPer100GiB;
  return { minutes: Math.round(base + perSize), basis: 'policy' };
}

function isSimilarSize(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const [small, large] = a < b ? [a, b] : [b, a];
  return large <= Math.max(small * 2, small + 10);
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}
