import type { DBInstanceAutomatedBackup, DescribeDBInstanceAutomatedBackupsMessage } from '@aws-sdk/client-rds';
import { fault } from '../errors.js';
import type { ServiceHandlers, SimulatedTarget } from '../types.js';
import { type RdsContext, viewNow } from './context.js';
import { licenseModel, masterUsername } from './engines.js';
import { type Lifecycle, startedAs } from './lifecycle.js';
import { rdsArn } from './names.js';
import { applyFilters, paginate } from './query.js';
import type { InstanceRecord, RegionState } from './records.js';
import { type RestorableWindow, restorableWindow, type View } from './shapes.js';

/**
 * A standalone instance's automated backups copied into another region (cross-Region automated
 * backup replication): what a disaster-recovery restore starts from, by its ARN.
 */
export interface ReplicatedBackupRecord {
  arn: string;
  source: SimulatedTarget;
  sourceId: string;
  sourceResourceId: string;
  sourceCreatedAt: Date;
  /** Replication started here: the window never reaches further back. */
  createdAt: Date;
  lifecycle: Lifecycle;
  backupRetentionDays: number;
  engine: string;
  engineVersion: string;
  instanceClass: string;
  allocatedStorage: number;
  storageType: string;
  port: number;
  optionGroup?: string;
  kmsKeyId?: string;
}

/** What a point-in-time restore of an instance needs from its source, whichever way it was named. */
export interface PointInTimeSource {
  label: string;
  engine: string;
  engineVersion: string;
  instanceClass: string;
  allocatedStorage: number;
  storageType: string;
  port: number;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  backupRetentionDays: number;
  window?: RestorableWindow;
}

/** `arn:aws:rds:<region>:<account>:auto-backup:ab-…`, the same id in every region it is replicated to. */
function automatedBackupArn(owner: SimulatedTarget, dbiResourceId: string): string {
  return `arn:aws:rds:${owner.region}:${owner.accountId}:auto-backup:ab-${dbiResourceId.slice(3).toLowerCase()}`;
}

export function replicatedBackup(
  instance: InstanceRecord,
  source: SimulatedTarget,
  destination: SimulatedTarget,
  options: { since: Date; kmsKeyId?: string },
): ReplicatedBackupRecord {
  return {
    arn: automatedBackupArn(destination, instance.resourceId),
    source,
    sourceId: instance.id,
    sourceResourceId: instance.resourceId,
    sourceCreatedAt: instance.createdAt,
    createdAt: options.since,
    lifecycle: startedAs('replicating', options.since),
    backupRetentionDays: instance.backupRetentionDays,
    engine: instance.engine,
    engineVersion: instance.engineVersion,
    instanceClass: instance.instanceClass,
    allocatedStorage: instance.allocatedStorage,
    storageType: instance.storageType,
    port: instance.port,
    optionGroup: instance.optionGroup,
    kmsKeyId: instance.storageEncrypted ? options.kmsKeyId : undefined,
  };
}

export function instanceAsSource(instance: InstanceRecord, view: View): PointInTimeSource {
  return { label: instance.id, ...instance, window: restorableWindow(instance, view) };
}

/** The restore source an automated-backups ARN names: a replicated backup here, or a local instance's own. */
export function automatedBackupSource(state: RegionState, arn: string, view: View): PointInTimeSource {
  const replicated = state.replicatedBackups.get(arn);
  if (replicated) {
    return {
      label: replicated.arn,
      ...replicated,
      storageEncrypted: replicated.kmsKeyId !== undefined,
      window: restorableWindow(replicated, view),
    };
  }
  const local = standaloneWithBackups(state).find(
    (instance) => automatedBackupArn(state.owner, instance.resourceId) === arn,
  );
  if (!local) throw fault('DBInstanceAutomatedBackupNotFoundFault', `Automated backups ${arn} not found.`);
  return instanceAsSource(local, view);
}

function standaloneWithBackups(state: RegionState): InstanceRecord[] {
  return [...state.instances.values()].filter((instance) => !instance.clusterId && instance.backupRetentionDays > 0);
}

function backupShape(
  state: RegionState,
  backup: ReplicatedBackupRecord | InstanceRecord,
  view: View,
): DBInstanceAutomatedBackup {
  const replicated = 'source' in backup;
  const source = replicated ? backup.source : state.owner;
  const window = restorableWindow(backup, view);
  return {
    DBInstanceArn: rdsArn(source, 'db', replicated ? backup.sourceId : backup.id),
    DbiResourceId: replicated ? backup.sourceResourceId : backup.resourceId,
    Region: source.region,
    DBInstanceIdentifier: replicated ? backup.sourceId : backup.id,
    RestoreWindow: window && { EarliestTime: window.earliest, LatestTime: window.latest },
    AllocatedStorage: backup.allocatedStorage,
    Status: replicated ? 'replicating' : 'active',
    Port: backup.port,
    InstanceCreateTime: replicated ? backup.sourceCreatedAt : backup.createdAt,
    MasterUsername: masterUsername(backup.engine),
    Engine: backup.engine,
    EngineVersion: backup.engineVersion,
    LicenseModel: licenseModel(backup.engine),
    OptionGroupName: backup.optionGroup,
    Encrypted: replicated ? backup.kmsKeyId !== undefined : backup.storageEncrypted,
    StorageType: backup.storageType,
    KmsKeyId: backup.kmsKeyId,
    BackupRetentionPeriod: backup.backupRetentionDays,
    DBInstanceAutomatedBackupsArn: replicated ? backup.arn : automatedBackupArn(state.owner, backup.resourceId),
  };
}

/** DescribeDBInstanceAutomatedBackups: the region's own instances' backups and those replicated into it. */
export function automatedBackupHandlers(ctx: RdsContext): ServiceHandlers {
  return {
    DescribeDBInstanceAutomatedBackups: (request) => {
      const input: DescribeDBInstanceAutomatedBackupsMessage = request.input;
      const state = ctx.store.state(request);
      const view = viewNow(ctx);
      const all = [
        ...standaloneWithBackups(state).map((instance) => backupShape(state, instance, view)),
        ...[...state.replicatedBackups.values()].map((backup) => backupShape(state, backup, view)),
      ];
      const named = all.filter(
        (backup) =>
          (!input.DBInstanceAutomatedBackupsArn ||
            backup.DBInstanceAutomatedBackupsArn === input.DBInstanceAutomatedBackupsArn) &&
          (!input.DBInstanceIdentifier || backup.DBInstanceIdentifier === input.DBInstanceIdentifier.toLowerCase()) &&
          (!input.DbiResourceId || backup.DbiResourceId === input.DbiResourceId),
      );
      if (input.DBInstanceAutomatedBackupsArn && named.length === 0) {
        throw fault(
          'DBInstanceAutomatedBackupNotFoundFault',
          `Automated backups ${input.DBInstanceAutomatedBackupsArn} not found.`,
        );
      }
      const matching = applyFilters(named, input.Filters, {
        'db-instance-id': (backup) => [backup.DBInstanceIdentifier, backup.DBInstanceArn],
        'dbi-resource-id': (backup) => [backup.DbiResourceId],
        status: (backup) => [backup.Status],
      });
      const page = paginate(matching, (backup) => backup.DBInstanceAutomatedBackupsArn ?? '', input);
      return { DBInstanceAutomatedBackups: page.items, Marker: page.marker };
    },
  };
}
