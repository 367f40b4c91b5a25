import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { ScalingSetting } from '../../domain/source.js';
import type { DynamoDbTableClients } from './clients.js';
import { streamViewTypeOf } from './describe-source.js';
import type { WantedTableSettings } from './plan-settings.js';
import { enabledTtlAttribute, isPointInTimeRecoveryOn, readContinuousBackups, readTimeToLive } from './read-table.js';
import { hasScaling, readScaling } from './scaling.js';

/** What the target has now of the settings a restore drops. Only what the source has is read. */
export interface TargetTableState {
  table: TableDescription;
  ttlAttribute?: string;
  pointInTimeRecovery: boolean;
  autoScaling: ScalingSetting[];
}

export async function readTargetState(
  clients: DynamoDbTableClients,
  table: TableDescription,
  wanted: WantedTableSettings,
): Promise<TargetTableState> {
  const name = table.TableName ?? '';
  const resourceIds = [...new Set(wanted.autoScaling.map((setting) => setting.resourceId))];
  const [ttl, backups, autoScaling] = await Promise.all([
    wanted.ttlAttribute === undefined ? undefined : readTimeToLive(clients.dynamodb, name),
    wanted.pointInTimeRecovery ? readContinuousBackups(clients.dynamodb, name) : undefined,
    readScaling(clients.autoScaling, resourceIds),
  ]);
  const ttlAttribute = ttl === undefined ? undefined : enabledTtlAttribute(ttl);
  return {
    table,
    ...(ttlAttribute === undefined ? {} : { ttlAttribute }),
    pointInTimeRecovery: isPointInTimeRecoveryOn(backups),
    autoScaling,
  };
}

/** Per setting: true when the target has it as wanted (or the source does not have it). */
export interface AppliedSettings {
  ttl: boolean;
  pointInTimeRecovery: boolean;
  stream: boolean;
  deletionProtection: boolean;
  autoScaling: boolean;
}

export function appliedSettings(wanted: WantedTableSettings, state: TargetTableState): AppliedSettings {
  return {
    ttl: wanted.ttlAttribute === undefined || state.ttlAttribute === wanted.ttlAttribute,
    pointInTimeRecovery: !wanted.pointInTimeRecovery || state.pointInTimeRecovery,
    stream: wanted.streamViewType === undefined || streamViewTypeOf(state.table) === wanted.streamViewType,
    deletionProtection: (state.table.DeletionProtectionEnabled ?? false) === wanted.deletionProtection,
    autoScaling: wanted.autoScaling.every((setting) => hasScaling(state.autoScaling, setting)),
  };
}

const SETTING_LABELS: ReadonlyArray<[keyof AppliedSettings, string]> = [
  ['ttl', 'TTL'],
  ['pointInTimeRecovery', 'point-in-time recovery'],
  ['stream', 'stream'],
  ['deletionProtection', 'deletion protection'],
  ['autoScaling', 'auto scaling'],
];

/** The labels of the settings not yet as wanted, for a step's detail. */
export function missingSettings(applied: AppliedSettings): string[] {
  return SETTING_LABELS.filter(([key]) => !applied[key]).map(([, label]) => label);
}
