import {
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeDBInstancesCommand,
  type DescribeDBInstancesMessage,
  DescribeDBSnapshotsCommand,
  type DescribeDBSnapshotsMessage,
  ListTagsForResourceCommand,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { hasAwsErrorName } from '../../../aws/error-names.js';
import type { RestorableWindow } from '../../../domain/source.js';
import { undefinedIfNotFound } from '../aws-errors.js';
import { instancePage, instanceSnapshotPage } from '../describe-pages.js';
import type { Page } from '../pagination.js';
import type { InstanceRecord, ResourceRecord, SnapshotRecord } from '../records.js';
import { fromTagList } from '../tags.js';

export async function describeInstances(
  rds: RDSClient,
  input: DescribeDBInstancesMessage,
): Promise<Page<InstanceRecord>> {
  return instancePage(await rds.send(new DescribeDBInstancesCommand(input)));
}

/** The instance named `identifier` (a cluster member too), or `undefined`. */
export function findInstance(rds: RDSClient, identifier: string): Promise<InstanceRecord | undefined> {
  return undefinedIfNotFound(
    'DBInstanceNotFoundFault',
    async () => (await describeInstances(rds, { DBInstanceIdentifier: identifier })).items[0],
  );
}

export async function describeSnapshots(
  rds: RDSClient,
  input: DescribeDBSnapshotsMessage,
): Promise<Page<SnapshotRecord>> {
  return instanceSnapshotPage(await rds.send(new DescribeDBSnapshotsCommand(input)));
}

/** This account's DB snapshot named `identifier`, or `undefined`. */
export function findSnapshot(rds: RDSClient, identifier: string): Promise<SnapshotRecord | undefined> {
  return undefinedIfNotFound(
    'DBSnapshotNotFoundFault',
    async () => (await describeSnapshots(rds, { DBSnapshotIdentifier: identifier })).items[0],
  );
}

export async function snapshotExists(rds: RDSClient, identifier: string): Promise<boolean> {
  return (await findSnapshot(rds, identifier)) !== undefined;
}

/** DescribeDBInstances carries TagList; should a response lack it, the tags are asked for. */
export async function instanceTags(rds: RDSClient, record: ResourceRecord): Promise<Record<string, string>> {
  if (record.tags) return record.tags;
  return fromTagList((await rds.send(new ListTagsForResourceCommand({ ResourceName: record.arn }))).TagList);
}

/**
 * DescribeDBInstances gives only LatestRestorableTime; the earliest comes from the instance's
 * automated backups (the active one, of this very instance, not a retained one of the same name).
 */
export async function instanceRestorableWindow(
  rds: RDSClient,
  instance: InstanceRecord,
): Promise<RestorableWindow | undefined> {
  try {
    const output = await rds.send(
      new DescribeDBInstanceAutomatedBackupsCommand({ DBInstanceIdentifier: instance.identifier }),
    );
    const backups = output.DBInstanceAutomatedBackups ?? [];
    const backup =
      backups.find((candidate) => instance.resourceId && candidate.DbiResourceId === instance.resourceId) ??
      backups.find((candidate) => candidate.Status === 'active');
    const earliest = backup?.RestoreWindow?.EarliestTime;
    const latest = instance.latestRestorableTime ?? backup?.RestoreWindow?.LatestTime;
    return earliest && latest ? { earliest, latest } : undefined;
  } catch (error) {
    if (hasAwsErrorName(error, 'DBInstanceAutomatedBackupNotFoundFault')) return undefined;
    throw error;
  }
}
