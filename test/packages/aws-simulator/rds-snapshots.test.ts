import {
  CopyDBClusterSnapshotCommand,
  DBClusterSnapshotNotFoundFault,
  DBSnapshotNotFoundFault,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBSnapshotsCommand,
  KMSKeyNotAccessibleFault,
  RestoreDBClusterFromSnapshotCommand,
} from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { ACC, createHarness, DAY, failure, MINUTE, PROD, START } from './simulated-harness.js';

const OTHER = { accountId: '333333333333', region: 'eu-west-1' };

function withSharedSnapshots() {
  const harness = createHarness();
  const { rds } = harness;
  rds.addCluster(PROD, {
    id: 'orders',
    engine: 'aurora-postgresql',
    engineVersion: '15.4',
    kmsKeyId: 'key/prod-rds',
    backupRetentionDays: 2,
    createdAt: new Date(START.getTime() - 10 * DAY),
    members: [{ id: 'orders-1', instanceClass: 'db.r6g.large' }],
  });
  rds.addInstance(PROD, { id: 'billing-db', engine: 'mysql', instanceClass: 'db.r6g.large', backupRetentionDays: 0 });
  const ordersShare = rds.addClusterSnapshot(PROD, {
    id: 'orders-share',
    sourceId: 'orders',
    takenAt: new Date(START.getTime() - DAY),
    tags: { secret: 'owner-only' },
    sharedWith: [ACC.accountId],
  });
  const preUpgrade = rds.addClusterSnapshot(PROD, {
    id: 'orders-pre-upgrade',
    sourceId: 'orders',
    takenAt: new Date(START.getTime() - 5 * DAY),
    engineVersion: '14.9',
    sharedWith: [ACC.accountId],
  });
  rds.addClusterSnapshot(PROD, { id: 'orders-private', sourceId: 'orders', takenAt: new Date(START.getTime() - DAY) });
  const billingShare = rds.addInstanceSnapshot(PROD, {
    id: 'billing-share',
    sourceId: 'billing-db',
    sharedWith: [ACC.accountId],
  });
  rds.addCluster(ACC, {
    id: 'orders-acc',
    engine: 'aurora-postgresql',
    engineVersion: '15.4',
    backupRetentionDays: 0,
    members: [{ id: 'orders-acc-1', instanceClass: 'db.t4g.medium' }],
  });
  rds.addClusterSnapshot(ACC, { id: 'orders-acc-manual', sourceId: 'orders-acc' });
  return {
    ...harness,
    prod: harness.rdsClient(PROD),
    acc: harness.rdsClient(ACC),
    other: harness.rdsClient(OTHER),
    arns: { ordersShare, preUpgrade, billingShare },
  };
}

const ids = (output: { DBClusterSnapshots?: { DBClusterSnapshotIdentifier?: string }[] }) =>
  (output.DBClusterSnapshots ?? []).map((snapshot) => snapshot.DBClusterSnapshotIdentifier);

describe('simulated RDS snapshots: automated snapshots', () => {
  it('takes one every day at 03:00 UTC and keeps only the retention period', async () => {
    // Prepare
    const { prod, advance, sim } = withSharedSnapshots();
    const automated = async () =>
      (
        await prod.send(
          new DescribeDBClusterSnapshotsCommand({ DBClusterIdentifier: 'orders', SnapshotType: 'automated' }),
        )
      ).DBClusterSnapshots ?? [];

    // Act
    const today = await automated();
    advance(15 * 60 * MINUTE); // 2026-11-22 03:00
    const atBackupTime = await automated();
    advance(sim.world.durations.createSnapshotMs);
    const afterBackup = await automated();

    // Assess
    expect(today.map((snapshot) => snapshot.DBClusterSnapshotIdentifier)).toEqual([
      'rds:orders-2026-11-20-03-00',
      'rds:orders-2026-11-21-03-00',
    ]);
    expect(today[0]).toMatchObject({
      SnapshotType: 'automated',
      Status: 'available',
      SnapshotCreateTime: new Date('2026-11-20T03:00:00Z'),
      DBClusterSnapshotArn: 'arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:rds:orders-2026-11-20-03-00',
      StorageEncrypted: true,
    });
    expect(atBackupTime.map((snapshot) => [snapshot.DBClusterSnapshotIdentifier, snapshot.Status])).toEqual([
      ['rds:orders-2026-11-21-03-00', 'available'],
      ['rds:orders-2026-11-22-03-00', 'creating'],
    ]);
    expect(afterBackup.map((snapshot) => snapshot.Status)).toEqual(['available', 'available']);
  });

  it('finds an automated snapshot by identifier only when SnapshotType says automated', async () => {
    // Prepare
    const { prod } = withSharedSnapshots();
    const id = 'rds:orders-2026-11-21-03-00';

    // Act
    const withoutType = await failure(
      prod.send(new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: id })),
    );
    const withType = await prod.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: id, SnapshotType: 'automated' }),
    );

    // Assess
    expect(withoutType).toBeInstanceOf(DBClusterSnapshotNotFoundFault);
    expect(ids(withType)).toEqual([id]);
  });
});

