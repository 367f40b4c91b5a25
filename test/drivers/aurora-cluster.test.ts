import { readFileSync } from 'node:fs';
import {
  AddTagsToResourceCommand,
  CreateDBInstanceCommand,
  DBClusterAlreadyExistsFault,
  type DBClusterMessage,
  DeleteDBClusterCommand,
  DeleteDBInstanceCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  ModifyDBClusterCommand,
  RDSClient,
  RestoreDBClusterFromSnapshotCommand,
  RestoreDBClusterToPointInTimeCommand,
} from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SourceNotFoundError } from '../../src/domain/errors.js';
import { writerInstanceIdentifier } from '../../src/domain/managed-resources.js';
import type { DatabaseDriver } from '../../src/domain/ports/database-driver.js';
import { createAuroraClusterDriver } from '../../src/drivers/aurora-cluster.js';
import { auroraCluster, auroraInstance, awsError, clusterSnapshot } from './helpers/aws-fixtures.js';
import {
  ACCOUNT,
  buildPlan,
  JOB_ID,
  KMS_KEY,
  PRODUCTION_ACCOUNT,
  REGION,
  snapshotCandidate,
  sourceFor,
  stepContext,
} from './helpers/plan-builder.js';
import { OUR_TAGS, renamedFromTags, restoreTags } from './helpers/rds-tags.js';

const rdsMock = mockClient(RDSClient);

const RESTORE_TAGS = restoreTags([{ Key: 'team', Value: 'orders' }], `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:orders`);
const WRITER = writerInstanceIdentifier('orders-copy', JOB_ID);

