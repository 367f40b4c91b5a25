import type {
  CreateBackupInput,
  CreateBackupOutput,
  DeleteBackupInput,
  DeleteBackupOutput,
  DescribeBackupInput,
  DescribeBackupOutput,
  ListBackupsInput,
  ListBackupsOutput,
} from '@aws-sdk/client-dynamodb';
import { fault } from '../errors.js';
import type { ServiceHandlers, SimulatedTarget } from '../types.js';
import type { SimulatedWorld } from '../world.js';
import { backupArn, tableNameIn } from './arns.js';
import { copyContents } from './contents.js';
import { backupDetails, backupStatus, backupSummary, describeBackup } from './describe.js';
import { type DynamoDbContext, requireTable } from './lookup.js';
import type { DynamoDbRegion, SimulatedBackupType, StoredBackup, StoredTable } from './state.js';

const BACKUP_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;
const MAX_LIST_LIMIT = 100;

/** Takes an on-demand backup of `table`: CREATING for `createBackupMs` from `createdAt`, then AVAILABLE. */
export function recordBackup(
  world: SimulatedWorld,
  target: SimulatedTarget,
  region: DynamoDbRegion,
  table: StoredTable,
  options: { name: string; type: SimulatedBackupType; createdAt: Date },
): StoredBackup {
  const backup: StoredBackup = {
    arn: backupArn(target, table.name, options.createdAt),
    name: options.name,
    type: options.type,
    createdAt: options.createdAt,
    availableAt: new Date(options.createdAt.getTime() + world.durations.createBackupMs),
    table: { name: table.name, id: table.id, arn: table.arn, createdAt: table.createdAt },
    contents: copyContents(table),
    features: {
      ...(table.ttlAttribute && { ttlAttribute: table.ttlAttribute }),
      ...(table.stream?.enabled && { streamViewType: table.stream.viewType }),
    },
  };
  region.backups.set(backup.arn, backup);
  return backup;
}

export function requireBackup(region: DynamoDbRegion, arn: string | undefined): StoredBackup {
  const backup = arn === undefined ? undefined : region.backups.get(arn);
  if (!backup) throw fault('BackupNotFoundException', `Backup not found for arn: ${arn}`);
  return backup;
}

/** CreateBackup, DescribeBackup, ListBackups and DeleteBackup. */
export function backupHandlers({ world, state }: DynamoDbContext): ServiceHandlers {
  return {
    CreateBackup: (request): CreateBackupOutput => {
      const input: CreateBackupInput = request.input;
      const region = state.region(request);
      const table = requireTable(region, request, input.TableName, 'TableNotFoundException');
      const name = input.BackupName ?? '';
      if (!BACKUP_NAME.test(name)) {
        throw fault(
          'ValidationException',
          `1 validation error detected: Value '${name}' at 'backupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+`,
        );
      }
      if (table.status === 'CREATING' || table.status === 'DELETING') {
        throw fault(
          'TableInUseException',
          `Table is being ${table.status === 'CREATING' ? 'created' : 'deleted'}: ${table.name}`,
        );
      }
      const now = world.now();
      const busy = [...region.backups.values()].some(
        (backup) => backup.table.arn === table.arn && backupStatus(backup, now) === 'CREATING',
      );
      if (busy) {
        throw fault(
          'BackupInUseException',
          `There is another ongoing conflicting backup control plane operation on the table: ${table.name}`,
        );
      }
      const backup = recordBackup(world, request, region, table, { name, type: 'USER', createdAt: now });
      return { BackupDetails: backupDetails(backup, now) };
    },

    DescribeBackup: (request): DescribeBackupOutput => {
      const input: DescribeBackupInput = request.input;
      const backup = requireBackup(state.region(request), input.BackupArn);
      return { BackupDescription: describeBackup(backup, world.now()) };
    },

    ListBackups: (request): ListBackupsOutput => {
      const input: ListBackupsInput = request.input;
      const now = world.now();
      // AWS lists only USER backups unless told otherwise.
      const type = input.BackupType ?? 'USER';
      const tableName = input.TableName === undefined ? undefined : (tableNameIn(request, input.TableName) ?? '');
      const lower = input.TimeRangeLowerBound?.getTime() ?? Number.NEGATIVE_INFINITY;
      const upper = input.TimeRangeUpperBound?.getTime() ?? Number.POSITIVE_INFINITY;
      const matching = [...state.region(request).backups.values()]
        .filter((backup) => type === 'ALL' || backup.type === type)
        .filter((backup) => tableName === undefined || backup.table.name === tableName)
        .filter((backup) => backup.createdAt.getTime() >= lower && backup.createdAt.getTime() < upper)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.arn.localeCompare(b.arn));
      const startIndex = input.ExclusiveStartBackupArn
        ? matching.findIndex((backup) => backup.arn === input.ExclusiveStartBackupArn) + 1
        : 0;
      const limit = Math.min(input.Limit ?? MAX_LIST_LIMIT, MAX_LIST_LIMIT);
      const page = matching.slice(startIndex, startIndex + limit);
      const last = page.at(-1);
      return {
        BackupSummaries: page.map((backup) => backupSummary(backup, now)),
        ...(startIndex + limit < matching.length && last && { LastEvaluatedBackupArn: last.arn }),
      };
    },

    DeleteBackup: (request): DeleteBackupOutput => {
      const input: DeleteBackupInput = request.input;
      const region = state.region(request);
      const backup = requireBackup(region, input.BackupArn);
      const now = world.now();
      if (backupStatus(backup, now) === 'CREATING') {
        throw fault('BackupInUseException', `Backup is being created: ${backup.arn}`);
      }
      region.backups.delete(backup.arn);
      const description = describeBackup(backup, now);
      return {
        BackupDescription: {
          ...description,
          ...(description.BackupDetails && {
            BackupDetails: { ...description.BackupDetails, BackupStatus: 'DELETED' },
          }),
        },
      };
    },
  };
}