describe('simulated RDS snapshots: sharing', () => {
  it('shows shared snapshots only with IncludeShared or SnapshotType shared, named by ARN, without the owner tags', async () => {
    // Prepare
    const { acc, other, arns } = withSharedSnapshots();

    // Act
    const own = await acc.send(new DescribeDBClusterSnapshotsCommand({}));
    const included = await acc.send(new DescribeDBClusterSnapshotsCommand({ IncludeShared: true }));
    const sharedOnly = await acc.send(new DescribeDBClusterSnapshotsCommand({ SnapshotType: 'shared' }));
    const stranger = await other.send(new DescribeDBClusterSnapshotsCommand({ SnapshotType: 'shared' }));

    // Assess
    expect(ids(own)).toEqual(['orders-acc-manual']);
    expect(ids(included)).toEqual([arns.preUpgrade, arns.ordersShare, 'orders-acc-manual']);
    expect(ids(sharedOnly)).toEqual([arns.preUpgrade, arns.ordersShare]);
    expect(sharedOnly.DBClusterSnapshots?.[1]).toMatchObject({
      DBClusterSnapshotArn: arns.ordersShare,
      SnapshotType: 'shared',
      DBClusterIdentifier: 'orders',
      EngineVersion: '15.4',
      StorageEncrypted: true,
      TagList: [],
    });
    expect(stranger.DBClusterSnapshots).toEqual([]);
  });

  it('filters snapshots on source, identifier, type and engine', async () => {
    // Prepare
    const { acc, prod, arns } = withSharedSnapshots();

    // Act
    const bySource = await acc.send(
      new DescribeDBClusterSnapshotsCommand({
        IncludeShared: true,
        Filters: [{ Name: 'db-cluster-id', Values: ['arn:aws:rds:eu-west-1:111111111111:cluster:orders'] }],
      }),
    );
    const byType = await prod.send(
      new DescribeDBClusterSnapshotsCommand({ Filters: [{ Name: 'snapshot-type', Values: ['manual'] }] }),
    );
    const byId = await prod.send(
      new DescribeDBClusterSnapshotsCommand({
        Filters: [{ Name: 'db-cluster-snapshot-id', Values: ['orders-private', arns.ordersShare] }],
      }),
    );
    const noEngine = await prod.send(
      new DescribeDBClusterSnapshotsCommand({ Filters: [{ Name: 'engine', Values: ['docdb'] }] }),
    );

    // Assess
    expect(ids(bySource)).toEqual([arns.preUpgrade, arns.ordersShare]);
    expect(ids(byType)).toEqual(['orders-pre-upgrade', 'orders-private', 'orders-share']);
    expect(ids(byId)).toEqual(['orders-private', 'orders-share']);
    expect(noEngine.DBClusterSnapshots).toEqual([]);
  });

  it('restores another account’s snapshot only by ARN', async () => {
    // Prepare
    const { acc, arns } = withSharedSnapshots();
    const restore = (snapshot: string) =>
      acc.send(
        new RestoreDBClusterFromSnapshotCommand({
          DBClusterIdentifier: 'orders-refresh',
          SnapshotIdentifier: snapshot,
          Engine: 'aurora-postgresql',
        }),
      );

    // Act
    const byId = await failure(restore('orders-share'));
    const { DBCluster } = await restore(arns.ordersShare);

    // Assess
    expect(byId).toBeInstanceOf(DBClusterSnapshotNotFoundFault);
    expect(DBCluster).toMatchObject({
      DBClusterArn: 'arn:aws:rds:eu-west-1:222222222222:cluster:orders-refresh',
      Status: 'creating',
      StorageEncrypted: true,
      KmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/prod-rds',
    });
  });

  it('lists shared DB snapshots the same way', async () => {
    // Prepare
    const { acc, arns } = withSharedSnapshots();

    // Act
    const shared = await acc.send(new DescribeDBSnapshotsCommand({ SnapshotType: 'shared' }));
    const byArn = await acc.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: arns.billingShare }));
    const byId = await failure(acc.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'billing-share' })));

    // Assess
    expect(shared.DBSnapshots?.map((snapshot) => [snapshot.DBSnapshotIdentifier, snapshot.SnapshotType])).toEqual([
      [arns.billingShare, 'shared'],
    ]);
    expect(byArn.DBSnapshots?.[0]?.DBInstanceIdentifier).toBe('billing-db');
    expect(byId).toBeInstanceOf(DBSnapshotNotFoundFault);
  });
});

