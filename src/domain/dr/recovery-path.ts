import type { DatabaseKind } from '../kinds.js';
import { formatInstant } from '../restore-point.js';
import { isAvailableCandidate, type RestorableWindow, type RestoreCandidate } from '../source.js';

/** What the DR Region holds for one production database, as the probe found it. */
export interface RecoveryFacts {
  /** RDS instance: its automated backups replicated into the DR Region (cross-Region automated backup replication). */
  replicatedBackups?: { arn: string; window?: RestorableWindow };
  /** Snapshots of the database in the DR Region (cross-Region copies), newest first. */
  snapshotCopies: RestoreCandidate[];
  /** Aurora and DocumentDB: the global database's member cluster in the DR Region. */
  globalSecondary?: GlobalSecondary;
  /** DynamoDB: the global table's replica in the DR Region. */
  tableReplica?: { arn: string; status: string };
  /** DynamoDB: the table's point-in-time window, restorable into the DR Region by SourceTableArn. */
  pointInTime?: RestorableWindow;
}

export interface GlobalSecondary {
  globalClusterId: string;
  clusterArn: string;
  clusterIdentifier: string;
  /** It already takes writes: a failover (or switchover) happened. */
  isWriter: boolean;
  /** The global database's status: `available`, `failing-over`... */
  status: string;
}

/**
 * How a database is recovered in the DR Region, and from what point. Each is the honest path for
 * its engine: Aurora has no cross-Region automated backups, so its choices are a global database's
 * secondary or a cross-Region snapshot copy; DynamoDB restores across Regions by point in time.
 */
export type RecoveryPath =
  | { type: 'replicated-backups'; automatedBackupsArn: string; window: RestorableWindow }
  | { type: 'snapshot-copy'; snapshot: RestoreCandidate }
  | { type: 'global-failover'; secondary: GlobalSecondary }
  | { type: 'global-replica'; tableArn: string }
  | { type: 'point-in-time'; window: RestorableWindow };

export type PathChoice =
  | {
      path: RecoveryPath;
      /** The newest point it recovers to: with a replicated store (global database, global table) now. */
      recoversTo: Date;
      /** Why this path: the card says it. */
      why: string;
      /** What the path's RPO is, in words, whatever the current figure. */
      rpoNature: string;
    }
  | { path: undefined; problem: string };

export interface PathContext {
  kind: DatabaseKind;
  identifier: string;
  drRegion: string;
  now: Date;
  /** `--at`: the newest point wanted (before the corruption, say); latest when absent. */
  at?: Date;
  /** A drill never fails a global database over (that moves production's writer) nor switches. */
  drill: boolean;
  /** The policy's snapshotCopyEvery, as written, for the snapshot path's RPO. */
  copyInterval: string;
}

/** The path a DR run (or drill, or the readiness report) takes for one database, or why there is none. */
export function chooseRecoveryPath(facts: RecoveryFacts, context: PathContext): PathChoice {
  switch (context.kind) {
    case 'rds-instance':
      return firstOf(context, [replicatedBackups(facts, context), snapshotCopy(facts, context)], () =>
        noPath(
          context,
          'no automated backups replicated there and no snapshot copies: start cross-Region automated backup replication (StartDBInstanceAutomatedBackupsReplication) or copy snapshots there',
        ),
      );
    case 'aurora-cluster':
    case 'docdb-cluster':
      return firstOf(context, [globalFailover(facts, context), snapshotCopy(facts, context)], () =>
        noPath(
          context,
          `no global database secondary and no cross-Region snapshot copies (${context.kind === 'aurora-cluster' ? 'Aurora' : 'DocumentDB'} has no cross-Region automated backups): add a secondary Region or copy snapshots there`,
        ),
      );
    case 'dynamodb-table':
      return firstOf(context, [globalReplica(facts, context), pointInTime(facts, context)], () =>
        noPath(context, 'not a global table with a replica there, and point-in-time recovery is off'),
      );
  }
}

type Candidate = PathChoice | { skip: string } | undefined;

function firstOf(context: PathContext, candidates: Candidate[], none: () => PathChoice): PathChoice {
  const skipped: string[] = [];
  for (const candidate of candidates) {
    if (!candidate) continue;
    if ('skip' in candidate) {
      skipped.push(candidate.skip);
      continue;
    }
    return candidate;
  }
  if (skipped.length > 0) return noPath(context, skipped.join('; '));
  return none();
}

