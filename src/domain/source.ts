import type { DatabaseKind } from './kinds.js';

/** The span of time a source can be restored to (Earliest/LatestRestorableTime, or DynamoDB's PITR window). */
export interface RestorableWindow {
  earliest: Date;
  latest: Date;
}

export interface KeyElement {
  attributeName: string;
  keyType: 'HASH' | 'RANGE';
}

export interface TableIndex {
  name: string;
  keySchema: KeyElement[];
}

/** An Application Auto Scaling target with its target-tracking policy, as set on the source table. */
export interface ScalingSetting {
  /** `table/orders` or `table/orders/index/by-customer` on the source. */
  resourceId: string;
  dimension: string;
  minCapacity: number;
  maxCapacity: number;
  policyName?: string;
  targetValue?: number;
  predefinedMetricType?: string;
  scaleInCooldown?: number;
  scaleOutCooldown?: number;
}

/** What a DynamoDB restore drops or must keep, read from the source table. */
export interface TableSettings {
  keySchema: KeyElement[];
  globalSecondaryIndexes: TableIndex[];
  localSecondaryIndexes: TableIndex[];
  billingMode: 'PAY_PER_REQUEST' | 'PROVISIONED';
  itemCount: number;
  ttlAttribute?: string;
  pointInTimeRecovery: boolean;
  stream?: { viewType: string };
  autoScaling: ScalingSetting[];
  sseKmsKeyArn?: string;
  tableClass?: string;
}

/**
 * A source database as described by its driver. Everything a restore must copy explicitly
 * is here: without it AWS would use the default security group, subnet and parameter groups.
 */
export interface SourceDescription {
  kind: DatabaseKind;
  identifier: string;
  arn: string;
  accountId: string;
  region: string;
  status: string;
  /** `postgres`, `aurora-postgresql`, `docdb`, `dynamodb`, ... */
  engine: string;
  /** Empty for DynamoDB. */
  engineVersion: string;
  /** The instance class; for clusters, the writer instance's class. */
  instanceClass?: string;
  writerInstanceIdentifier?: string;
  subnetGroup?: string;
  securityGroupIds: string[];
  /** DB parameter group (instances, and cluster members). */
  parameterGroup?: string;
  clusterParameterGroup?: string;
  optionGroup?: string;
  port?: number;
  multiAz?: boolean;
  storageType?: string;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  deletionProtection: boolean;
  tags: Record<string, string>;
  restorableWindow?: RestorableWindow;
  /** Allocated storage or table size, for estimates. */
  sizeGiB?: number;
  table?: TableSettings;
}

/** RDS and DocumentDB say `available`, DynamoDB `AVAILABLE`: only then can a restore start from a candidate. */
export function isAvailableCandidate(candidate: Pick<RestoreCandidate, 'status'>): boolean {
  return candidate.status === 'available' || candidate.status === 'AVAILABLE';
}

/** A snapshot (or DynamoDB backup) a restore can start from. */
export interface RestoreCandidate {
  kind: DatabaseKind;
  /** Snapshot identifier or backup name as shown to people. */
  id: string;
  /** Always set; a shared snapshot must be restored by ARN. */
  arn: string;
  sourceIdentifier: string;
  createdAt: Date;
  status: string;
  engine: string;
  engineVersion: string;
  ownerAccountId: string;
  /** Shared from another account. */
  shared: boolean;
  origin: 'automated' | 'manual' | 'shared' | 'backup';
  encrypted: boolean;
  kmsKeyId?: string;
  sizeGiB?: number;
}

export interface CandidateFilter {
  /** Only snapshots of this source database. */
  sourceIdentifier?: string;
  /** Include snapshots shared from other accounts. */
  includeShared: boolean;
  /** For shared snapshots: only those owned by this account (the acceptance refresh's rule). */
  expectedOwnerAccountId?: string;
  /** Only snapshots of this engine version. */
  engineVersion?: string;
}

/** An existing resource that holds a target identifier. */
export interface ExistingResource {
  identifier: string;
  arn: string;
  status: string;
  tags: Record<string, string>;
}

/**
 * One line of a validation report. A `warning` does not fail the restore but is shown apart from the
 * passes: the copy works, yet differs from its source in a way people should know (a default
 * parameter group where the source has its own).
 */
export interface ValidationCheck {
  /** A label in sentence case: `Engine version`, `KMS key`. */
  name: string;
  result: 'passed' | 'failed' | 'warning' | 'info';
  detail: string;
}