describe('simulated RDS snapshots: copies and paging', () => {
  it('copies a snapshot, pointing at its source, creating for copySnapshotMs', async () => {
    // Prepare
    const { prod, advance, sim } = withSharedSnapshots();

    // Act
    const { DBClusterSnapshot } = await prod.send(
      new CopyDBClusterSnapshotCommand({
        SourceDBClusterSnapshotIdentifier: 'rds:orders-2026-11-21-03-00',
        TargetDBClusterSnapshotIdentifier: 'orders-keep',
        Tags: [{ Key: 'purpose', Value: 'audit' }],
      }),
    );
    advance(sim.world.durations.copySnapshotMs);
    const later = await prod.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'orders-keep' }),
    );

    // Assess
    expect(DBClusterSnapshot).toMatchObject({
      DBClusterSnapshotIdentifier: 'orders-keep',
      SnapshotType: 'manual',
      Status: 'creating',
      SourceDBClusterSnapshotArn: 'arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:rds:orders-2026-11-21-03-00',
      TagList: [{ Key: 'purpose', Value: 'audit' }],
    });
    expect(later.DBClusterSnapshots?.[0]?.Status).toBe('available');
  });

  it('needs a KmsKeyId of its own to copy an encrypted snapshot shared by another account', async () => {
    // Prepare
    const { acc, arns } = withSharedSnapshots();

    // Act
    const error = await failure(
      acc.send(
        new CopyDBClusterSnapshotCommand({
          SourceDBClusterSnapshotIdentifier: arns.ordersShare,
          TargetDBClusterSnapshotIdentifier: 'orders-copy',
        }),
      ),
    );

    // Assess
    expect(error).toBeInstanceOf(KMSKeyNotAccessibleFault);
    expect(error.name).toBe('KMSKeyNotAccessibleFault');
  });

  it('pages through snapshots with Marker', async () => {
    // Prepare
    const { prod, rds } = withSharedSnapshots();
    for (let n = 0; n < 25; n += 1) {
      rds.addClusterSnapshot(PROD, { id: `bulk-${String(n).padStart(2, '0')}`, sourceId: 'orders' });
    }

    // Act
    const first = await prod.send(new DescribeDBClusterSnapshotsCommand({ SnapshotType: 'manual', MaxRecords: 20 }));
    const second = await prod.send(
      new DescribeDBClusterSnapshotsCommand({ SnapshotType: 'manual', MaxRecords: 20, Marker: first.Marker }),
    );

    // Assess
    expect(first.DBClusterSnapshots).toHaveLength(20);
    expect(first.Marker).toBeDefined();
    expect(second.DBClusterSnapshots).toHaveLength(8);
    expect(second.Marker).toBeUndefined();
  });
});
