import {
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeDBInstancesCommand,
  type DescribeDBInstancesMessage,
  DescribeDBSnapshotsCommand,
  type DescribeDBSnapshotsMessage,
  ListTagsForResourceCommand,
  type RDSClient,
} from '@aws-sdk/client-rds';
import type { RestorableWindow } from '../../../domain/source.js';
import { hasErrorName } from '../aws-errors.js';
import type { Page } from '../pagination.js';
import {
  type InstanceRecord,
  type ResourceRecord,
  type SnapshotRecord,
  toInstanceRecord,
  toInstanceSnapshotRecord,
} from '../records.js';
import { fromTagList } from '../tags.js';

export async function describeInstances(
  rds: RDSClient,
  input: DescribeDBInstancesMessage,
): Promise<Page<InstanceRecord>> {
  const output = await rds.send(new DescribeDBInstancesCommand(input));
  return { items: (output.DBInstances ?? []).map(toInstanceRecord), marker: output.Marker };
}

/** The instance named `identifier` (a cluster member too), or `undefined`. */
export async function findInstance(rds: RDSClient, identifier: string): Promise<InstanceRecord | undefined> {
  try {
    return (await describeInstances(rds, { DBInstanceIdentifier: identifier })).items[0];
  } catch (error) {
    if (hasErrorName(error, 'DBInstanceNotFoundFault')) return undefined;
    throw error;
  }
}

export async function describeSnapshots(
  rds: RDSClient,
  input: DescribeDBSnapshotsMessage,
): Promise<Page<SnapshotRecord>> {
  const output = await rds.send(new DescribeDBSnapshotsCommand(input));
  return { items: (output.DBSnapshots ?? []).map(toInstanceSnapshotRecord), marker: output.Marker };
}

/** This account's DB snapshot named `identifier`, or `undefined`. */
export async function findSnapshot(rds: RDSClient, identifier: string): Promise<SnapshotRecord | undefined> {
  try {
    return (await describeSnapshots(rds, { DBSnapshotIdentifier: identifier })).items[0];
  } catch (error) {
    if (hasErrorName(error, 'DBSnapshotNotFoundFault')) return undefined;
    throw error;
  }
}

export async function snapshotExists(rds: RDSClient, identifier: string): Promise<boolean> {
  try {
    const output = await rds.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: identifier }));
    return (output.DBSnapshots ?? []).length > 0;
  } catch (error) {
    if (hasErrorName(error, 'DBSnapshotNotFoundFault')) return false;
    throw error;
  }
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
    if (hasErrorName(error, 'DBInstanceAutomatedBackupNotFoundFault')) return undefined;
    throw error;
  }
}
