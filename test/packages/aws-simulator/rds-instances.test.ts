import {
  AddTagsToResourceCommand,
  CopyDBSnapshotCommand,
  CreateDBInstanceCommand,
  DBInstanceAlreadyExistsFault,
  DBInstanceAutomatedBackupNotFoundFault,
  DBInstanceNotFoundFault,
  DBParameterGroupNotFoundFault,
  DBSnapshotAlreadyExistsFault,
  DBSnapshotNotFoundFault,
  DBSubnetGroupNotFoundFault,
  DeleteDBInstanceCommand,
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  InvalidDBInstanceStateFault,
  InvalidDBSnapshotStateFault,
  InvalidRestoreFault,
  KMSKeyNotAccessibleFault,
  ListTagsForResourceCommand,
  ModifyDBInstanceCommand,
  type RDSClient,
  RDSServiceException,
  RemoveTagsFromResourceCommand,
  RestoreDBInstanceFromDBSnapshotCommand,
  RestoreDBInstanceToPointInTimeCommand,
} from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { ACC, createHarness, DAY, failure, MINUTE, PROD, START } from './simulated-harness.js';

const ORDERS_ARN = 'arn:aws:rds:eu-west-1:111111111111:db:orders-db';

function withOrdersDb() {
  const harness = createHarness();
  harness.rds.addInstance(PROD, {
    id: 'orders-db',
    engine: 'postgres',
    engineVersion: '16.4',
    instanceClass: 'db.m6g.large',
    allocatedStorage: 200,
    multiAz: true,
    subnetGroup: 'prod-private',
    securityGroupIds: ['sg-orders'],
    parameterGroup: 'orders-postgres16',
    kmsKeyId: 'key/prod-rds',
    deletionProtection: true,
    tags: { team: 'payments', service: 'orders' },
    createdAt: new Date(START.getTime() - 30 * DAY),
  });
  return { ...harness, prod: harness.rdsClient(PROD), acc: harness.rdsClient(ACC) };
}

async function describeOne(client: RDSClient, id: string) {
  const output = await client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
  const instance = output.DBInstances?.[0];
  if (!instance) throw new Error(`no instance ${id}`);
  return instance;
}

