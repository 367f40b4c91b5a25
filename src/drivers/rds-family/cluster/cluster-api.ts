import type {
  CopyDBClusterSnapshotMessage,
  CreateDBInstanceMessage,
  DeleteDBClusterMessage,
  DeleteDBInstanceMessage,
  DescribeDBClusterSnapshotsMessage,
  DescribeDBClustersMessage,
  DescribeDBInstancesMessage,
  ModifyDBClusterMessage,
  RestoreDBClusterFromSnapshotMessage,
  RestoreDBClusterToPointInTimeMessage,
} from '@aws-sdk/client-rds';
import type { Page } from '../pagination.js';
import type { ClusterRecord, InstanceRecord, SnapshotRecord } from '../records.js';

/**
 * The cluster calls Aurora and DocumentDB share, so one cluster driver serves both. Inputs use
 * RDS's types (a superset of DocumentDB's); the DocumentDB adapter refuses a field its API lacks
 * rather than drop it silently. Mutating calls resolve to AWS's request id.
 */
export interface ClusterApi {
  /** `Amazon RDS` or `Amazon DocumentDB`, for messages. */
  readonly service: string;
  region(): Promise<string>;
  describeClusters(input: DescribeDBClustersMessage): Promise<Page<ClusterRecord>>;
  describeInstances(input: DescribeDBInstancesMessage): Promise<Page<InstanceRecord>>;
  describeClusterSnapshots(input: DescribeDBClusterSnapshotsMessage): Promise<Page<SnapshotRecord>>;
  listTags(arn: string): Promise<Record<string, string>>;
  addTags(arn: string, tags: Record<string, string>): Promise<string | undefined>;
  removeTags(arn: string, keys: string[]): Promise<string | undefined>;
  restoreFromSnapshot(input: RestoreDBClusterFromSnapshotMessage): Promise<string | undefined>;
  restoreToPointInTime(input: RestoreDBClusterToPointInTimeMessage): Promise<string | undefined>;
  copyClusterSnapshot(input: CopyDBClusterSnapshotMessage): Promise<string | undefined>;
  createInstance(input: CreateDBInstanceMessage): Promise<string | undefined>;
  modifyCluster(input: ModifyDBClusterMessage): Promise<string | undefined>;
  deleteInstance(input: DeleteDBInstanceMessage): Promise<string | undefined>;
  deleteCluster(input: DeleteDBClusterMessage): Promise<string | undefined>;
}