function mixedEnginesPage(): DBClusterMessage {
  const url = new URL('../fixtures/aws/rds-describe-db-clusters-mixed-engines.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as DBClusterMessage;
}

describe('aurora-cluster driver', () => {
  let driver: DatabaseDriver;

  beforeEach(() => {
    rdsMock.reset();
    driver = createAuroraClusterDriver({ rds: new RDSClient({ region: REGION }) });
  });

  describe('describeSource', () => {
    it('maps the cluster and takes class and DB parameter group from its writer', async () => {
      // Prepare
      rdsMock.on(DescribeDBClustersCommand, { DBClusterIdentifier: 'orders' }).resolves({
        DBClusters: [auroraCluster('orders')],
      });
      rdsMock.on(DescribeDBInstancesCommand, { DBInstanceIdentifier: 'orders-instance-1' }).resolves({
        DBInstances: [auroraInstance('orders-instance-1', 'orders')],
      });

      // Act
      const source = await driver.describeSource('orders');

      // Assess
      expect(source).toEqual(sourceFor('aurora-cluster'));
      expect(rdsMock.commandCalls(DescribeDBInstancesCommand)).toHaveLength(1);
    });

    it('rejects a DocumentDB cluster that RDS also lists', async () => {
      // Prepare
      rdsMock.on(DescribeDBClustersCommand).resolves({
        DBClusters: [auroraCluster('catalog', { Engine: 'docdb', EngineVersion: '5.0.0' })],
      });

      // Act
      const described = driver.describeSource('catalog');

      // Assess
      await expect(described).rejects.toBeInstanceOf(SourceNotFoundError);
      await expect(described).rejects.toThrow(
        `Cluster "catalog" in ${REGION} (Amazon RDS DescribeDBClusters) runs docdb; Aurora clusters run aurora-mysql or aurora-postgresql.`,
      );
    });

    it('says what it looked for and where when there is no such cluster', async () => {
      // Prepare
      rdsMock.on(DescribeDBClustersCommand).rejects(awsError('DBClusterNotFoundFault', 'DBCluster nope not found.'));

      // Act
      const described = driver.describeSource('nope');

      // Assess
      await expect(described).rejects.toThrow(`No Aurora cluster named "nope" in ${REGION}`);
    });
  });

  describe('listSources', () => {
    it('keeps Aurora clusters only, matching the query case-insensitively', async () => {
      // Prepare
      rdsMock.on(DescribeDBClustersCommand).resolves(mixedEnginesPage());

      // Act
      const sources = await driver.listSources('ORDERS', 25);

      // Assess
      expect(sources).toEqual([
        { identifier: 'orders', engine: 'aurora-postgresql', engineVersion: '15.4' },
        { identifier: 'orders-archive', engine: 'aurora-mysql', engineVersion: '8.0.mysql_aurora.3.05.2' },
      ]);
      expect(rdsMock.commandCalls(DescribeDBClustersCommand)[0]?.args[0].input).toEqual({ MaxRecords: 100 });
    });
  });

  describe('listRestoreCandidates', () => {
    it('asks for shared snapshots of the source and drops other engines and unfinished ones', async () => {
      // Prepare
      rdsMock.on(DescribeDBClusterSnapshotsCommand).resolves({
        DBClusterSnapshots: [
          clusterSnapshot('rds:orders-2024-05-31'),
          clusterSnapshot('rds:orders-2024-06-01', { Status: 'creating' }),
          clusterSnapshot('catalog-manual', { Engine: 'docdb', SnapshotType: 'manual' }),
        ],
      });

      // Act
      const candidates = await driver.listRestoreCandidates({ sourceIdentifier: 'orders', includeShared: true });

      // Assess
      expect(rdsMock.commandCalls(DescribeDBClusterSnapshotsCommand)[0]?.args[0].input).toEqual({
        DBClusterIdentifier: 'orders',
        IncludeShared: true,
        MaxRecords: 100,
      });
      expect(candidates).toEqual([
        {
          kind: 'aurora-cluster',
          id: 'rds:orders-2024-05-31',
          arn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster-snapshot:rds:orders-2024-05-31`,
          sourceIdentifier: 'orders',
          createdAt: new Date('2024-05-31T03:00:00Z'),
          status: 'available',
          engine: 'aurora-postgresql',
          engineVersion: '15.4',
          ownerAccountId: ACCOUNT,
          shared: false,
          origin: 'automated',
          encrypted: true,
          kmsKeyId: KMS_KEY,
          sizeGiB: 120,
        },
      ]);
    });
  });

  describe('startStep restore', () => {
    it('restores to the latest time with every cluster setting and the managed tags', async () => {
      // Prepare
      rdsMock.on(RestoreDBClusterToPointInTimeCommand).resolves({ $metadata: { requestId: 'req-restore' } });

      // Act
      const started = await driver.startStep(stepContext(buildPlan('aurora-cluster'), 'restore'));

      // Assess
      expect(started).toEqual({ requestId: 'req-restore', alreadyStarted: false });
      const input = rdsMock.commandCalls(RestoreDBClusterToPointInTimeCommand)[0]?.args[0].input;
      expect(input).toEqual({
        DBClusterIdentifier: 'orders-copy',
        SourceDBClusterIdentifier: 'orders',
        UseLatestRestorableTime: true,
        DBSubnetGroupName: 'db-private',
        VpcSecurityGroupIds: ['sg-0a1b2c3d4e5f60718'],
        Port: 5432,
        KmsKeyId: KMS_KEY,
        StorageType: 'aurora',
        DeletionProtection: true,
        DBClusterParameterGroupName: 'orders-cluster-pg15',
        Tags: RESTORE_TAGS,
      });
      expect(input).not.toHaveProperty('RestoreToTime');
      expect(input).not.toHaveProperty('RestoreType');
    });

    it('restores to a point in time with RestoreToTime only', async () => {
      // Prepare
      rdsMock.on(RestoreDBClusterToPointInTimeCommand).resolves({});
      const at = new Date('2024-05-31T14:30:00Z');

      // Act
      await driver.startStep(
        stepContext(buildPlan('aurora-cluster', { method: { type: 'point-in-time', at } }), 'restore'),
      );

      // Assess
      const input = rdsMock.commandCalls(RestoreDBClusterToPointInTimeCommand)[0]?.args[0].input;
      expect(input?.RestoreToTime).toEqual(at);
      expect(input).not.toHaveProperty('UseLatestRestorableTime');
    });

    it('clones with copy-on-write from the latest time, without RestoreToTime', async () => {
      // Prepare
      rdsMock.on(RestoreDBClusterToPointInTimeCommand).resolves({});

      // Act
      await driver.startStep(stepContext(buildPlan('aurora-cluster', { method: { type: 'clone' } }), 'restore'));

      // Assess
      const input = rdsMock.commandCalls(RestoreDBClusterToPointInTimeCommand)[0]?.args[0].input;
      expect(input).toMatchObject({ RestoreType: 'copy-on-write', UseLatestRestorableTime: true });
      expect(input).not.toHaveProperty('RestoreToTime');
    });

    it("restores a shared snapshot by ARN with the snapshot's engine and version", async () => {
      // Prepare
      rdsMock.on(RestoreDBClusterFromSnapshotCommand).resolves({});
      const snapshot = snapshotCandidate('aurora-cluster', {
        id: 'orders-weekly',
        shared: true,
        engineVersion: '15.3',
      });
      const plan = buildPlan('aurora-cluster', { method: { type: 'snapshot', snapshot, copyFirst: false } });

      // Act
      await driver.startStep(stepContext(plan, 'restore'));

      // Assess
      expect(rdsMock.commandCalls(RestoreDBClusterFromSnapshotCommand)[0]?.args[0].input).toEqual({
        DBClusterIdentifier: 'orders-copy',
        SnapshotIdentifier: `arn:aws:rds:${REGION}:${PRODUCTION_ACCOUNT}:cluster-snapshot:orders-weekly`,
        Engine: 'aurora-postgresql',
        EngineVersion: '15.3',
        DBSubnetGroupName: 'db-private',
        VpcSecurityGroupIds: ['sg-0a1b2c3d4e5f60718'],
        Port: 5432,
        KmsKeyId: KMS_KEY,
        StorageType: 'aurora',
        DeletionProtection: true,
        DBClusterParameterGroupName: 'orders-cluster-pg15',
        Tags: RESTORE_TAGS,
      });
    });

    it("counts the SDK's DBClusterAlreadyExistsFault for a cluster of this job as started", async () => {
      // Prepare
      rdsMock
        .on(RestoreDBClusterToPointInTimeCommand)
        .rejects(new DBClusterAlreadyExistsFault({ message: 'DB Cluster already exists', $metadata: {} }));
      rdsMock.on(DescribeDBClustersCommand, { DBClusterIdentifier: 'orders-copy' }).resolves({
        DBClusters: [auroraCluster('orders-copy', { Status: 'creating', TagList: OUR_TAGS })],
      });

      // Act
      const started = await driver.startStep(stepContext(buildPlan('aurora-cluster'), 'restore'));

      // Assess
      expect(started).toEqual({ alreadyStarted: true });
    });

    it('rethrows "already exists" for a cluster that is not this job\'s', async () => {
      // Prepare
      rdsMock.on(RestoreDBClusterToPointInTimeCommand).rejects(awsError('DBClusterAlreadyExistsFault'));
      rdsMock.on(DescribeDBClustersCommand).resolves({ DBClusters: [auroraCluster('orders-copy')] });

      // Act
      const started = driver.startStep(stepContext(buildPlan('aurora-cluster'), 'restore'));

      // Assess
      await expect(started).rejects.toMatchObject({ name: 'DBClusterAlreadyExistsFault' });
    });
  });

  describe('startStep create-writer-instance', () => {
    it("creates the writer with the source writer's class and DB parameter group", async () => {
      // Prepare
      rdsMock.on(CreateDBInstanceCommand).resolves({ $metadata: { requestId: 'req-writer' } });

      // Act
      const started = await driver.startStep(stepContext(buildPlan('aurora-cluster'), 'create-writer-instance'));

      // Assess
      expect(started).toEqual({ requestId: 'req-writer', alreadyStarted: false });
      expect(rdsMock.commandCalls(CreateDBInstanceCommand)[0]?.args[0].input).toEqual({
        DBInstanceIdentifier: WRITER,
        DBClusterIdentifier: 'orders-copy',
        DBInstanceClass: 'db.r6g.xlarge',
        Engine: 'aurora-postgresql',
        DBParameterGroupName: 'orders-aurora-pg15',
        Tags: RESTORE_TAGS,
      });
      expect(rdsMock.commandCalls(ModifyDBClusterCommand)).toHaveLength(0);
    });

    it("counts an existing writer of this job as started and rethrows for someone else's", async () => {
      // Prepare
      rdsMock.on(CreateDBInstanceCommand).rejects(awsError('DBInstanceAlreadyExistsFault'));
      rdsMock
        .on(DescribeDBInstancesCommand)
        .resolvesOnce({ DBInstances: [auroraInstance(WRITER, 'orders-copy', { TagList: OUR_TAGS })] })
        .resolvesOnce({ DBInstances: [auroraInstance(WRITER, 'orders-copy')] });
      const context = stepContext(buildPlan('aurora-cluster'), 'create-writer-instance');

      // Act
      const ours = await driver.startStep(context);
      const theirs = driver.startStep(context);

      // Assess
      expect(ours).toEqual({ alreadyStarted: true });
      await expect(theirs).rejects.toMatchObject({ name: 'DBInstanceAlreadyExistsFault' });
    });
    it('does not mistake a writer of this job in another cluster for its own', async () => {
      // Prepare
      rdsMock.on(CreateDBInstanceCommand).rejects(awsError('DBInstanceAlreadyExistsFault'));
      rdsMock.on(DescribeDBInstancesCommand).resolves({
        DBInstances: [auroraInstance(WRITER, 'orders-copy-old-7f3c9a2e', { TagList: OUR_TAGS })],
      });

      // Act
      const started = driver.startStep(stepContext(buildPlan('aurora-cluster'), 'create-writer-instance'));

      // Assess
      await expect(started).rejects.toMatchObject({ name: 'DBInstanceAlreadyExistsFault' });
    });
  });

  describe('startStep replace', () => {
    const plan = buildPlan('aurora-cluster', { target: 'orders-acc', replace: true });
    const renamedTo = 'orders-acc-old-7f3c9a2e';

    it('tags the existing cluster and its instances for this job, then renames it', async () => {
      // Prepare
      rdsMock.on(DescribeDBClustersCommand, { DBClusterIdentifier: 'orders-acc' }).resolves({
        DBClusters: [auroraCluster('orders-acc')],
      });
      rdsMock.on(DescribeDBInstancesCommand).resolves({
        DBInstances: [
          auroraInstance('orders-acc-instance-1', 'orders-acc'),
          auroraInstance('orders-acc-instance-2', 'orders-acc'),
        ],
      });
      rdsMock.on(AddTagsToResourceCommand).resolves({});
      rdsMock.on(ModifyDBClusterCommand).resolves({});

      // Act
      await driver.startStep(stepContext(plan, 'rename-existing-target'));

      // Assess: the members too, or the tag-conditioned role could not delete them later.
      expect(rdsMock.commandCalls(AddTagsToResourceCommand).map((call) => call.args[0].input)).toEqual(
        [
          `arn:aws:rds:${REGION}:${ACCOUNT}:db:orders-acc-instance-1`,
          `arn:aws:rds:${REGION}:${ACCOUNT}:db:orders-acc-instance-2`,
          `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:orders-acc`,
        ].map((resourceName) => ({ ResourceName: resourceName, Tags: renamedFromTags('orders-acc') })),
      );
      expect(rdsMock.commandCalls(ModifyDBClusterCommand)[0]?.args[0].input).toEqual({
        DBClusterIdentifier: 'orders-acc',
        NewDBClusterIdentifier: renamedTo,
        ApplyImmediately: true,
      });
    });

    it('deletes the members, then the cluster with its final snapshot', async () => {
      // Prepare
      rdsMock.on(DescribeDBClustersCommand, { DBClusterIdentifier: renamedTo }).resolves({
        DBClusters: [
          auroraCluster(renamedTo, {
            TagList: OUR_TAGS,
            DeletionProtection: true,
            DBClusterMembers: [
              { DBInstanceIdentifier: 'orders-acc-1', IsClusterWriter: true },
              { DBInstanceIdentifier: 'orders-acc-2', IsClusterWriter: false },
            ],
          }),
        ],
      });
      rdsMock.on(DescribeDBInstancesCommand).resolves({
        DBInstances: [
          auroraInstance('orders-acc-1', renamedTo),
          auroraInstance('orders-acc-2', renamedTo, { DBInstanceStatus: 'deleting' }),
        ],
      });
      rdsMock.on(DescribeDBClusterSnapshotsCommand).rejects(awsError('DBClusterSnapshotNotFoundFault'));
      rdsMock.on(AddTagsToResourceCommand).resolves({});
      rdsMock.on(ModifyDBClusterCommand).resolves({});
      rdsMock.on(DeleteDBInstanceCommand).resolves({});
      rdsMock.on(DeleteDBClusterCommand).resolves({ $metadata: { requestId: 'req-delete' } });

      // Act
      const started = await driver.startStep(stepContext(plan, 'delete-replaced-target'));

      // Assess
      expect(started).toEqual({ requestId: 'req-delete', alreadyStarted: false });
      expect(rdsMock.commandCalls(ModifyDBClusterCommand)[0]?.args[0].input).toEqual({
        DBClusterIdentifier: renamedTo,
        DeletionProtection: false,
        ApplyImmediately: true,
      });
      expect(rdsMock.commandCalls(DescribeDBInstancesCommand)[0]?.args[0].input).toEqual({
        Filters: [{ Name: 'db-instance-id', Values: ['orders-acc-1', 'orders-acc-2'] }],
      });
      expect(rdsMock.commandCalls(DeleteDBInstanceCommand).map((call) => call.args[0].input)).toEqual([
        { DBInstanceIdentifier: 'orders-acc-1' },
      ]);
      expect(rdsMock.commandCalls(DeleteDBClusterCommand)[0]?.args[0].input).toEqual({
        DBClusterIdentifier: renamedTo,
        FinalDBSnapshotIdentifier: 'orders-acc-final-7f3c9a2e',
        SkipFinalSnapshot: false,
      });
      const order = rdsMock.calls().map((call) => call.args[0].constructor.name);
      expect(order.indexOf('DeleteDBInstanceCommand')).toBeLessThan(order.indexOf('DeleteDBClusterCommand'));
      // A member that joined after the rename is tagged before it is deleted (the role requires the tag).
      expect(rdsMock.commandCalls(AddTagsToResourceCommand).map((call) => call.args[0].input.ResourceName)).toEqual([
        `arn:aws:rds:${REGION}:${ACCOUNT}:db:orders-acc-1`,
      ]);
      expect(order.indexOf('AddTagsToResourceCommand')).toBeLessThan(order.indexOf('DeleteDBInstanceCommand'));
    });

    it("refuses to delete a cluster without this job's managed tags", async () => {
      // Prepare
      rdsMock.on(DescribeDBClustersCommand).resolves({ DBClusters: [auroraCluster(renamedTo)] });

      // Act
      const started = driver.startStep(stepContext(plan, 'delete-replaced-target'));

      // Assess
      await expect(started).rejects.toThrow(/Refusing to delete DB cluster orders-acc-old-7f3c9a2e/);
      expect(rdsMock.commandCalls(DeleteDBInstanceCommand)).toHaveLength(0);
      expect(rdsMock.commandCalls(DeleteDBClusterCommand)).toHaveLength(0);
    });

    it('counts a cluster already deleting as started', async () => {
      // Prepare
      rdsMock.on(DescribeDBClustersCommand).resolves({
        DBClusters: [auroraCluster(renamedTo, { Status: 'deleting', TagList: OUR_TAGS })],
      });

      // Act
      const started = await driver.startStep(stepContext(plan, 'delete-replaced-target'));

      // Assess
      expect(started).toEqual({ alreadyStarted: true });
      expect(rdsMock.commandCalls(DeleteDBClusterCommand)).toHaveLength(0);
    });
  });

  describe('checkSteps', () => {
    it('checks 150 clusters and their writers with one describe per type and 100 identifiers', async () => {
      // Prepare
      rdsMock.on(DescribeDBClustersCommand).callsFake((input: { Filters: { Values: string[] }[] }) => ({
        DBClusters: (input.Filters[0]?.Values ?? []).map((identifier) =>
          auroraCluster(identifier, {
            Status: identifier.endsWith('-7') ? 'inaccessible-encryption-credentials' : 'available',
          }),
        ),
      }));
      rdsMock.on(DescribeDBInstancesCommand).resolves({
        DBInstances: [
          auroraInstance(writerInstanceIdentifier('restored-0', JOB_ID), 'restored-0', {
            DBInstanceStatus: 'creating',
          }),
        ],
      });
      const restores = Array.from({ length: 150 }, (_, index) =>
        stepContext(buildPlan('aurora-cluster', { target: `restored-${index}` }), 'restore'),
      );
      const writers = [0, 1].map((index) =>
        stepContext(buildPlan('aurora-cluster', { target: `restored-${index}` }), 'create-writer-instance'),
      );

      // Act
      const results = await driver.checkSteps([...writers, ...restores]);

      // Assess
      expect(rdsMock.commandCalls(DescribeDBClustersCommand)).toHaveLength(2);
      expect(rdsMock.commandCalls(DescribeDBInstancesCommand)).toHaveLength(1);
      expect(rdsMock.commandCalls(DescribeDBClusterSnapshotsCommand)).toHaveLength(0);
      expect(rdsMock.commandCalls(DescribeDBClustersCommand)[0]?.args[0].input.Filters?.[0]?.Name).toBe(
        'db-cluster-id',
      );
      expect(results).toHaveLength(152);
      expect(results[0]).toEqual({ state: 'pending', detail: 'DB instance restored-0-writer-7f3c9a2e is creating' });
      expect(results[1]).toEqual({ state: 'failed', reason: 'DB instance restored-1-writer-7f3c9a2e does not exist' });
      expect(results[2]?.state).toBe('done');
      expect(results[9]).toEqual({
        state: 'failed',
        reason: 'DB cluster restored-7 is inaccessible-encryption-credentials',
      });
    });
  });

  describe('validate', () => {
    const plan = buildPlan('aurora-cluster');
    const restored = (overrides: Parameters<typeof auroraCluster>[1] = {}) =>
      auroraCluster('orders-copy', {
        TagList: RESTORE_TAGS,
        DBClusterMembers: [{ DBInstanceIdentifier: WRITER, IsClusterWriter: true }],
        ...overrides,
      });

    it('passes when the cluster and writer match the plan', async () => {
      // Prepare
      rdsMock.on(DescribeDBClustersCommand).resolves({ DBClusters: [restored()] });
      rdsMock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [auroraInstance(WRITER, 'orders-copy')] });

      // Act
      const checks = await driver.validate(stepContext(plan, 'validate'));

      // Assess
      expect(checks.filter((check) => check.result === 'failed')).toEqual([]);
      expect(checks.map((check) => check.name)).toEqual([
        'Status',
        'Engine',
        'Engine version',
        'Encryption',
        'KMS key',
        'Security groups',
        'Subnet group',
        'Tags',
        'Deletion protection',
        'Cluster parameter group',
        'Writer instance',
        'Instance class',
        'DB parameter group',
        'Endpoint',
      ]);
    });

    it('fails on a default cluster parameter group, a missing writer and a different key', async () => {
      // Prepare
      rdsMock.on(DescribeDBClustersCommand).resolves({
        DBClusters: [
          restored({
            DBClusterParameterGroup: 'default.aurora-postgresql15',
            KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`,
            DeletionProtection: false,
          }),
        ],
      });
      rdsMock.on(DescribeDBInstancesCommand).rejects(awsError('DBInstanceNotFoundFault'));

      // Act
      const checks = await driver.validate(stepContext(plan, 'validate'));

      // Assess
      expect(checks.filter((check) => check.result === 'failed').map((check) => check.name)).toEqual([
        'KMS key',
        'Deletion protection',
        'Cluster parameter group',
        'Writer instance',
      ]);
      expect(checks.find((check) => check.name === 'Writer instance')?.detail).toBe(`${WRITER} does not exist`);
    });
  });
});
