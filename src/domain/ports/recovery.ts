import type { RecoveryFacts } from '../dr/recovery-path.js';
import type { DatabaseKind } from '../kinds.js';

/** A production database a recovery plan covers. */
export interface RecoveredDatabase {
  kind: DatabaseKind;
  identifier: string;
}

/**
 * What a production environment's DR Region holds for its databases: replicated automated backups,
 * snapshot copies, global database secondaries and global table replicas. Reads only.
 */
export interface RecoveryProbe {
  facts(database: RecoveredDatabase): Promise<RecoveryFacts>;
}
