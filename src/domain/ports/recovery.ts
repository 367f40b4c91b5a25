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

/** Route 53 records the switch points at the recovered database (Route 53 is global: one per account). */
export interface DnsRecords {
  /** The record's one value now, or undefined when it has none. */
  read(hostedZoneId: string, name: string): Promise<string | undefined>;
  /** UPSERTs a CNAME with `ttl`; returns Route 53's change id to wait on. */
  upsert(hostedZoneId: string, name: string, value: string, ttl: number): Promise<string>;
  /** INSYNC once every Route 53 name server answers with it. */
  changeStatus(changeId: string): Promise<'PENDING' | 'INSYNC'>;
}

/** A global database as the failover sees it. */
export interface GlobalClusterState {
  status: string;
  writerArn?: string;
  /** A failover or switchover under way, to this member. */
  failingOverTo?: string;
}

/** Aurora's and DocumentDB's global databases. */
export interface GlobalClusters {
  state(kind: 'aurora-cluster' | 'docdb-cluster', globalClusterId: string): Promise<GlobalClusterState>;
  /** FailoverGlobalCluster with AllowDataLoss: the unplanned failover of an incident. */
  failover(kind: 'aurora-cluster' | 'docdb-cluster', globalClusterId: string, targetClusterArn: string): Promise<void>;
}

/** What the switch writes for a recovered database: its endpoint address, or a table's ARN. */
export interface DatabaseEndpoints {
  endpointOf(kind: RecoveredDatabase['kind'], identifier: string): Promise<string | undefined>;
}
