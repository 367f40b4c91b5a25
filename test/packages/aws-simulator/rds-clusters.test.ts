import {
  CreateDBInstanceCommand,
  DBClusterAlreadyExistsFault,
  DBClusterNotFoundFault,
  DBClusterSnapshotAlreadyExistsFault,
  DeleteDBClusterCommand,
  DeleteDBInstanceCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  InvalidDBClusterStateFault,
  InvalidRestoreFault,
  ModifyDBClusterCommand,
  type RDSClient,
  RDSServiceException,
  RestoreDBClusterFromSnapshotCommand,
  type RestoreDBClusterFromSnapshotCommandInput,
  RestoreDBClusterToPointInTimeCommand,
} from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { ACC, createHarness, DAY, failure, MINUTE, PROD, START } from './simulated-harness.js';

const CREATED = new Date(START.getTime() - 3 * DAY);

function withClusters() {
  const harness = createHarness();
  harness.rds.addCluster(PROD, {
    id: 'orders',
    engine: 'aurora-postgresql',
    engineVersion: '15.4',
    subnetGroup: 'prod-private',
    securityGroupIds: ['sg-aurora'],
    clusterParameterGroup: 'orders-aurora-pg15',
    kmsKeyId: 'key/prod-rds',
    deletionProtection: true,
    tags: { team: 'payments', service: 'orders', env: 'production' },
    createdAt: CREATED,
    members: [
      { id: 'orders-1', instanceClass: 'db.r6g.large' },
      { id: 'orders-2', instanceClass: 'db.r6g.large' },
    ],
  });
  harness.rds.addCluster(PROD, {
    id: 'catalog',
    engine: 'docdb',
    engineVersion: '5.0.0',
    members: [{ id: 'catalog-1', instanceClass: 'db.r6g.large' }],
  });
  return { ...harness, prod: harness.rdsClient(PROD) };
}

async function describeCluster(client: RDSClient, id: string) {
  const { DBClusters } = await client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }));
  const cluster = DBClusters?.[0];
  if (!cluster) throw new Error(`no cluster ${id}`);
  return cluster;
}

describe('simulated Aurora clusters: describe', () => {
  it('shows members with the writer first, and a restorable window computed from the clock', async () => {
    // Prepare
    const { prod, advance } = withClusters();

    // Act
    const first = await describeCluster(prod, 'orders');
    advance(60 * MINUTE);
    const hourLater = await describeCluster(prod, 'orders');

    // Assess
    expect(first).toMatchObject({
      DBClusterArn: 'arn:aws:rds:eu-west-1:111111111111:cluster:orders',
      Status: 'available',
      Engine: 'aurora-postgresql',
      DBSubnetGroup: 'prod-private',
      DBClusterParameterGroup: 'orders-aurora-pg15',
      VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-aurora', Status: 'active' }],
      StorageEncrypted: true,
      DeletionProtection: true,
      MultiAZ: true,
      DBClusterMembers: [
        { DBInstanceIdentifier: 'orders-1', IsClusterWriter: true },
        { DBInstanceIdentifier: 'orders-2', IsClusterWriter: false },
      ],
      EarliestRestorableTime: CREATED,
      LatestRestorableTime: new Date(START.getTime() - 5 * MINUTE),
    });
    expect(first.Endpoint).toMatch(/^orders\.cluster-[a-z0-9]+\.eu-west-1\.rds\.amazonaws\.com$/);
    expect(first.DbClusterResourceId).toMatch(/^cluster-[A-Z0-9]{26}$/);
    expect(hourLater.LatestRestorableTime).toEqual(new Date(START.getTime() + 55 * MINUTE));
  });

  it('lists DocumentDB clusters too, as RDS does, until filtered on engine or identifier', async () => {
    // Prepare
    const { prod } = withClusters();

    // Act
    const all = await prod.send(new DescribeDBClustersCommand({}));
    const aurora = await prod.send(
      new DescribeDBClustersCommand({ Filters: [{ Name: 'engine', Values: ['aurora-postgresql', 'aurora-mysql'] }] }),
    );
    const byArn = await prod.send(
      new DescribeDBClustersCommand({
        Filters: [{ Name: 'db-cluster-id', Values: ['arn:aws:rds:eu-west-1:111111111111:cluster:catalog'] }],
      }),
    );
    const unknown = await failure(prod.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'nope' })));

    // Assess
    expect(all.DBClusters?.map((cluster) => cluster.DBClusterIdentifier)).toEqual(['catalog', 'orders']);
    expect(aurora.DBClusters?.map((cluster) => cluster.DBClusterIdentifier)).toEqual(['orders']);
    expect(byArn.DBClusters?.map((cluster) => cluster.Engine)).toEqual(['docdb']);
    expect(unknown).toBeInstanceOf(DBClusterNotFoundFault);
    expect(unknown.name).toBe('DBClusterNotFoundFault');
  });
});