function noPath(context: PathContext, why: string): PathChoice {
  return { path: undefined, problem: `${context.identifier} cannot be recovered in ${context.drRegion}: ${why}` };
}

function replicatedBackups(facts: RecoveryFacts, context: PathContext): Candidate {
  const backups = facts.replicatedBackups;
  if (!backups) return undefined;
  const window = backups.window;
  if (!window) return { skip: 'its replicated automated backups have no restorable window yet' };
  const recoversTo = pointInWindow(window, context.at);
  if (!recoversTo) return { skip: `${formatInstant(context.at as Date)} is outside the replicated restore window` };
  return {
    path: { type: 'replicated-backups', automatedBackupsArn: backups.arn, window },
    recoversTo,
    why: `its automated backups are replicated to ${context.drRegion}: a point-in-time restore there, ${context.at ? `to ${formatInstant(recoversTo)}` : 'to the latest replicated time'}`,
    rpoNature: 'minutes (transaction logs are replicated every few minutes)',
  };
}

function snapshotCopy(facts: RecoveryFacts, context: PathContext): Candidate {
  const usable = facts.snapshotCopies.filter(
    (snapshot) => isAvailableCandidate(snapshot) && (!context.at || snapshot.createdAt <= context.at),
  );
  const snapshot = usable.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (!snapshot) {
    return facts.snapshotCopies.length > 0 && context.at
      ? { skip: `no snapshot copy there is from before ${formatInstant(context.at)}` }
      : undefined;
  }
  return {
    path: { type: 'snapshot-copy', snapshot },
    recoversTo: snapshot.createdAt,
    why: `${facts.globalSecondary && context.drill ? 'a drill never fails the global database over, so it restores ' : ''}the newest snapshot copy in ${context.drRegion}, ${snapshot.id}`,
    rpoNature: `up to the copy interval (${context.copyInterval})`,
  };
}

function globalFailover(facts: RecoveryFacts, context: PathContext): Candidate {
  const secondary = facts.globalSecondary;
  if (!secondary) return undefined;
  // A drill, or a point in the past, is the snapshot path's: failing over recovers now, and moves production.
  if (context.drill) {
    return {
      skip: `a drill never fails its global database over (that would move production's writer), and there is no snapshot copy in ${context.drRegion} to rehearse a restore with`,
    };
  }
  if (context.at)
    return {
      skip: 'a global database fails over to now, not to an earlier point, and no snapshot copy is from before it',
    };
  return {
    path: { type: 'global-failover', secondary },
    recoversTo: context.now,
    why: secondary.isWriter
      ? `${secondary.clusterIdentifier} in ${context.drRegion} already takes writes (global database ${secondary.globalClusterId})`
      : `${secondary.clusterIdentifier} is its global database's secondary in ${context.drRegion}: fail over (FailoverGlobalCluster, AllowDataLoss) to it`,
    rpoNature: 'seconds (storage-level replication)',
  };
}

function globalReplica(facts: RecoveryFacts, context: PathContext): Candidate {
  const replica = facts.tableReplica;
  if (!replica || context.at) return undefined;
  return {
    path: { type: 'global-replica', tableArn: replica.arn },
    recoversTo: context.now,
    why: `it is a global table with a replica in ${context.drRegion}: nothing to restore, ${context.drill ? 'the drill checks the replica' : 'only the switch'}`,
    rpoNature: 'seconds (global table replication)',
  };
}

function pointInTime(facts: RecoveryFacts, context: PathContext): Candidate {
  const window = facts.pointInTime;
  if (!window) return undefined;
  const recoversTo = pointInWindow(window, context.at);
  if (!recoversTo) return { skip: `${formatInstant(context.at as Date)} is outside its point-in-time window` };
  return {
    path: { type: 'point-in-time', window },
    recoversTo,
    why: `point-in-time recovery is on: RestoreTableToPointInTime in ${context.drRegion} by SourceTableArn, ${context.at ? `to ${formatInstant(recoversTo)}` : 'to the latest restorable time'}`,
    rpoNature: 'minutes (the latest restorable time trails by about five)',
  };
}

function pointInWindow(window: RestorableWindow, at: Date | undefined): Date | undefined {
  if (!at) return window.latest;
  return at >= window.earliest && at <= window.latest ? at : undefined;
}
