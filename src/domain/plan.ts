import type { DatabaseKind } from './kinds.js';
import type { RestoreCandidate, SourceDescription } from './source.js';
import type { StepName } from './steps.js';

/**
 * An RDS instance's automated backups replicated into the target's Region: a disaster-recovery
 * restore there names them (SourceDBInstanceAutomatedBackupsArn) instead of the source instance.
 */
export interface ReplicatedBackups {
  automatedBackupsArn: string;
}

/** How the restore is made. `latest` uses UseLatestRestorableTime; `clone` is Aurora copy-on-write. */
export type RestoreMethod =
  | { type: 'latest'; from?: ReplicatedBackups }
  | { type: 'point-in-time'; at: Date; from?: ReplicatedBackups }
  | { type: 'clone' }
  | { type: 'snapshot'; snapshot: RestoreCandidate; copyFirst: boolean };

/**
 * The settings the restore passes explicitly. Copied from the source: left out, AWS would
 * give the new database the default security group, subnet group and parameter groups.
 */
export interface TargetSettings {
  instanceClass?: string;
  subnetGroup?: string;
  securityGroupIds: string[];
  parameterGroup?: string;
  clusterParameterGroup?: string;
  optionGroup?: string;
  port?: number;
  multiAz?: boolean;
  storageType?: string;
  kmsKeyId?: string;
  deletionProtection: boolean;
  /** The source's own tags plus the expiry; drivers add the managed and job-id tags. */
  tags: Record<string, string>;
}

export interface PlannedStep {
  name: StepName;
  description: string;
}

export interface ReplacedTarget {
  identifier: string;
  renamedTo: string;
  finalSnapshotIdentifier: string;
}

export interface Plan {
  kind: DatabaseKind;
  source: SourceDescription;
  sourceEnvironment: string;
  target: { identifier: string; environment: string; accountId: string; region: string };
  method: RestoreMethod;
  settings: TargetSettings;
  steps: PlannedStep[];
  replace?: ReplacedTarget;
  approvalsRequired: number;
  estimate: { minutes: number; basis: 'history' | 'policy' };
  expiresAt?: Date;
  reason: string;
  requester: string;
  createdAt: Date;
}