describe('simulated Aurora clusters: restores', () => {
  it('restores to a point in time with defaults and no instances; the writer is created once it is available', async () => {
    // Prepare
    const { prod, advance, sim } = withClusters();
    const createWriter = () =>
      prod.send(
        new CreateDBInstanceCommand({
          DBInstanceIdentifier: 'orders-pitr-writer',
          DBClusterIdentifier: 'orders-pitr',
          Engine: 'aurora-postgresql',
          DBInstanceClass: 'db.r6g.large',
        }),
      );

    // Act
    const { DBCluster } = await prod.send(
      new RestoreDBClusterToPointInTimeCommand({
        DBClusterIdentifier: 'orders-pitr',
        SourceDBClusterIdentifier: 'orders',
        RestoreToTime: new Date(START.getTime() - DAY),
        Tags: [{ Key: 'restore-bot:job-id', Value: 'job-7' }],
      }),
    );
    const members = await prod.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: 'db-cluster-id', Values: ['orders-pitr'] }] }),
    );
    const tooEarly = await failure(createWriter());
    advance(sim.world.durations.restoreClusterMs);
    const writer = await createWriter();
    const withWriter = await describeCluster(prod, 'orders-pitr');

    // Assess
    expect(DBCluster).toMatchObject({
      Status: 'creating',
      DBClusterMembers: [],
      DBSubnetGroup: 'default',
      VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-default' }],
      DBClusterParameterGroup: 'default.aurora-postgresql15',
      DeletionProtection: false,
      StorageEncrypted: true,
      TagList: [{ Key: 'restore-bot:job-id', Value: 'job-7' }],
    });
    expect(DBCluster?.LatestRestorableTime).toBeUndefined();
    expect(members.DBInstances).toEqual([]);
    expect(tooEarly).toBeInstanceOf(InvalidDBClusterStateFault);
    expect(writer.DBInstance).toMatchObject({
      DBInstanceStatus: 'creating',
      DBClusterIdentifier: 'orders-pitr',
      EngineVersion: '15.4',
      StorageEncrypted: true,
    });
    expect(withWriter).toMatchObject({
      Status: 'available',
      DBClusterMembers: [{ DBInstanceIdentifier: 'orders-pitr-writer', IsClusterWriter: true }],
    });
  });

  it('refuses restore parameters and times AWS refuses', async () => {
    // Prepare
    const { prod } = withClusters();
    const restore = (extra: Record<string, unknown>) =>
      failure(
        prod.send(
          new RestoreDBClusterToPointInTimeCommand({
            DBClusterIdentifier: 'orders-pitr',
            SourceDBClusterIdentifier: 'orders',
            ...extra,
          }),
        ),
      );

    // Act
    const both = await restore({ RestoreToTime: new Date(START.getTime() - DAY), UseLatestRestorableTime: true });
    const beforeCreation = await restore({ RestoreToTime: new Date(CREATED.getTime() - MINUTE) });
    const future = await restore({ RestoreToTime: new Date(START.getTime() + MINUTE) });
    const exists = await restore({ DBClusterIdentifier: 'catalog', UseLatestRestorableTime: true });
    const cloneAtTime = await restore({ RestoreType: 'copy-on-write', RestoreToTime: new Date(START.getTime() - DAY) });

    // Assess
    expect(both).toBeInstanceOf(RDSServiceException);
    expect(both.name).toBe('InvalidParameterCombination');
    expect(beforeCreation).toBeInstanceOf(InvalidRestoreFault);
    expect(future).toBeInstanceOf(InvalidRestoreFault);
    expect(exists).toBeInstanceOf(DBClusterAlreadyExistsFault);
    expect(cloneAtTime.name).toBe('InvalidParameterCombination');
  });

  it('clones with copy-on-write in the same account only, sharing a clone group with the source', async () => {
    // Prepare
    const { prod, rdsClient } = withClusters();
    const acc = rdsClient(ACC);

    // Act
    const { DBCluster } = await prod.send(
      new RestoreDBClusterToPointInTimeCommand({
        DBClusterIdentifier: 'orders-clone',
        SourceDBClusterIdentifier: 'orders',
        RestoreType: 'copy-on-write',
        UseLatestRestorableTime: true,
      }),
    );
    const source = await describeCluster(prod, 'orders');
    const crossAccount = await failure(
      acc.send(
        new RestoreDBClusterToPointInTimeCommand({
          DBClusterIdentifier: 'orders-clone',
          SourceDBClusterIdentifier: 'arn:aws:rds:eu-west-1:111111111111:cluster:orders',
          RestoreType: 'copy-on-write',
          UseLatestRestorableTime: true,
        }),
      ),
    );

    // Assess
    expect(DBCluster?.CloneGroupId).toBeDefined();
    expect(source.CloneGroupId).toBe(DBCluster?.CloneGroupId);
    expect(crossAccount).toBeInstanceOf(DBClusterNotFoundFault);
  });

  it('restores from a snapshot only with Engine given, and never over an existing cluster', async () => {
    // Prepare
    const { prod, rds } = withClusters();
    rds.addClusterSnapshot(PROD, { id: 'orders-manual', sourceId: 'orders', takenAt: new Date(START.getTime() - DAY) });
    const restore = (input: { DBClusterIdentifier: string; Engine?: string }) =>
      prod.send(
        new RestoreDBClusterFromSnapshotCommand({
          SnapshotIdentifier: 'orders-manual',
          ...input,
        } as RestoreDBClusterFromSnapshotCommandInput),
      );

    // Act
    const noEngine = await failure(restore({ DBClusterIdentifier: 'orders-copy' }));
    const wrongEngine = await failure(restore({ DBClusterIdentifier: 'orders-copy', Engine: 'aurora-mysql' }));
    const exists = await failure(restore({ DBClusterIdentifier: 'orders', Engine: 'aurora-postgresql' }));
    const { DBCluster } = await restore({ DBClusterIdentifier: 'orders-copy', Engine: 'aurora-postgresql' });

    // Assess
    expect(noEngine.name).toBe('InvalidParameterValue');
    expect(wrongEngine.name).toBe('InvalidParameterCombination');
    expect(exists).toBeInstanceOf(DBClusterAlreadyExistsFault);
    expect(DBCluster).toMatchObject({ Status: 'creating', EngineVersion: '15.4', DBClusterMembers: [] });
  });
});

