/** What a run record carries for its store: an id, a version for conditional writes. */
export interface VersionedRun {
  id: string;
  version: number;
}

/**
 * Runs beside the jobs (a refresh cycle's, a DR run's). Every change is a conditional write on
 * `version` (`JobConflictError` on a stale one), and a run is driven by one worker at a time (`claim`).
 */
export interface RunRepository<T extends VersionedRun> {
  /** Stores a new run; if another worker stored one of this id first, returns that one instead. */
  create(run: T): Promise<T>;

  get(runId: string): Promise<T | undefined>;

  /** Runs that have not ended, oldest first. */
  listOpen(): Promise<T[]>;

  /** Writes `run` as the next version; ended runs get the store's time-to-live. */
  save(run: T): Promise<T>;

  /** Takes the run for `owner` until `until` unless someone else holds an unexpired claim; no new version. */
  claim(run: T, owner: string, now: Date, until: Date): Promise<boolean>;
}
