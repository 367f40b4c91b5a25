import type { SimulatedTarget } from '../types.js';
import type { ReplicatedBackupRecord } from './automated-backups.js';
import type { Lifecycle } from './lifecycle.js';

/** What instances and clusters share. Identifiers are stored in lowercase. */
interface ResourceRecord {
  id: string;
  resourceId: string;
  createdAt: Date;
  lifecycle: Lifecycle;
  tags: Map<string, string>;
  engine: string;
  engineVersion: string;
  port: number;
  subnetGroup: string;
  securityGroupIds: string[];
  storageEncrypted: boolean;
  kmsKeyId?: string;
  deletionProtection: boolean;
  backupRetentionDays: number;
  copyTagsToSnapshot: boolean;
  /** A rename asked for without ApplyImmediately waits for a maintenance window that never comes. */
  pendingRename?: string;
}

export interface InstanceRecord extends ResourceRecord {
  instanceClass: string;
  /** Set for Aurora and DocumentDB members; storage, network and encryption then come from the cluster. */
  clusterId?: string;
  allocatedStorage: number;
  storageType: string;
  multiAz: boolean;
  availabilityZone: string;
  parameterGroup: string;
  optionGroup?: string;
  promotionTier: number;
  /** Creation order: a cluster's writer is its oldest member still there. */
  seq: number;
  /** ARNs of this instance's automated backups replicated to other regions. */
  backupReplications?: string[];
}

export interface ClusterRecord extends ResourceRecord {
  clusterParameterGroup: string;
  /** Size of the cluster volume: what its snapshots report as AllocatedStorage (the cluster itself says 1). */
  sizeGiB: number;
  storageType?: string;
  cloneGroupId?: string;
  /** A member of a global database: the secondary takes no writes until a failover makes it primary. */
  globalClusterId?: string;
  globalRole?: 'primary' | 'secondary';
}

export type SnapshotKind = 'instance' | 'cluster';

/** A DB snapshot or a DB cluster snapshot: the same facts, described by different operations. */
export interface SnapshotRecord {
  kind: SnapshotKind;
  id: string;
  owner: SimulatedTarget;
  createdAt: Date;
  lifecycle: Lifecycle;
  type: 'automated' | 'manual';
  /** The DB instance or cluster identifier it was taken from (kept as it was, even after a rename). */
  sourceId: string;
  sourceResourceId: string;
  sourceCreatedAt: Date;
  engine: string;
  engineVersion: string;
  port: number;
  allocatedStorage: number;
  storageType?: string;
  encrypted: boolean;
  kmsKeyId?: string;
  vpcId: string;
  /** Instance snapshots: what a restore uses when no DBInstanceClass is given. */
  instanceClass?: string;
  optionGroup?: string;
  backupRetentionDays: number;
  tags: Map<string, string>;
  /** Accounts this manual snapshot is shared with (same region only, as AWS does). */
  sharedWith: Set<string>;
  sourceSnapshotArn?: string;
}

/** One account in one region: everything RDS and DocumentDB hold there. */
export class RegionState {
  readonly instances = new Map<string, InstanceRecord>();
  readonly clusters = new Map<string, ClusterRecord>();
  readonly instanceSnapshots = new Map<string, SnapshotRecord>();
  readonly clusterSnapshots = new Map<string, SnapshotRecord>();
  /** Other regions' instance backups replicated here, by their automated-backups ARN. */
  readonly replicatedBackups = new Map<string, ReplicatedBackupRecord>();
  /** Subnet group name → VPC id; `default` is always there. */
  readonly subnetGroups = new Map<string, string>();
  /** DB parameter group name → family (`postgres16`); `default.<family>` groups always exist. */
  readonly parameterGroups = new Map<string, string>();
  readonly clusterParameterGroups = new Map<string, string>();

  constructor(readonly owner: SimulatedTarget) {}

  snapshots(kind: SnapshotKind): Map<string, SnapshotRecord> {
    return kind === 'instance' ? this.instanceSnapshots : this.clusterSnapshots;
  }

  /** Members of a cluster, oldest first: the first is the writer. */
  membersOf(clusterId: string): InstanceRecord[] {
    return [...this.instances.values()]
      .filter((instance) => instance.clusterId === clusterId)
      .sort((a, b) => a.seq - b.seq);
  }
}
