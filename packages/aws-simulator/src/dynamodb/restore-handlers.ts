import { randomUUID } from 'node:crypto';
import type {
  RestoreTableFromBackupInput,
  RestoreTableFromBackupOutput,
  RestoreTableToPointInTimeInput,
  RestoreTableToPointInTimeOutput,
} from '@aws-sdk/client-dynamodb';
import { fault } from '../errors.js';
import type { ServiceHandlers, SimulatedTarget } from '../types.js';
import type { SimulatedWorld } from '../world.js';
import { kmsKeyArn, tableArn } from './arns.js';
import { requireBackup } from './backup-handlers.js';
import { capacityOf } from './capacity.js';
import { copyContents } from './contents.js';
import { backupStatus, describeTable } from './describe.js';
import { type DynamoDbContext, requireTable } from './lookup.js';
import { pitrWindow } from './restorable-window.js';
import type { DynamoDbRegion, StoredIndex, StoredTable, TableContents } from './state.js';

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;

type RestoreOverrides = Pick<
  RestoreTableFromBackupInput,
  | 'BillingModeOverride'
  | 'ProvisionedThroughputOverride'
  | 'GlobalSecondaryIndexOverride'
  | 'LocalSecondaryIndexOverride'
  | 'SSESpecificationOverride'
>;

function requireNewTableName(region: DynamoDbRegion, name: string | undefined): string {
  if (!name || !TABLE_NAME.test(name)) {
    throw fault(
      'ValidationException',
      `1 validation error detected: Value '${name}' at 'targetTableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+`,
    );
  }
  if (region.tables.has(name)) throw fault('TableAlreadyExistsException', `Table already exists: ${name}`);
  return name;
}

function applyOverrides(target: SimulatedTarget, source: TableContents, overrides: RestoreOverrides): TableContents {
  const contents = copyContents(source);
  if (overrides.GlobalSecondaryIndexOverride) {
    contents.globalSecondaryIndexes = overrides.GlobalSecondaryIndexOverride.map(
      (index): StoredIndex => ({
        name: index.IndexName ?? '',
        keySchema: index.KeySchema ?? [],
        projection: index.Projection ?? { ProjectionType: 'ALL' },
        ...(index.ProvisionedThroughput && {
          capacity: capacityOf(index.ProvisionedThroughput, `index ${index.IndexName}`),
        }),
      }),
    );
  }
  if (overrides.LocalSecondaryIndexOverride) {
    contents.localSecondaryIndexes = overrides.LocalSecondaryIndexOverride.map((index) => ({
      name: index.IndexName ?? '',
      keySchema: index.KeySchema ?? [],
      projection: index.Projection ?? { ProjectionType: 'ALL' },
    }));
  }
  contents.billingMode = overrides.BillingModeOverride ?? contents.billingMode;
  if (contents.billingMode === 'PAY_PER_REQUEST') {
    if (overrides.ProvisionedThroughputOverride) {
      throw fault(
        'ValidationException',
        'One or more parameter values were invalid: ProvisionedThroughputOverride cannot be specified when BillingMode is PAY_PER_REQUEST',
      );
    }
    contents.capacity = undefined;
    for (const index of contents.globalSecondaryIndexes) index.capacity = undefined;
  } else {
    const capacity = overrides.ProvisionedThroughputOverride
      ? capacityOf(overrides.ProvisionedThroughputOverride, 'the table')
      : contents.capacity;
    if (!capacity) {
      throw fault(
        'ValidationException',
        'One or more parameter values were invalid: ProvisionedThroughputOverride must be specified when BillingModeOverride is PROVISIONED',
      );
    }
    contents.capacity = capacity;
    for (const index of contents.globalSecondaryIndexes) index.capacity ??= { ...capacity };
  }
  const sse = overrides.SSESpecificationOverride;
  if (sse?.Enabled === false) contents.kmsMasterKeyArn = undefined;
  else if (sse) contents.kmsMasterKeyArn = kmsKeyArn(target, sse.KMSMasterKeyId ?? 'alias/aws/dynamodb');
  return contents;
}

