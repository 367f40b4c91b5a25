import { randomUUID } from 'node:crypto';
import type { Clock } from './clock.js';

const MINUTE = 60_000;

/**
 * How long AWS takes. A demo is made quick by dividing these by a speed-up (see `speedUpDurations`),
 * never by scaling a clock: the application, its other services and the account share one time.
 */
export interface SimulatedDurations {
  restoreInstanceMs: number;
  restoreClusterMs: number;
  createInstanceMs: number;
  copySnapshotMs: number;
  createSnapshotMs: number;
  renameMs: number;
  deleteMs: number;
  restoreTableMs: number;
  createBackupMs: number;
  updateTableMs: number;
  pipelineMs: number;
  /** A Route 53 change is PENDING this long, then INSYNC. */
  route53PropagationMs: number;
  /** A global database's failover or switchover to a secondary cluster. */
  globalFailoverMs: number;
  /** How far LatestRestorableTime trails now. */
  restoreLagMs: number;
}

export const DEFAULT_DURATIONS: SimulatedDurations = {
  restoreInstanceMs: 20 * MINUTE,
  restoreClusterMs: 15 * MINUTE,
  createInstanceMs: 10 * MINUTE,
  copySnapshotMs: 5 * MINUTE,
  createSnapshotMs: 4 * MINUTE,
  renameMs: 1 * MINUTE,
  deleteMs: 5 * MINUTE,
  restoreTableMs: 20 * MINUTE,
  createBackupMs: 2 * MINUTE,
  updateTableMs: 1 * MINUTE,
  pipelineMs: 10 * MINUTE,
  route53PropagationMs: 1 * MINUTE,
  globalFailoverMs: 2 * MINUTE,
  restoreLagMs: 5 * MINUTE,
};

/**
 * The durations of AWS's operations (restores, renames, deletes, copies...) `speedUp` times shorter.
 * How far the latest restorable time trails now is not an operation but the shape of the restorable
 * window, so it stays as AWS has it.
 */
export function speedUpDurations(durations: SimulatedDurations, speedUp: number): SimulatedDurations {
  if (!(speedUp > 0)) throw new RangeError(`the speed-up of simulated AWS must be positive, not ${speedUp}`);
  const faster = { ...durations };
  for (const name of Object.keys(faster) as (keyof SimulatedDurations)[]) {
    if (name !== 'restoreLagMs') faster[name] /= speedUp;
  }
  return faster;
}

/** What every simulated service shares: the clock, the durations and request ids. */
export class SimulatedWorld {
  readonly durations: SimulatedDurations;

  constructor(
    readonly clock: Clock,
    durations: Partial<SimulatedDurations> = {},
    speedUp = 1,
  ) {
    this.durations = speedUpDurations({ ...DEFAULT_DURATIONS, ...durations }, speedUp);
  }

  now(): Date {
    return this.clock.now();
  }

  /** True once `durationMs` (already sped up, when it comes from `durations`) has passed since `since`. */
  elapsed(since: Date, durationMs: number): boolean {
    return this.clock.now().getTime() - since.getTime() >= durationMs;
  }

  newRequestId(): string {
    return randomUUID();
  }
}
