import { defaultOptionGroup, defaultParameterGroup, defaultPort } from './engines.js';
import type { Lifecycle } from './lifecycle.js';
import { awsManagedKey, DEFAULT_SECURITY_GROUP, DEFAULT_SUBNET_GROUP, kmsKeyArn, resourceId } from './names.js';
import type { ClusterRecord, InstanceRecord, RegionState } from './records.js';

/** Settings a new instance or cluster may be given; what is left out gets AWS's default. */
interface CommonSpec {
  id: string;
  engine: string;
  engineVersion: string;
  port?: number;
  subnetGroup?: string;
  securityGroupIds?: string[];
  storageEncrypted?: boolean;
  kmsKeyId?: string;
  deletionProtection?: boolean;
  backupRetentionDays?: number;
  copyTagsToSnapshot?: boolean;
  tags?: Map<string, string>;
}

export interface InstanceSpec extends CommonSpec {
  instanceClass: string;
  clusterId?: string;
  allocatedStorage?: number;
  storageType?: string;
  multiAz?: boolean;
  availabilityZone?: string;
  parameterGroup?: string;
  optionGroup?: string;
  promotionTier?: number;
}

export interface ClusterSpec extends CommonSpec {
  clusterParameterGroup?: string;
  sizeGiB?: number;
  storageType?: string;
  cloneGroupId?: string;
}

/** When a new resource appears, and in which status it starts. */
export interface Birth {
  at: Date;
  lifecycle: Lifecycle;
  sequence: number;
}

function common(state: RegionState, spec: CommonSpec, birth: Birth, prefix: 'db' | 'cluster') {
  const { owner } = state;
  const id = spec.id.toLowerCase();
  // Naming a key asks for encryption; encryption without a key uses the account's aws/rds key.
  const encrypted = spec.storageEncrypted ?? spec.kmsKeyId !== undefined;
  return {
    id,
    resourceId: resourceId(prefix, owner.accountId, owner.region, id, String(birth.sequence)),
    createdAt: birth.at,
    lifecycle: birth.lifecycle,
    tags: spec.tags ?? new Map<string, string>(),
    engine: spec.engine,
    engineVersion: spec.engineVersion,
    port: spec.port ?? defaultPort(spec.engine),
    subnetGroup: spec.subnetGroup ?? DEFAULT_SUBNET_GROUP,
    securityGroupIds: spec.securityGroupIds?.length ? [...spec.securityGroupIds] : [DEFAULT_SECURITY_GROUP],
    storageEncrypted: encrypted,
    kmsKeyId: encrypted ? (spec.kmsKeyId ? kmsKeyArn(owner, spec.kmsKeyId) : awsManagedKey(owner)) : undefined,
    deletionProtection: spec.deletionProtection ?? false,
    backupRetentionDays: spec.backupRetentionDays ?? 1,
    copyTagsToSnapshot: spec.copyTagsToSnapshot ?? false,
  };
}

export function newInstance(state: RegionState, spec: InstanceSpec, birth: Birth): InstanceRecord {
  const member = spec.clusterId !== undefined;
  return {
    ...common(state, spec, birth, 'db'),
    instanceClass: spec.instanceClass,
    clusterId: spec.clusterId?.toLowerCase(),
    allocatedStorage: spec.allocatedStorage ?? (member ? 1 : 20),
    storageType: spec.storageType ?? (member ? 'aurora' : 'gp3'),
    multiAz: spec.multiAz ?? false,
    availabilityZone: spec.availabilityZone ?? `${state.owner.region}a`,
    parameterGroup: spec.parameterGroup ?? defaultParameterGroup(spec.engine, spec.engineVersion),
    optionGroup: spec.optionGroup ?? (member ? undefined : defaultOptionGroup(spec.engine, spec.engineVersion)),
    promotionTier: spec.promotionTier ?? 1,
    seq: birth.sequence,
  };
}

/** A cluster member's engine, storage, network, encryption and backups are its cluster's. */
export function clusterMemberSettings(cluster: ClusterRecord) {
  return {
    clusterId: cluster.id,
    engine: cluster.engine,
    engineVersion: cluster.engineVersion,
    storageType: cluster.storageType,
    port: cluster.port,
    subnetGroup: cluster.subnetGroup,
    securityGroupIds: cluster.securityGroupIds,
    storageEncrypted: cluster.storageEncrypted,
    kmsKeyId: cluster.kmsKeyId,
    backupRetentionDays: cluster.backupRetentionDays,
  };
}

export function newCluster(state: RegionState, spec: ClusterSpec, birth: Birth): ClusterRecord {
  return {
    ...common(state, spec, birth, 'cluster'),
    clusterParameterGroup: spec.clusterParameterGroup ?? defaultParameterGroup(spec.engine, spec.engineVersion),
    sizeGiB: spec.sizeGiB ?? 10,
    storageType: spec.storageType,
    cloneGroupId: spec.cloneGroupId,
  };
}
