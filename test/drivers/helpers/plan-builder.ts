import type { DatabaseKind } from '../../../src/domain/kinds.js';
import {
  finalSnapshotIdentifier,
  renamedTargetIdentifier,
  TAG_EXPIRES_AT,
} from '../../../src/domain/managed-resources.js';
import type { Plan, RestoreMethod, TargetSettings } from '../../../src/domain/plan.js';
import type { StepContext } from '../../../src/domain/ports/database-driver.js';
import type { RestoreCandidate, SourceDescription } from '../../../src/domain/source.js';
import type { StepName } from '../../../src/domain/steps.js';

export const JOB_ID = '7f3c9a2e-5b1d-4c8e-9a0f-3e2d1c0b9a87';
export const ACCOUNT = '111111111111';
export const PRODUCTION_ACCOUNT = '999999999999';
export const REGION = 'eu-west-1';
export const KMS_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0`;
export const EXPIRES_AT = '2024-06-04T09:00:00.000Z';

type RdsFamilyKind = Exclude<DatabaseKind, 'dynamodb-table'>;

const SOURCES: Record<RdsFamilyKind, SourceDescription> = {
  'rds-instance': {
    kind: 'rds-instance',
    identifier: 'billing-db',
    arn: `arn:aws:rds:${REGION}:${ACCOUNT}:db:billing-db`,
    accountId: ACCOUNT,
    region: REGION,
    status: 'available',
    engine: 'postgres',
    engineVersion: '16.3',
    instanceClass: 'db.r6g.large',
    subnetGroup: 'db-private',
    securityGroupIds: ['sg-0a1b2c3d4e5f60718', 'sg-0f1e2d3c4b5a69788'],
    parameterGroup: 'billing-pg16',
    optionGroup: 'default:postgres-16',
    port: 5432,
    multiAz: true,
    storageType: 'gp3',
    storageEncrypted: true,
    kmsKeyId: KMS_KEY,
    deletionProtection: true,
    tags: { team: 'payments', 'cost-center': 'cc-42' },
    restorableWindow: { earliest: new Date('2024-05-25T00:00:00Z'), latest: new Date('2024-06-01T08:55:00Z') },
    sizeGiB: 200,
  },
  'aurora-cluster': {
    kind: 'aurora-cluster',
    identifier: 'orders',
    arn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:orders`,
    accountId: ACCOUNT,
    region: REGION,
    status: 'available',
    engine: 'aurora-postgresql',
    engineVersion: '15.4',
    instanceClass: 'db.r6g.xlarge',
    writerInstanceIdentifier: 'orders-instance-1',
    subnetGroup: 'db-private',
    securityGroupIds: ['sg-0a1b2c3d4e5f60718'],
    parameterGroup: 'orders-aurora-pg15',
    clusterParameterGroup: 'orders-cluster-pg15',
    port: 5432,
    multiAz: true,
    storageType: 'aurora',
    storageEncrypted: true,
    kmsKeyId: KMS_KEY,
    deletionProtection: true,
    tags: { team: 'orders' },
    restorableWindow: { earliest: new Date('2024-05-25T00:00:00Z'), latest: new Date('2024-06-01T08:55:00Z') },
    sizeGiB: 1,
  },
  'docdb-cluster': {
    kind: 'docdb-cluster',
    identifier: 'catalog',
    arn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:catalog`,
    accountId: ACCOUNT,
    region: REGION,
    status: 'available',
    engine: 'docdb',
    engineVersion: '5.0.0',
    instanceClass: 'db.r6g.large',
    writerInstanceIdentifier: 'catalog-1',
    subnetGroup: 'db-private',
    securityGroupIds: ['sg-0c0c0c0c0c0c0c0c0'],
    clusterParameterGroup: 'catalog-docdb5',
    port: 27017,
    multiAz: false,
    storageType: 'standard',
    storageEncrypted: true,
    kmsKeyId: KMS_KEY,
    deletionProtection: false,
    tags: { team: 'catalog' },
    restorableWindow: { earliest: new Date('2024-05-25T00:00:00Z'), latest: new Date('2024-06-01T08:55:00Z') },
  },
};

/** A source as its driver would describe it, per kind. */
export function sourceFor(kind: RdsFamilyKind, overrides: Partial<SourceDescription> = {}): SourceDescription {
  return { ...SOURCES[kind], ...overrides };
}

/** The settings a planner copies from `source`, plus the expiry tag. */
export function settingsFrom(source: SourceDescription): TargetSettings {
  return {
    instanceClass: source.instanceClass,
    subnetGroup: source.subnetGroup,
    securityGroupIds: [...source.securityGroupIds],
    parameterGroup: source.parameterGroup,
    clusterParameterGroup: source.clusterParameterGroup,
    optionGroup: source.optionGroup,
    port: source.port,
    multiAz: source.kind === 'rds-instance' ? source.multiAz : undefined,
    storageType: source.storageType,
    kmsKeyId: source.kmsKeyId,
    deletionProtection: source.deletionProtection,
    tags: { ...source.tags, [TAG_EXPIRES_AT]: EXPIRES_AT },
  };
}

export interface PlanOptions {
  target?: string;
  method?: RestoreMethod;
  source?: Partial<SourceDescription>;
  settings?: Partial<TargetSettings>;
  /** Replace an existing target of the same name. */
  replace?: boolean;
}

/** A plan as the planner would make it; each test overrides only what it is about. */
export function buildPlan(kind: RdsFamilyKind, options: PlanOptions = {}): Plan {
  const source = sourceFor(kind, options.source);
  const target = options.target ?? `${source.identifier}-copy`;
  return {
    kind,
    source,
    sourceEnvironment: 'production',
    target: { identifier: target, environment: 'acceptance', accountId: ACCOUNT, region: REGION },
    method: options.method ?? { type: 'latest' },
    settings: { ...settingsFrom(source), ...options.settings },
    steps: [],
    replace: options.replace
      ? {
          identifier: target,
          renamedTo: renamedTargetIdentifier(target, JOB_ID),
          finalSnapshotIdentifier: finalSnapshotIdentifier(target, JOB_ID),
        }
      : undefined,
    approvalsRequired: 1,
    estimate: { minutes: 25, basis: 'policy' },
    expiresAt: new Date(EXPIRES_AT),
    reason: 'investigate a bad migration',
    requester: 'U012ABCDEF',
    createdAt: new Date('2024-06-01T09:00:00Z'),
  };
}

/** A snapshot restore candidate; shared ones carry the owner's ARN. */
export function snapshotCandidate(
  kind: RdsFamilyKind,
  overrides: Partial<RestoreCandidate> & { id: string },
): RestoreCandidate {
  const owner = overrides.shared ? PRODUCTION_ACCOUNT : ACCOUNT;
  const type = kind === 'rds-instance' ? 'snapshot' : 'cluster-snapshot';
  const source = SOURCES[kind];
  return {
    kind,
    arn: `arn:aws:rds:${REGION}:${owner}:${type}:${overrides.id}`,
    sourceIdentifier: source.identifier,
    createdAt: new Date('2024-05-31T03:00:00Z'),
    status: 'available',
    engine: source.engine,
    engineVersion: source.engineVersion,
    ownerAccountId: owner,
    shared: false,
    origin: overrides.shared ? 'shared' : 'manual',
    encrypted: true,
    kmsKeyId: KMS_KEY,
    ...overrides,
  };
}

export function stepContext(plan: Plan, step: StepName, jobId = JOB_ID): StepContext {
  return { jobId, plan, step };
}