/**
 * The new table: the source's keys, indexes, capacity mode, encryption and items, CREATING for
 * `restoreTableMs`. TTL, PITR, tags, the stream, deletion protection and auto scaling start
 * empty, as AWS documents for both kinds of restore.
 */
function createRestoredTable(
  world: SimulatedWorld,
  target: SimulatedTarget,
  region: DynamoDbRegion,
  name: string,
  contents: TableContents,
  restore: NonNullable<StoredTable['restore']>,
): StoredTable {
  const now = world.now();
  const table: StoredTable = {
    ...contents,
    name,
    id: randomUUID(),
    arn: tableArn(target, name),
    createdAt: now,
    status: 'CREATING',
    settlesAt: new Date(now.getTime() + world.durations.restoreTableMs),
    ...(contents.billingMode === 'PAY_PER_REQUEST' && { lastUpdateToPayPerRequest: now }),
    deletionProtection: false,
    tags: new Map(),
    restore,
  };
  region.tables.set(name, table);
  return table;
}

/** The account and region a source table ARN names: the caller's own account, any region. */
function sourceRegionOf(request: SimulatedTarget, arn: string | undefined): SimulatedTarget {
  const match = arn ? /^arn:aws:dynamodb:([^:]+):(\d{12}):table\//.exec(arn) : null;
  // Another account's table is not restorable from here (AWS restores within the account): not found.
  if (!match || match[2] !== request.accountId) return request;
  return { accountId: request.accountId, region: match[1] as string };
}

/** RestoreTableToPointInTime and RestoreTableFromBackup. */
export function restoreHandlers({ world, state }: DynamoDbContext): ServiceHandlers {
  return {
    RestoreTableToPointInTime: (request): RestoreTableToPointInTimeOutput => {
      const input: RestoreTableToPointInTimeInput = request.input;
      const region = state.region(request);
      if (input.UseLatestRestorableTime && input.RestoreDateTime) {
        throw fault('ValidationException', 'Only one of RestoreDateTime or UseLatestRestorableTime can be specified');
      }
      if (!input.UseLatestRestorableTime && !input.RestoreDateTime) {
        throw fault('ValidationException', 'Either RestoreDateTime or UseLatestRestorableTime must be specified');
      }
      // A point-in-time restore may land in another region of the source's account, named by SourceTableArn.
      const sourceTarget = sourceRegionOf(request, input.SourceTableArn);
      const source = requireTable(
        state.region(sourceTarget),
        sourceTarget,
        input.SourceTableArn ?? input.SourceTableName,
        'TableNotFoundException',
      );
      const name = requireNewTableName(region, input.TargetTableName);
      const window = pitrWindow(source, world.now(), world.durations.restoreLagMs);
      if (!window) {
        throw fault(
          'PointInTimeRecoveryUnavailableException',
          `Point in time recovery is not enabled for table '${source.name}'`,
        );
      }
      const restoreTime = input.RestoreDateTime ?? window.latest;
      if (restoreTime < window.earliest || restoreTime > window.latest) {
        throw fault(
          'InvalidRestoreTimeException',
          `Restore time must be between ${window.earliest.toISOString()} and ${window.latest.toISOString()}: ${restoreTime.toISOString()}`,
        );
      }
      const contents = applyOverrides(request, source, input);
      const table = createRestoredTable(world, request, region, name, contents, {
        sourceTableArn: source.arn,
        restoreDateTime: restoreTime,
      });
      return { TableDescription: describeTable(table) };
    },

    RestoreTableFromBackup: (request): RestoreTableFromBackupOutput => {
      const input: RestoreTableFromBackupInput = request.input;
      const region = state.region(request);
      const backup = requireBackup(region, input.BackupArn);
      if (backupStatus(backup, world.now()) !== 'AVAILABLE') {
        throw fault('BackupInUseException', `Backup is being created: ${backup.arn}`);
      }
      const name = requireNewTableName(region, input.TargetTableName);
      const contents = applyOverrides(request, backup.contents, input);
      const table = createRestoredTable(world, request, region, name, contents, {
        sourceBackupArn: backup.arn,
        sourceTableArn: backup.table.arn,
        restoreDateTime: backup.createdAt,
      });
      return { TableDescription: describeTable(table) };
    },
  };
}
