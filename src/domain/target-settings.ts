import { RestoreInputError } from './errors.js';
import { isReservedTagKey, TAG_EXPIRES_AT } from './managed-resources.js';
import type { RestoreMethod, TargetSettings } from './plan.js';
import type { EnvironmentPolicy } from './policy.js';
import type { SourceDescription } from './source.js';

export interface SettingsInput {
  source: SourceDescription;
  method: RestoreMethod;
  sameAccountAndRegion: boolean;
  targetEnvironmentName: string;
  targetEnvironment: EnvironmentPolicy;
  /** The database being replaced in another account: its network and key are the ones that work there. */
  existingTarget?: SourceDescription;
  expiresAt?: Date;
}

/**
 * The settings passed to the restore. In the source's account they are the source's own; in
 * another account the source's subnet group, security groups and key do not exist, so they
 * come from the database being replaced, or from the environment's restoreDefaults.
 */
export function targetSettings(input: SettingsInput): TargetSettings {
  const { source, targetEnvironment, expiresAt } = input;
  const tags = Object.fromEntries(Object.entries(source.tags).filter(([key]) => !isReservedTagKey(key)));
  if (expiresAt) tags[TAG_EXPIRES_AT] = expiresAt.toISOString();
  const common = {
    instanceClass: source.instanceClass,
    port: source.port,
    multiAz: source.multiAz,
    storageType: source.storageType,
    deletionProtection: targetEnvironment.deletionProtection,
    tags,
  };
  if (input.sameAccountAndRegion) {
    return withoutUndefined({
      ...common,
      subnetGroup: source.subnetGroup,
      securityGroupIds: source.securityGroupIds,
      parameterGroup: source.parameterGroup,
      clusterParameterGroup: source.clusterParameterGroup,
      optionGroup: source.optionGroup,
      kmsKeyId: source.kmsKeyId ?? source.table?.sseKmsKeyArn,
    });
  }
  const local = input.existingTarget;
  const defaults: { subnetGroup?: string; securityGroupIds?: string[]; kmsKeyId?: string } =
    targetEnvironment.restoreDefaults[source.kind] ?? {};
  const settings = withoutUndefined({
    ...common,
    instanceClass: local?.instanceClass ?? source.instanceClass,
    subnetGroup: local?.subnetGroup ?? defaults.subnetGroup,
    securityGroupIds: local?.securityGroupIds ?? defaults.securityGroupIds ?? [],
    parameterGroup: local?.parameterGroup,
    clusterParameterGroup: local?.clusterParameterGroup,
    optionGroup: local?.optionGroup,
    kmsKeyId: local?.kmsKeyId ?? defaults.kmsKeyId,
  });
  // A key is a key of one Region: a table encrypted with its own (not AWS's) needs one where it goes.
  if (source.kind === 'dynamodb-table' && source.table?.sseKmsKeyArn && !settings.kmsKeyId) {
    throw new RestoreInputError(
      'targetEnvironment',
      `${source.identifier} is encrypted with a KMS key of its own Region: set environments.${input.targetEnvironmentName}.restoreDefaults.dynamodb-table.kmsKeyId in the policy to a key of ${input.targetEnvironmentName}'s Region`,
    );
  }
  const encrypted = input.method.type === 'snapshot' && input.method.snapshot.encrypted;
  if (encrypted && !settings.kmsKeyId) {
    throw new RestoreInputError(
      'targetEnvironment',
      `snapshot is encrypted and ${input.targetEnvironmentName} has no key to re-encrypt it with: set environments.${input.targetEnvironmentName}.restoreDefaults.${source.kind}.kmsKeyId in the policy`,
    );
  }
  // A DynamoDB table lives in no VPC: only databases need a subnet group where they are restored.
  if (source.kind !== 'dynamodb-table' && !settings.subnetGroup) {
    throw new RestoreInputError(
      'targetEnvironment',
      `${input.targetEnvironmentName} has no subnet group to restore into: set environments.${input.targetEnvironmentName}.restoreDefaults.${source.kind}.subnetGroup in the policy, or replace an existing database`,
    );
  }
  return settings;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
