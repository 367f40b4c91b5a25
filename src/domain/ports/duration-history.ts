import type { PastRestore } from '../estimate.js';
import type { DatabaseKind } from '../kinds.js';

/** How long past restores took, per kind of database: what estimates are made from. */
export interface DurationHistory {
  /** Remembers how long a succeeded restore took. */
  record(kind: DatabaseKind, restore: PastRestore): Promise<void>;

  /** The most recent durations of succeeded restores of `kind`. */
  recent(kind: DatabaseKind): Promise<PastRestore[]>;
}
