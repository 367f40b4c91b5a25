import {
  CopyDBClusterSnapshotCommand,
  CreateDBInstanceCommand,
  DBClusterSnapshotAlreadyExistsFault,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBClustersCommand,
  DocDBServiceException,
  InvalidDBClusterSnapshotStateFault,
  KMSKeyNotAccessibleFault,
  RestoreDBClusterFromSnapshotCommand,
  RestoreDBClusterToPointInTimeCommand,
} from '@aws-sdk/client-docdb';
import { describe, expect, it } from 'vitest';
import { ACC, createHarness, DAY, failure, PROD, START } from './simulated-harness.js';

const ACC_KEY = 'arn:aws:kms:eu-west-1:222222222222:key/acc-docdb';

function withSharedCatalog() {
  const harness = createHarness();
  const { rds } = harness;
  rds.addCluster(PROD, {
    id: 'catalog',
    engine: 'docdb',
    engineVersion: '5.0.0',
    kmsKeyId: 'key/prod-docdb',
    subnetGroup: 'prod-docdb',
    clusterParameterGroup: 'catalog-docdb50',
    members: [{ id: 'catalog-1', instanceClass: 'db.r6g.large' }],
  });
  rds.addCluster(PROD, {
    id: 'orders',
    engine: 'aurora-postgresql',
    engineVersion: '15.4',
    members: [{ id: 'orders-1', instanceClass: 'db.r6g.large' }],
  });
  const shared = rds.addClusterSnapshot(PROD, {
    id: 'catalog-share',
    sourceId: 'catalog',
    takenAt: new Date(START.getTime() - DAY),
    sharedWith: [ACC.accountId],
  });
  return { ...harness, prod: harness.docdbClient(PROD), acc: harness.docdbClient(ACC), shared };
}

describe('simulated DocumentDB: the shared-snapshot refresh', () => {
  it('refuses to restore a shared snapshot, copies it with a key of its own, then restores the copy', async () => {
    // Prepare
    const { acc, shared, advance, sim } = withSharedCatalog();
    const restore = (snapshot: string) =>
      acc.send(
        new RestoreDBClusterFromSnapshotCommand({
          DBClusterIdentifier: 'catalog-acc',
          SnapshotIdentifier: snapshot,
          Engine: 'docdb',
        }),
      );
    const copy = (kmsKeyId?: string) =>
      acc.send(
        new CopyDBClusterSnapshotCommand({
          SourceDBClusterSnapshotIdentifier: shared,
          TargetDBClusterSnapshotIdentifier: 'catalog-src-job1',
          KmsKeyId: kmsKeyId,
        }),
      );

    // Act
    const direct = await failure(restore(shared));
    const keyless = await failure(copy());
    const copied = await copy(ACC_KEY);
    const whileCopying = await failure(restore('catalog-src-job1'));
    const copyAgain = await failure(copy(ACC_KEY));
    advance(sim.world.durations.copySnapshotMs);
    const restored = await restore('catalog-src-job1');

    // Assess
    expect(direct).toBeInstanceOf(InvalidDBClusterSnapshotStateFault);
    expect(direct.name).toBe('InvalidDBClusterSnapshotStateFault');
    expect(keyless).toBeInstanceOf(KMSKeyNotAccessibleFault);
    expect(copied.DBClusterSnapshot).toMatchObject({
      DBClusterSnapshotIdentifier: 'catalog-src-job1',
      DBClusterSnapshotArn: 'arn:aws:rds:eu-west-1:222222222222:cluster-snapshot:catalog-src-job1',
      SourceDBClusterSnapshotArn: shared,
      Status: 'creating',
      KmsKeyId: ACC_KEY,
    });
    expect(whileCopying).toBeInstanceOf(InvalidDBClusterSnapshotStateFault);
    expect(copyAgain).toBeInstanceOf(DBClusterSnapshotAlreadyExistsFault);
    expect(restored.DBCluster).toMatchObject({
      DBClusterIdentifier: 'catalog-acc',
      Engine: 'docdb',
      EngineVersion: '5.0.0',
      Status: 'creating',
      KmsKeyId: ACC_KEY,
      DBSubnetGroup: 'default',
      DBClusterParameterGroup: 'default.docdb5.0',
      DBClusterMembers: [],
    });
    expect(sim.callsOf('CopyDBClusterSnapshot', 'DocDB').map((call) => call.outcome)).toEqual([
      'KMSKeyNotAccessibleFault',
      'ok',
      'DBClusterSnapshotAlreadyExistsFault',
    ]);
  });

  it('creates the first instance of a restored cluster as its writer, with a DocumentDB endpoint', async () => {
    // Prepare
    const { prod, advance, sim } = withSharedCatalog();
    await prod.send(
      new RestoreDBClusterToPointInTimeCommand({
        DBClusterIdentifier: 'catalog-pitr',
        SourceDBClusterIdentifier: 'catalog',
        UseLatestRestorableTime: true,
      }),
    );
    advance(sim.world.durations.restoreClusterMs);

    // Act
    const { DBInstance } = await prod.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'catalog-pitr-writer',
        DBClusterIdentifier: 'catalog-pitr',
        DBInstanceClass: 'db.r6g.large',
        Engine: 'docdb',
      }),
    );
    advance(sim.world.durations.createInstanceMs);
    const { DBClusters } = await prod.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'catalog-pitr' }));

    // Assess
    expect(DBInstance).toMatchObject({ DBInstanceStatus: 'creating', StorageEncrypted: true });
    expect(DBClusters?.[0]?.Endpoint).toMatch(/^catalog-pitr\.cluster-[a-z0-9]+\.eu-west-1\.docdb\.amazonaws\.com$/);
    expect(DBClusters?.[0]?.DBClusterMembers).toEqual([
      expect.objectContaining({ DBInstanceIdentifier: 'catalog-pitr-writer', IsClusterWriter: true }),
    ]);
  });
});

describe('simulated DocumentDB: describe', () => {
  it('lists clusters of every engine, as AWS does, until filtered on engine docdb', async () => {
    // Prepare
    const { prod } = withSharedCatalog();

    // Act
    const all = await prod.send(new DescribeDBClustersCommand({}));
    const docdb = await prod.send(new DescribeDBClustersCommand({ Filters: [{ Name: 'engine', Values: ['docdb'] }] }));

    // Assess
    expect(all.DBClusters?.map((cluster) => cluster.Engine)).toEqual(['docdb', 'aurora-postgresql']);
    expect(docdb.DBClusters?.map((cluster) => cluster.DBClusterIdentifier)).toEqual(['catalog']);
  });

  it('shows a snapshot shared with the account under its ARN, and fails with DocumentDB exception classes', async () => {
    // Prepare
    const { acc, shared } = withSharedCatalog();

    // Act
    const { DBClusterSnapshots } = await acc.send(new DescribeDBClusterSnapshotsCommand({ SnapshotType: 'shared' }));
    const badFilter = await failure(
      acc.send(new DescribeDBClustersCommand({ Filters: [{ Name: 'db-cluster-id', Values: [] }] })),
    );

    // Assess
    expect(DBClusterSnapshots).toEqual([
      expect.objectContaining({ DBClusterSnapshotIdentifier: shared, SnapshotType: 'shared', Engine: 'docdb' }),
    ]);
    expect(badFilter).toBeInstanceOf(DocDBServiceException);
    expect(badFilter.name).toBe('InvalidParameterValue');
  });
});