describe('simulated RDS instances: describe', () => {
  it('shapes a seeded instance as AWS does, with LatestRestorableTime trailing the clock', async () => {
    // Prepare
    const { prod } = withOrdersDb();

    // Act
    const instance = await describeOne(prod, 'orders-db');

    // Assess
    expect(instance).toMatchObject({
      DBInstanceIdentifier: 'orders-db',
      DBInstanceArn: ORDERS_ARN,
      DBInstanceStatus: 'available',
      Engine: 'postgres',
      EngineVersion: '16.4',
      DBInstanceClass: 'db.m6g.large',
      MultiAZ: true,
      DBSubnetGroup: { DBSubnetGroupName: 'prod-private' },
      VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-orders', Status: 'active' }],
      DBParameterGroups: [{ DBParameterGroupName: 'orders-postgres16' }],
      StorageEncrypted: true,
      KmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/prod-rds',
      DeletionProtection: true,
      BackupRetentionPeriod: 7,
      TagList: [
        { Key: 'team', Value: 'payments' },
        { Key: 'service', Value: 'orders' },
      ],
    });
    expect(instance.Endpoint?.Address).toMatch(/^orders-db\.[a-z0-9]+\.eu-west-1\.rds\.amazonaws\.com$/);
    expect(instance.DbiResourceId).toMatch(/^db-[A-Z0-9]{26}$/);
    expect(instance.LatestRestorableTime).toEqual(new Date(START.getTime() - 5 * MINUTE));
  });

  it('finds an instance by ARN, and refuses an unknown identifier with DBInstanceNotFoundFault', async () => {
    // Prepare
    const { prod, sim } = withOrdersDb();

    // Act
    const byArn = await describeOne(prod, ORDERS_ARN);
    const error = await failure(prod.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'nope' })));

    // Assess
    expect(byArn.DBInstanceIdentifier).toBe('orders-db');
    expect(error).toBeInstanceOf(DBInstanceNotFoundFault);
    expect(error.name).toBe('DBInstanceNotFoundFault');
    expect(sim.callsOf('DescribeDBInstances', 'RDS').map((call) => call.outcome)).toEqual([
      'ok',
      'DBInstanceNotFoundFault',
    ]);
  });

  it('filters on many identifiers and ARNs at once, and pages with Marker and MaxRecords', async () => {
    // Prepare
    const { rds, prod } = withOrdersDb();
    for (let n = 1; n <= 44; n += 1) {
      rds.addInstance(PROD, {
        id: `app-${String(n).padStart(2, '0')}`,
        engine: 'mysql',
        instanceClass: 'db.t4g.micro',
      });
    }

    // Act
    const filtered = await prod.send(
      new DescribeDBInstancesCommand({
        Filters: [{ Name: 'db-instance-id', Values: [ORDERS_ARN, 'app-07', 'app-99'] }],
      }),
    );
    const mysql = await prod.send(new DescribeDBInstancesCommand({ Filters: [{ Name: 'engine', Values: ['mysql'] }] }));
    const pages: string[][] = [];
    let marker: string | undefined;
    do {
      const page = await prod.send(new DescribeDBInstancesCommand({ MaxRecords: 20, Marker: marker }));
      pages.push((page.DBInstances ?? []).map((instance) => instance.DBInstanceIdentifier ?? ''));
      marker = page.Marker;
    } while (marker);

    // Assess
    expect(filtered.DBInstances?.map((instance) => instance.DBInstanceIdentifier)).toEqual(['app-07', 'orders-db']);
    expect(mysql.DBInstances).toHaveLength(44);
    expect(pages.map((page) => page.length)).toEqual([20, 20, 5]);
    expect(new Set(pages.flat()).size).toBe(45);
  });

  it('refuses more than 100 filter values, unknown filters and MaxRecords outside 20..100', async () => {
    // Prepare
    const { prod } = withOrdersDb();
    const values = Array.from({ length: 101 }, (_, n) => `db-${n}`);

    // Act
    const tooMany = await failure(
      prod.send(new DescribeDBInstancesCommand({ Filters: [{ Name: 'db-instance-id', Values: values }] })),
    );
    const unknown = await failure(
      prod.send(new DescribeDBInstancesCommand({ Filters: [{ Name: 'colour', Values: ['blue'] }] })),
    );
    const tooFew = await failure(prod.send(new DescribeDBInstancesCommand({ MaxRecords: 10 })));

    // Assess
    for (const error of [tooMany, unknown, tooFew]) {
      expect(error).toBeInstanceOf(RDSServiceException);
      expect(error.name).toBe('InvalidParameterValue');
    }
  });
});

