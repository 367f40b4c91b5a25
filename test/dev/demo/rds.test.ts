import {
  DescribeDBClusterSnapshotsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
} from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../dev/demo/accounts.js';
import { seedRdsDemo } from '../../../dev/demo/rds.js';
import { createHarness } from '../../packages/aws-simulator/simulated-harness.js';

function seeded() {
  const harness = createHarness();
  seedRdsDemo(harness.rds, DEMO_ACCOUNTS);
  return {
    ...harness,
    prod: harness.rdsClient(DEMO_ACCOUNTS.production),
    acc: harness.rdsClient(DEMO_ACCOUNTS.acceptance),
    dr: harness.rdsClient(DEMO_ACCOUNTS.disasterRecovery),
  };
}

describe('seedRdsDemo', () => {
  it('gives production protected instances, Aurora and DocumentDB clusters with custom settings and tags', async () => {
    // Prepare
    const { prod } = seeded();

    // Act
    const { DBInstances } = await prod.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-db' }));
    const { DBClusters } = await prod.send(new DescribeDBClustersCommand({}));

    // Assess
    expect(DBInstances?.[0]).toMatchObject({
      Engine: 'postgres',
      EngineVersion: '16.4',
      DeletionProtection: true,
      BackupRetentionPeriod: 7,
      DBSubnetGroup: { DBSubnetGroupName: 'prod-private' },
    });
    const byId = new Map(DBClusters?.map((cluster) => [cluster.DBClusterIdentifier, cluster]));
    expect([...byId.keys()].sort()).toEqual(['catalog', 'inventory', 'orders', 'sessions']);
    expect(byId.get('orders')).toMatchObject({
      Engine: 'aurora-postgresql',
      EngineVersion: '15.4',
      DBClusterMembers: [
        { DBInstanceIdentifier: 'orders-1', IsClusterWriter: true },
        { DBInstanceIdentifier: 'orders-2', IsClusterWriter: false },
      ],
    });
    expect(byId.get('catalog')).toMatchObject({ Engine: 'docdb', StorageEncrypted: true });
    expect(byId.get('catalog')?.KmsKeyId).toMatch(/^arn:aws:kms:eu-west-1:111111111111:key\//);
    for (const cluster of byId.values()) {
      expect(cluster.TagList?.map((tag) => tag.Key)).toEqual(['team', 'service', 'env']);
    }
  });

  it('shares production snapshots with acceptance, newest first by date, one of an older engine version', async () => {
    // Prepare
    const { acc } = seeded();

    // Act
    const clusters = await acc.send(new DescribeDBClusterSnapshotsCommand({ SnapshotType: 'shared' }));
    const instances = await acc.send(new DescribeDBSnapshotsCommand({ SnapshotType: 'shared' }));

    // Assess
    const orders = (clusters.DBClusterSnapshots ?? [])
      .filter((snapshot) => snapshot.DBClusterIdentifier === 'orders')
      .sort((a, b) => (b.SnapshotCreateTime?.getTime() ?? 0) - (a.SnapshotCreateTime?.getTime() ?? 0));
    expect(orders.map((snapshot) => snapshot.EngineVersion)).toEqual(['15.4', '15.4', '15.4', '14.9']);
    expect(orders[0]?.DBClusterSnapshotArn).toMatch(
      /^arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:orders-share-/,
    );
    expect(orders.every((snapshot) => snapshot.StorageEncrypted)).toBe(true);
    expect(clusters.DBClusterSnapshots?.some((snapshot) => snapshot.Engine === 'docdb')).toBe(true);
    expect(instances.DBSnapshots?.map((snapshot) => [snapshot.DBInstanceIdentifier, snapshot.Encrypted])).toEqual([
      ['billing-db', true],
      ['orders-db', true],
    ]);
  });

  it('gives acceptance its own long-lived copies, with daily automated snapshots', async () => {
    // Prepare
    const { acc } = seeded();

    // Act
    const { DBClusters } = await acc.send(new DescribeDBClustersCommand({}));
    const { DBInstances } = await acc.send(new DescribeDBInstancesCommand({}));
    const automated = await acc.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterIdentifier: 'orders-acc', SnapshotType: 'automated' }),
    );

    // Assess
    expect(DBClusters?.map((cluster) => cluster.DBClusterIdentifier)).toEqual(
      expect.arrayContaining(['orders-acc', 'catalog-acc']),
    );
    expect(DBInstances?.map((instance) => instance.DBInstanceIdentifier)).toContain('billing-acc');
    expect(automated.DBClusterSnapshots).toHaveLength(7);
  });

  it('keeps last night’s orders backups in the disaster-recovery region', async () => {
    // Prepare
    const { dr } = seeded();

    // Act
    const { DBClusterSnapshots } = await dr.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterIdentifier: 'orders' }),
    );
    const { DBInstanceAutomatedBackups } = await dr.send(new DescribeDBInstanceAutomatedBackupsCommand({}));

    // Assess
    expect(DBClusterSnapshots).toHaveLength(1);
    expect(DBClusterSnapshots?.[0]).toMatchObject({
      Engine: 'aurora-postgresql',
      Status: 'available',
      KmsKeyId: expect.stringMatching(/^arn:aws:kms:us-west-2:/),
      SourceDBClusterSnapshotArn: expect.stringMatching(
        /^arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:rds:orders-/,
      ),
    });
    expect(DBInstanceAutomatedBackups).toEqual([
      expect.objectContaining({ DBInstanceIdentifier: 'orders-db', Region: 'eu-west-1', Status: 'replicating' }),
    ]);
  });
});
