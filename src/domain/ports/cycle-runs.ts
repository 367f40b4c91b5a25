import type { CycleRun } from '../refresh/cycle-run.js';

/**
 * The refresh cycles' runs, beside the jobs. Every change is a conditional write on `version`
 * (`JobConflictError` on a stale one), and a run is driven by one worker at a time (`claim`).
 */
export interface CycleRunRepository {
  /** Stores a new run; if another worker stored this occurrence's run first, returns that one instead. */
  create(run: CycleRun): Promise<CycleRun>;

  get(runId: string): Promise<CycleRun | undefined>;

  /** Runs that have not ended, oldest occurrence first. */
  listOpen(): Promise<CycleRun[]>;

  /** Writes `run` as the next version; ended runs get the store's time-to-live. */
  save(run: CycleRun): Promise<CycleRun>;

  /** Takes the run for `owner` until `until` unless someone else holds an unexpired claim; no new version. */
  claim(run: CycleRun, owner: string, now: Date, until: Date): Promise<boolean>;
}