describe('simulated RDS instances: point-in-time restore', () => {
  it('creates the target with AWS defaults for every setting not copied, available after restoreInstanceMs', async () => {
    // Prepare
    const { prod, advance, sim } = withOrdersDb();

    // Act
    const started = await prod.send(
      new RestoreDBInstanceToPointInTimeCommand({
        SourceDBInstanceIdentifier: 'orders-db',
        TargetDBInstanceIdentifier: 'Orders-Copy',
        UseLatestRestorableTime: true,
        Tags: [{ Key: 'restore-bot:job-id', Value: 'job-1' }],
      }),
    );
    advance(sim.world.durations.restoreInstanceMs - 1);
    const almost = await describeOne(prod, 'orders-copy');
    advance(1);
    const done = await describeOne(prod, 'orders-copy');

    // Assess
    expect(started.DBInstance).toMatchObject({ DBInstanceIdentifier: 'orders-copy', DBInstanceStatus: 'creating' });
    expect(started.DBInstance?.Endpoint).toBeUndefined();
    expect(almost.DBInstanceStatus).toBe('creating');
    expect(done).toMatchObject({
      DBInstanceStatus: 'available',
      DBInstanceClass: 'db.m6g.large',
      DBSubnetGroup: { DBSubnetGroupName: 'default' },
      VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-default' }],
      DBParameterGroups: [{ DBParameterGroupName: 'default.postgres16' }],
      MultiAZ: false,
      DeletionProtection: false,
      StorageEncrypted: true,
      KmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/prod-rds',
      TagList: [{ Key: 'restore-bot:job-id', Value: 'job-1' }],
    });
    expect(done.Endpoint?.Address).toMatch(/^orders-copy\./);
  });

  it('keeps the settings a driver copies from the source', async () => {
    // Prepare
    const { prod } = withOrdersDb();

    // Act
    const { DBInstance } = await prod.send(
      new RestoreDBInstanceToPointInTimeCommand({
        SourceDBInstanceIdentifier: 'orders-db',
        TargetDBInstanceIdentifier: 'orders-copy',
        RestoreTime: new Date(START.getTime() - 2 * DAY),
        DBSubnetGroupName: 'prod-private',
        VpcSecurityGroupIds: ['sg-orders'],
        DBParameterGroupName: 'orders-postgres16',
        MultiAZ: true,
        DBInstanceClass: 'db.r6g.xlarge',
      }),
    );

    // Assess
    expect(DBInstance).toMatchObject({
      DBSubnetGroup: { DBSubnetGroupName: 'prod-private' },
      VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-orders' }],
      DBParameterGroups: [{ DBParameterGroupName: 'orders-postgres16' }],
      MultiAZ: true,
      DBInstanceClass: 'db.r6g.xlarge',
    });
  });

  it('answers bad restores with the faults AWS uses', async () => {
    // Prepare
    const { prod } = withOrdersDb();
    const restore = (extra: Record<string, unknown>) =>
      failure(
        prod.send(
          new RestoreDBInstanceToPointInTimeCommand({
            SourceDBInstanceIdentifier: 'orders-db',
            TargetDBInstanceIdentifier: 'orders-copy',
            ...extra,
          }),
        ),
      );

    // Act
    const both = await restore({ RestoreTime: new Date(START.getTime() - DAY), UseLatestRestorableTime: true });
    const neither = await restore({});
    const tooOld = await restore({ RestoreTime: new Date(START.getTime() - 8 * DAY) });
    const tooNew = await restore({ RestoreTime: new Date(START.getTime() - MINUTE) });
    const exists = await restore({ TargetDBInstanceIdentifier: 'orders-db', UseLatestRestorableTime: true });
    const noSource = await restore({ SourceDBInstanceIdentifier: 'nope', UseLatestRestorableTime: true });
    const subnet = await restore({ UseLatestRestorableTime: true, DBSubnetGroupName: 'acc-private' });
    const group = await restore({ UseLatestRestorableTime: true, DBParameterGroupName: 'missing' });
    const family = await restore({ UseLatestRestorableTime: true, DBParameterGroupName: 'default.postgres15' });

    // Assess
    expect([both.name, neither.name, family.name]).toEqual(Array(3).fill('InvalidParameterCombination'));
    expect(tooOld).toBeInstanceOf(InvalidRestoreFault);
    expect(tooNew).toBeInstanceOf(InvalidRestoreFault);
    expect(exists).toBeInstanceOf(DBInstanceAlreadyExistsFault);
    expect(noSource).toBeInstanceOf(DBInstanceNotFoundFault);
    expect(subnet).toBeInstanceOf(DBSubnetGroupNotFoundFault);
    expect(group).toBeInstanceOf(DBParameterGroupNotFoundFault);
  });
});

