import type { DatabaseKind } from './kinds.js';
import { DEFAULT_BASE_MINUTES, type Policy } from './policy.js';
import type { StepName } from './steps.js';

/** A finished restore's size, the steps it ran and how long it took, for estimating the next one. */
export interface PastRestore {
  sizeGiB?: number;
  minutes: number;
  /** The plan's steps; absent on restores recorded before steps were kept. */
  steps?: StepName[];
}

export interface Estimate {
  minutes: number;
  basis: 'history' | 'policy';
}

/**
 * Steps some plans add to the kind's own (restore, writer, settings, validate), which the
 * policy's base minutes cover: fixed minutes, plus a share of the size where the step moves the
 * data (a snapshot copy, the replaced database's final snapshot).
 */
const EXTRA_STEP_MINUTES: Partial<Record<StepName, { fixed: number; perSize: boolean }>> = {
  'rename-existing-target': { fixed: 5, perSize: false },
  'copy-shared-snapshot': { fixed: 10, perSize: true },
  'delete-replaced-target': { fixed: 5, perSize: true },
};

/**
 * How long a restore will take. From past restores of the same kind with the same steps and a
 * similar size (within a factor of two) when there are any (their median), else from the policy's
 * defaults plus the minutes of the plan's extra steps: a replace from a shared snapshot copies,
 * renames, restores and deletes, and takes about twice a plain restore.
 */
export function estimateRestore(
  kind: DatabaseKind,
  sizeGiB: number | undefined,
  steps: readonly StepName[],
  policy: Policy,
  history: readonly PastRestore[] = [],
): Estimate {
  const extras = steps.filter((step) => EXTRA_STEP_MINUTES[step]);
  const similar = history
    .filter((past) => isSimilarSize(past.sizeGiB, sizeGiB) && sameExtras(past, extras))
    .map((past) => past.minutes);
  if (similar.length > 0) return { minutes: Math.round(median(similar)), basis: 'history' };
  const sizeMinutes = ((sizeGiB ?? 0) / 100) * policy.estimates.minutesPer100GiB;
  const base = (policy.estimates.baseMinutes[kind] ?? DEFAULT_BASE_MINUTES[kind]) + sizeMinutes;
  const extra = extras.reduce((sum, step) => {
    const minutes = EXTRA_STEP_MINUTES[step];
    return sum + (minutes ? minutes.fixed + (minutes.perSize ? sizeMinutes : 0) : 0);
  }, 0);
  return { minutes: Math.round(base + extra), basis: 'policy' };
}

/** A past restore is like this one when it ran the same extra steps (one recorded without steps: none). */
function sameExtras(past: PastRestore, extras: readonly StepName[]): boolean {
  const pastExtras = (past.steps ?? []).filter((step) => EXTRA_STEP_MINUTES[step]);
  return pastExtras.length === extras.length && pastExtras.every((step) => extras.includes(step));
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
