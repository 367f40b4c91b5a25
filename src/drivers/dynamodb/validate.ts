import { formatCount } from '../../domain/format-count.js';
import type { StepContext } from '../../domain/ports/database-driver.js';
import type { KeyElement, ScalingSetting, TableIndex, ValidationCheck } from '../../domain/source.js';
import type { DynamoDbTableClients } from './clients.js';
import { billingModeOf, sseKmsKeyOf, streamViewTypeOf, toIndexes, toKeySchema } from './describe-source.js';
import { sourceTableSettings, wantedKmsKey, wantedTableSettings } from './plan-settings.js';
import { describeTable, readTags } from './read-table.js';
import { hasScaling } from './scaling.js';
import { appliedSettings, readTargetState } from './target-state.js';

function check(name: string, passed: boolean, detail: string): ValidationCheck {
  return { name, result: passed ? 'passed' : 'failed', detail };
}

function describeKeys(keys: KeyElement[]): string {
  return keys.map((key) => `${key.attributeName} (${key.keyType})`).join(', ') || 'none';
}

function describeIndexes(indexes: TableIndex[]): string {
  const sorted = [...indexes].sort((a, b) => a.name.localeCompare(b.name));
  return sorted.map((index) => `${index.name}: ${describeKeys(index.keySchema)}`).join('; ') || 'none';
}

function indexCheck(name: string, source: TableIndex[], target: TableIndex[]): ValidationCheck {
  const wanted = describeIndexes(source);
  const found = describeIndexes(target);
  return check(name, wanted === found, wanted === found ? wanted : `source ${wanted}; target ${found}`);
}

function settingCheck(name: string, wanted: string | undefined, applied: boolean, found: string | undefined) {
  if (wanted === undefined) {
    return check(name, true, 'not set on the source');
  }
  return check(name, applied, applied ? wanted : `source ${wanted}; target ${found ?? 'off'}`);
}

function scalingDetail(wanted: ScalingSetting[], missing: ScalingSetting[]): string {
  if (wanted.length === 0) {
    return 'not set on the source';
  }
  if (missing.length === 0) {
    return `${formatCount(wanted.length)} scalable targets`;
  }
  return `missing or different: ${missing.map((setting) => `${setting.resourceId} ${setting.dimension}`).join(', ')}`;
}

/**
 * Compares the restored table with the source as planned: structure (keys, indexes), what the
 * restore carries (billing mode, KMS key), and what the settings step re-applied.
 */
export async function validateTable(clients: DynamoDbTableClients, context: StepContext): Promise<ValidationCheck[]> {
  const { plan, jobId } = context;
  const name = plan.target.identifier;
  const table = await describeTable(clients.dynamodb, name);
  if (table?.TableArn === undefined) {
    return [check('Status', false, `there is no DynamoDB table named ${name}`)];
  }
  const source = sourceTableSettings(plan);
  const wanted = wantedTableSettings(plan, jobId);
  const [state, tags] = await Promise.all([
    readTargetState(clients, table, wanted),
    readTags(clients.dynamodb, table.TableArn),
  ]);
  const applied = appliedSettings(wanted, state);
  const wrongTags = Object.keys(wanted.tags).filter((key) => tags[key] !== wanted.tags[key]);
  const missingScaling = wanted.autoScaling.filter((setting) => !hasScaling(state.autoScaling, setting));
  const keySchema = describeKeys(toKeySchema(table.KeySchema));
  const kmsKey = wantedKmsKey(plan);
  const targetKmsKey = sseKmsKeyOf(table);
  const deletionProtection = table.DeletionProtectionEnabled ?? false;

  return [
    check('Status', table.TableStatus === 'ACTIVE', table.TableStatus ?? 'unknown'),
    check('Key schema', keySchema === describeKeys(source.keySchema), keySchema),
    indexCheck('Global secondary indexes', source.globalSecondaryIndexes, toIndexes(table.GlobalSecondaryIndexes)),
    indexCheck('Local secondary indexes', source.localSecondaryIndexes, toIndexes(table.LocalSecondaryIndexes)),
    check('Billing mode', billingModeOf(table) === source.billingMode, billingModeOf(table)),
    {
      name: 'Item count',
      result: 'info',
      // DynamoDB refreshes ItemCount about every six hours: a difference alone proves nothing.
      detail: `source ${formatCount(source.itemCount)} when planned, target ${formatCount(table.ItemCount ?? 0)} (updated about every six hours)`,
    },
    settingCheck('Time to live', wanted.ttlAttribute, applied.ttl, state.ttlAttribute),
    settingCheck(
      'Point-in-time recovery',
      wanted.pointInTimeRecovery ? 'enabled' : undefined,
      applied.pointInTimeRecovery,
      undefined,
    ),
    settingCheck('Stream', wanted.streamViewType, applied.stream, streamViewTypeOf(table)),
    check(
      'Tags',
      wrongTags.length === 0,
      wrongTags.length === 0
        ? `all ${Object.keys(wanted.tags).length} planned tags present`
        : `missing or different: ${wrongTags.join(', ')}`,
    ),
    check('Auto scaling', missingScaling.length === 0, scalingDetail(wanted.autoScaling, missingScaling)),
    check(
      'KMS key',
      targetKmsKey === kmsKey,
      targetKmsKey === kmsKey
        ? (kmsKey ?? 'AWS owned key')
        : `expected ${kmsKey ?? 'AWS owned key'}, found ${targetKmsKey ?? 'AWS owned key'}`,
    ),
    check(
      'Deletion protection',
      deletionProtection === plan.settings.deletionProtection,
      `${deletionProtection ? 'on' : 'off'} (planned ${plan.settings.deletionProtection ? 'on' : 'off'})`,
    ),
  ];
}