describe('simulated RDS instances: restore from a snapshot', () => {
  it('restores another account’s unencrypted snapshot directly, but only when named by ARN', async () => {
    // Prepare
    const { rds, acc } = withOrdersDb();
    rds.addInstance(PROD, { id: 'wiki-db', engine: 'mysql', engineVersion: '8.0.39', instanceClass: 'db.t4g.small' });
    const arn = rds.addInstanceSnapshot(PROD, { id: 'wiki-share', sourceId: 'wiki-db', sharedWith: [ACC.accountId] });
    const restore = (snapshot: string) =>
      acc.send(
        new RestoreDBInstanceFromDBSnapshotCommand({
          DBInstanceIdentifier: 'wiki-acc',
          DBSnapshotIdentifier: snapshot,
        }),
      );

    // Act
    const byId = await failure(restore('wiki-share'));
    const { DBInstance } = await restore(arn);

    // Assess
    expect(byId).toBeInstanceOf(DBSnapshotNotFoundFault);
    expect(DBInstance).toMatchObject({
      DBInstanceArn: 'arn:aws:rds:eu-west-1:222222222222:db:wiki-acc',
      DBInstanceStatus: 'creating',
      Engine: 'mysql',
      EngineVersion: '8.0.39',
      DBInstanceClass: 'db.t4g.small',
      StorageEncrypted: false,
      DBSubnetGroup: { DBSubnetGroupName: 'default' },
    });
  });

  it('makes a shared encrypted snapshot be copied with a key of the account before it restores', async () => {
    // Prepare
    const { rds, acc, advance, sim } = withOrdersDb();
    const arn = rds.addInstanceSnapshot(PROD, {
      id: 'orders-db-share',
      sourceId: 'orders-db',
      takenAt: new Date(START.getTime() - DAY),
      sharedWith: [ACC.accountId],
    });
    const restore = (snapshot: string) =>
      acc.send(
        new RestoreDBInstanceFromDBSnapshotCommand({
          DBInstanceIdentifier: 'orders-acc',
          DBSnapshotIdentifier: snapshot,
        }),
      );
    const copy = (KmsKeyId?: string) =>
      acc.send(
        new CopyDBSnapshotCommand({
          SourceDBSnapshotIdentifier: arn,
          TargetDBSnapshotIdentifier: 'orders-src',
          KmsKeyId,
        }),
      );

    // Act
    const direct = await failure(restore(arn));
    const keyless = await failure(copy());
    const copied = await copy('key/acc-rds');
    const whileCopying = await failure(restore('orders-src'));
    advance(sim.world.durations.copySnapshotMs);
    const { DBInstance } = await restore('orders-src');

    // Assess
    expect(direct).toBeInstanceOf(InvalidDBSnapshotStateFault);
    expect(keyless).toBeInstanceOf(KMSKeyNotAccessibleFault);
    expect(copied.DBSnapshot).toMatchObject({ Status: 'creating', SourceDBSnapshotIdentifier: arn, Encrypted: true });
    expect(whileCopying).toBeInstanceOf(InvalidDBSnapshotStateFault);
    expect(DBInstance).toMatchObject({
      DBInstanceStatus: 'creating',
      EngineVersion: '16.4',
      DBInstanceClass: 'db.m6g.large',
      AllocatedStorage: 200,
      KmsKeyId: 'arn:aws:kms:eu-west-1:222222222222:key/acc-rds',
    });
  });
});

describe('simulated RDS instances: automated backups replicated to another region', () => {
  const DR = { accountId: PROD.accountId, region: 'us-west-2' };
  const DR_KEY = 'arn:aws:kms:us-west-2:111111111111:key/dr-rds';

  it('lists the source region’s active backups and the destination’s replicated ones', async () => {
    // Prepare
    const { rds, prod, rdsClient } = withOrdersDb();
    const arn = rds.replicateAutomatedBackups(ORDERS_ARN, DR.region, { kmsKeyId: DR_KEY });

    // Act
    const local = await prod.send(new DescribeDBInstanceAutomatedBackupsCommand({ DBInstanceIdentifier: 'orders-db' }));
    const replicated = await rdsClient(DR).send(new DescribeDBInstanceAutomatedBackupsCommand({}));
    const source = await describeOne(prod, 'orders-db');

    // Assess
    expect(local.DBInstanceAutomatedBackups).toEqual([
      expect.objectContaining({ Status: 'active', Region: 'eu-west-1', DBInstanceArn: ORDERS_ARN }),
    ]);
    expect(replicated.DBInstanceAutomatedBackups).toEqual([
      expect.objectContaining({
        DBInstanceAutomatedBackupsArn: arn,
        Status: 'replicating',
        Region: 'eu-west-1',
        DBInstanceIdentifier: 'orders-db',
        KmsKeyId: DR_KEY,
        RestoreWindow: {
          EarliestTime: new Date(START.getTime() - 7 * DAY),
          LatestTime: new Date(START.getTime() - 5 * MINUTE),
        },
      }),
    ]);
    expect(arn).toMatch(/^arn:aws:rds:us-west-2:111111111111:auto-backup:ab-[a-z0-9]{26}$/);
    expect(source.DBInstanceAutomatedBackupsReplications).toEqual([{ DBInstanceAutomatedBackupsArn: arn }]);
  });

  it('restores in the destination region from the replicated backups’ ARN', async () => {
    // Prepare
    const { rds, rdsClient } = withOrdersDb();
    const arn = rds.replicateAutomatedBackups(ORDERS_ARN, DR.region, { kmsKeyId: DR_KEY });
    const dr = rdsClient(DR);
    const restore = (input: { SourceDBInstanceAutomatedBackupsArn: string; RestoreTime?: Date }) =>
      dr.send(
        new RestoreDBInstanceToPointInTimeCommand({
          TargetDBInstanceIdentifier: 'orders-db-dr',
          UseLatestRestorableTime: input.RestoreTime ? undefined : true,
          ...input,
        }),
      );

    // Act
    const tooOld = await failure(
      restore({ SourceDBInstanceAutomatedBackupsArn: arn, RestoreTime: new Date(START.getTime() - 9 * DAY) }),
    );
    const unknown = await failure(restore({ SourceDBInstanceAutomatedBackupsArn: `${arn}x` }));
    const { DBInstance } = await restore({ SourceDBInstanceAutomatedBackupsArn: arn });

    // Assess
    expect(tooOld).toBeInstanceOf(InvalidRestoreFault);
    expect(unknown).toBeInstanceOf(DBInstanceAutomatedBackupNotFoundFault);
    expect(DBInstance).toMatchObject({
      DBInstanceArn: 'arn:aws:rds:us-west-2:111111111111:db:orders-db-dr',
      DBInstanceStatus: 'creating',
      Engine: 'postgres',
      EngineVersion: '16.4',
      DBInstanceClass: 'db.m6g.large',
      StorageEncrypted: true,
      KmsKeyId: DR_KEY,
      DBSubnetGroup: { DBSubnetGroupName: 'default' },
    });
  });
});

