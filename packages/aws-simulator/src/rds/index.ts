import type { OperationHandler, ServiceHandlers, SimulatedTarget } from '../types.js';
import type { SimulatedWorld } from '../world.js';
import { automatedBackupHandlers } from './automated-backups.js';
import { clusterHandlers } from './clusters.js';
import type { RdsContext } from './context.js';
import { globalClusterHandlers, settleGlobalClusters } from './global-clusters.js';
import { instanceHandlers } from './instances.js';
import {
  type ClusterSeed,
  createSeeding,
  type GlobalClusterSeed,
  type InstanceSeed,
  type SnapshotSeed,
} from './seeding.js';
import { snapshotHandlers } from './snapshots.js';
import { RdsStore } from './store.js';
import { tagHandlers } from './tags.js';

export type {
  ClusterMemberSeed,
  ClusterSeed,
  GlobalClusterSeed,
  InstanceSeed,
  SnapshotSeed,
  TagSeed,
} from './seeding.js';

/**
 * Operations the DocumentDB client has. DocumentDB runs on RDS's control plane, so they are RDS's own
 * handlers: like AWS, DocumentDB's DescribeDBClusters also lists Aurora clusters unless filtered on
 * `engine` = `docdb` (see the DocumentDB API reference of DescribeDBClusters).
 */
const DOCDB_OPERATIONS = [
  'DescribeDBInstances',
  'DescribeDBClusters',
  'DescribeDBClusterSnapshots',
  'RestoreDBClusterToPointInTime',
  'RestoreDBClusterFromSnapshot',
  'CreateDBInstance',
  'ModifyDBInstance',
  'ModifyDBCluster',
  'DeleteDBInstance',
  'DeleteDBCluster',
  'CopyDBClusterSnapshot',
  'DescribeGlobalClusters',
  'FailoverGlobalCluster',
  'AddTagsToResource',
  'ListTagsForResource',
  'RemoveTagsFromResource',
];

/** The simulated RDS and DocumentDB of every account and region, and the means to seed them. */
export interface RdsSimulation {
  /** Handlers for RDSClient. */
  rdsHandlers: ServiceHandlers;
  /** Handlers for DocDBClient: the same store, the operations DocumentDB has. */
  docdbHandlers: ServiceHandlers;
  /** Adds a standalone DB instance, `available` since `createdAt`; returns its ARN. */
  addInstance(target: SimulatedTarget, seed: InstanceSeed): string;
  /** Adds an Aurora or DocumentDB cluster with its members (the first is the writer); returns its ARN. */
  addCluster(target: SimulatedTarget, seed: ClusterSeed): string;
  /** Adds a DB snapshot; returns its ARN. */
  addInstanceSnapshot(target: SimulatedTarget, seed: SnapshotSeed): string;
  /** Adds a DB cluster snapshot; returns its ARN. */
  addClusterSnapshot(target: SimulatedTarget, seed: SnapshotSeed): string;
  /**
   * Replicates a standalone instance's automated backups into another region of its account;
   * returns the ARN to restore from there (SourceDBInstanceAutomatedBackupsArn).
   */
  replicateAutomatedBackups(
    instanceArn: string,
    destinationRegion: string,
    options?: { kmsKeyId?: string; since?: Date },
  ): string;
  /**
   * Makes a global database of the primary cluster (already added in `primary`) with a secondary
   * cluster in each other region given (added here, readers only); returns the global cluster's id.
   */
  addGlobalCluster(primary: SimulatedTarget, seed: GlobalClusterSeed): string;
  /** Adds a DB subnet group (what a restore into a region other than the source's names). */
  addSubnetGroup(target: SimulatedTarget, name: string): void;
  /** Shares a manual snapshot (by ARN) with another account of the same region. */
  shareSnapshot(arn: string, withAccountId: string): void;
  /** The simulation's current time, to date seeded snapshots. */
  now(): Date;
}

/**
 * RDS and DocumentDB in memory. State is per account and region; statuses move with the world's
 * clock when read, and daily automated snapshots appear within each resource's retention.
 */
export function createRdsSimulation(world: SimulatedWorld): RdsSimulation {
  const ctx: RdsContext = { world, store: new RdsStore(world) };
  const handlers: ServiceHandlers = {
    ...instanceHandlers(ctx),
    ...clusterHandlers(ctx),
    ...snapshotHandlers(ctx),
    ...tagHandlers(ctx),
    ...automatedBackupHandlers(ctx),
    ...globalClusterHandlers(ctx),
  };
  const rdsHandlers: ServiceHandlers = {};
  for (const [operation, handler] of Object.entries(handlers)) {
    if (handler) rdsHandlers[operation] = settledFirst(ctx, handler);
  }
  const docdbHandlers: ServiceHandlers = Object.fromEntries(
    DOCDB_OPERATIONS.map((operation) => [operation, rdsHandlers[operation]]),
  );
  return { rdsHandlers, docdbHandlers, ...createSeeding(ctx), now: () => world.now() };
}

/** Every call first brings the accounts up to the clock's now. */
function settledFirst(ctx: RdsContext, handler: OperationHandler): OperationHandler {
  return (request) => {
    ctx.store.settle();
    settleGlobalClusters(ctx);
    return handler(request);
  };
}