describe('simulated Aurora clusters: rename and delete', () => {
  it('renames with ApplyImmediately and moves the members along', async () => {
    // Prepare
    const { prod, advance, sim } = withClusters();

    // Act
    const { DBCluster } = await prod.send(
      new ModifyDBClusterCommand({
        DBClusterIdentifier: 'orders',
        NewDBClusterIdentifier: 'orders-old',
        ApplyImmediately: true,
      }),
    );
    const taken = await failure(
      prod.send(
        new ModifyDBClusterCommand({
          DBClusterIdentifier: 'orders-old',
          NewDBClusterIdentifier: 'catalog',
          ApplyImmediately: true,
        }),
      ),
    );
    const busy = await failure(
      prod.send(
        new ModifyDBClusterCommand({
          DBClusterIdentifier: 'orders-old',
          NewDBClusterIdentifier: 'orders-x',
          ApplyImmediately: true,
        }),
      ),
    );
    advance(sim.world.durations.renameMs);
    const renamed = await describeCluster(prod, 'orders-old');
    const member = await prod.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-1' }));

    // Assess
    expect(DBCluster).toMatchObject({ DBClusterIdentifier: 'orders-old', Status: 'renaming' });
    expect(taken).toBeInstanceOf(DBClusterAlreadyExistsFault);
    expect(busy).toBeInstanceOf(InvalidDBClusterStateFault);
    expect(renamed.Status).toBe('available');
    expect(renamed.DBClusterMembers?.map((m) => m.DBInstanceIdentifier)).toEqual(['orders-1', 'orders-2']);
    expect(member.DBInstances?.[0]?.DBClusterIdentifier).toBe('orders-old');
  });

  it('deletes a cluster only once its members are deleting, leaving a final cluster snapshot', async () => {
    // Prepare
    const { prod, advance, sim, rds } = withClusters();
    rds.addClusterSnapshot(PROD, { id: 'taken', sourceId: 'orders' });
    const deleteCluster = (finalId: string) =>
      prod.send(new DeleteDBClusterCommand({ DBClusterIdentifier: 'orders', FinalDBSnapshotIdentifier: finalId }));

    // Act
    const protectedError = await failure(deleteCluster('orders-final'));
    await prod.send(new ModifyDBClusterCommand({ DBClusterIdentifier: 'orders', DeletionProtection: false }));
    const withMembers = await failure(deleteCluster('orders-final'));
    const memberSnapshot = await failure(
      prod.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'orders-1', FinalDBSnapshotIdentifier: 'x' })),
    );
    await prod.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'orders-1' }));
    await prod.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'orders-2' }));
    const finalTaken = await failure(deleteCluster('taken'));
    const deleting = await deleteCluster('orders-final');
    advance(sim.world.durations.deleteMs);
    const gone = await failure(prod.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'orders' })));
    const finals = await prod.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'orders-final' }),
    );

    // Assess
    expect(protectedError.name).toBe('InvalidParameterCombination');
    expect(withMembers).toBeInstanceOf(InvalidDBClusterStateFault);
    expect(memberSnapshot.name).toBe('InvalidParameterCombination');
    expect(finalTaken).toBeInstanceOf(DBClusterSnapshotAlreadyExistsFault);
    expect(deleting.DBCluster?.Status).toBe('deleting');
    expect(gone).toBeInstanceOf(DBClusterNotFoundFault);
    expect(finals.DBClusterSnapshots?.[0]).toMatchObject({
      DBClusterIdentifier: 'orders',
      SnapshotType: 'manual',
      Status: 'available',
      StorageEncrypted: true,
    });
  });
});