describe('simulated RDS instances: create, rename, delete', () => {
  it('creates a standalone instance that becomes available after createInstanceMs, once per identifier', async () => {
    // Prepare
    const { prod, advance, sim } = withOrdersDb();
    const create = () =>
      prod.send(
        new CreateDBInstanceCommand({
          DBInstanceIdentifier: 'scratch',
          Engine: 'mysql',
          DBInstanceClass: 'db.t4g.micro',
        }),
      );

    // Act
    const { DBInstance } = await create();
    const again = await failure(create());
    advance(sim.world.durations.createInstanceMs);
    const later = await describeOne(prod, 'scratch');

    // Assess
    expect(DBInstance?.DBInstanceStatus).toBe('creating');
    expect(again).toBeInstanceOf(DBInstanceAlreadyExistsFault);
    expect(later).toMatchObject({ DBInstanceStatus: 'available', EngineVersion: '8.0.39' });
  });

  it('renames at once with ApplyImmediately: new identifier and endpoint, `renaming` for renameMs', async () => {
    // Prepare
    const { prod, advance, sim } = withOrdersDb();
    const before = await describeOne(prod, 'orders-db');

    // Act
    await prod.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: 'orders-db',
        NewDBInstanceIdentifier: 'orders-db-old',
        ApplyImmediately: true,
      }),
    );
    const renaming = await describeOne(prod, 'orders-db-old');
    const oldName = await failure(prod.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-db' })));
    advance(sim.world.durations.renameMs);
    const renamed = await describeOne(prod, 'orders-db-old');

    // Assess
    expect(renaming.DBInstanceStatus).toBe('renaming');
    expect(oldName).toBeInstanceOf(DBInstanceNotFoundFault);
    expect(renamed.DBInstanceStatus).toBe('available');
    expect(renamed.Endpoint?.Address).not.toBe(before.Endpoint?.Address);
    expect(renamed.DbiResourceId).toBe(before.DbiResourceId);
    expect(renamed.TagList).toEqual(before.TagList);
  });

  it('leaves a rename without ApplyImmediately pending, and refuses taken names and busy instances', async () => {
    // Prepare
    const { prod, rds } = withOrdersDb();
    rds.addInstance(PROD, { id: 'billing-db', engine: 'mysql', instanceClass: 'db.t4g.micro' });
    await prod.send(
      new CreateDBInstanceCommand({ DBInstanceIdentifier: 'fresh', Engine: 'mysql', DBInstanceClass: 'db.t4g.micro' }),
    );

    // Act
    const pending = await prod.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'orders-db', NewDBInstanceIdentifier: 'orders-later' }),
    );
    const taken = await failure(
      prod.send(
        new ModifyDBInstanceCommand({
          DBInstanceIdentifier: 'orders-db',
          NewDBInstanceIdentifier: 'billing-db',
          ApplyImmediately: true,
        }),
      ),
    );
    const busy = await failure(
      prod.send(
        new ModifyDBInstanceCommand({
          DBInstanceIdentifier: 'fresh',
          NewDBInstanceIdentifier: 'fresh-2',
          ApplyImmediately: true,
        }),
      ),
    );

    // Assess
    expect(pending.DBInstance).toMatchObject({
      DBInstanceIdentifier: 'orders-db',
      PendingModifiedValues: { DBInstanceIdentifier: 'orders-later' },
    });
    expect(taken).toBeInstanceOf(DBInstanceAlreadyExistsFault);
    expect(busy).toBeInstanceOf(InvalidDBInstanceStateFault);
  });

  it('deletes only without deletion protection and with a final snapshot decision, leaving the final snapshot', async () => {
    // Prepare
    const { prod, advance, sim } = withOrdersDb();
    const remove = (input: { FinalDBSnapshotIdentifier?: string; SkipFinalSnapshot?: boolean }) =>
      prod.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'orders-db', ...input }));

    // Act
    const protectedError = await failure(remove({ SkipFinalSnapshot: true }));
    await prod.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'orders-db', DeletionProtection: false }));
    const undecided = await failure(remove({}));
    const deleting = await remove({ FinalDBSnapshotIdentifier: 'orders-db-final' });
    const twice = await failure(remove({ SkipFinalSnapshot: true }));
    advance(sim.world.durations.deleteMs - 1);
    const stillThere = await describeOne(prod, 'orders-db');
    advance(1);
    const gone = await failure(prod.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-db' })));
    const finals = await prod.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'orders-db-final' }));

    // Assess
    expect(protectedError.name).toBe('InvalidParameterCombination');
    expect(undecided.name).toBe('InvalidParameterCombination');
    expect(deleting.DBInstance?.DBInstanceStatus).toBe('deleting');
    expect(twice).toBeInstanceOf(InvalidDBInstanceStateFault);
    expect(stillThere.DBInstanceStatus).toBe('deleting');
    expect(gone).toBeInstanceOf(DBInstanceNotFoundFault);
    expect(finals.DBSnapshots?.[0]).toMatchObject({
      DBSnapshotIdentifier: 'orders-db-final',
      DBInstanceIdentifier: 'orders-db',
      SnapshotType: 'manual',
      Status: 'available',
      Encrypted: true,
    });
  });

  it('refuses a final snapshot identifier that is taken', async () => {
    // Prepare
    const { prod, rds } = withOrdersDb();
    rds.addInstanceSnapshot(PROD, { id: 'orders-db-final', sourceId: 'orders-db' });
    await prod.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'orders-db', DeletionProtection: false }));

    // Act
    const error = await failure(
      prod.send(
        new DeleteDBInstanceCommand({
          DBInstanceIdentifier: 'orders-db',
          FinalDBSnapshotIdentifier: 'orders-db-final',
        }),
      ),
    );
    const instance = await describeOne(prod, 'orders-db');

    // Assess
    expect(error).toBeInstanceOf(DBSnapshotAlreadyExistsFault);
    expect(instance.DBInstanceStatus).toBe('available');
  });
});

