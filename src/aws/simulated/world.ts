import { randomUUID } from 'node:crypto';
import type { Clock } from '../../domain/ports/clock.js';

const MINUTE = 60_000;

/** How long AWS takes, in AWS time. A scaled clock (one AWS minute a second) makes the demo quick. */
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
  restoreLagMs: 5 * MINUTE,
};

/** What every simulated service shares: the clock, the durations and request ids. */
export class SimulatedWorld {
  readonly durations: SimulatedDurations;

  constructor(
    readonly clock: Clock,
    durations: Partial<SimulatedDurations> = {},
  ) {
    this.durations = { ...DEFAULT_DURATIONS, ...durations };
  }

  now(): Date {
    return this.clock.now();
  }

  /** True once `durationMs` of AWS time has passed since `since`. */
  elapsed(since: Date, durationMs: number): boolean {
    return this.clock.now().getTime() - since.getTime() >= durationMs;
  }

  newRequestId(): string {
    return randomUUID();
  }
}