describe('simulated RDS instances: tags and the call log', () => {
  it('adds, lists and removes tags by ARN, and logs each call with its input', async () => {
    // Prepare
    const { prod, sim } = withOrdersDb();

    // Act
    await prod.send(
      new AddTagsToResourceCommand({ ResourceName: ORDERS_ARN, Tags: [{ Key: 'env', Value: 'production' }] }),
    );
    await prod.send(new RemoveTagsFromResourceCommand({ ResourceName: ORDERS_ARN, TagKeys: ['team'] }));
    const { TagList } = await prod.send(new ListTagsForResourceCommand({ ResourceName: ORDERS_ARN }));
    const unknown = await failure(
      prod.send(new ListTagsForResourceCommand({ ResourceName: 'arn:aws:rds:eu-west-1:111111111111:db:nope' })),
    );

    // Assess
    expect(TagList).toEqual([
      { Key: 'service', Value: 'orders' },
      { Key: 'env', Value: 'production' },
    ]);
    expect(unknown).toBeInstanceOf(DBInstanceNotFoundFault);
    expect(sim.callsOf('AddTagsToResource', 'RDS')).toEqual([
      expect.objectContaining({
        accountId: PROD.accountId,
        region: PROD.region,
        input: { ResourceName: ORDERS_ARN, Tags: [{ Key: 'env', Value: 'production' }] },
        outcome: 'ok',
      }),
    ]);
  });
});
