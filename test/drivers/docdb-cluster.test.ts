import {
  CopyDBClusterSnapshotCommand,
  CreateDBInstanceCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DocDBClient,
  ListTagsForResourceCommand,
  ModifyDBClusterCommand,
  RestoreDBClusterFromSnapshotCommand,
  RestoreDBClusterToPointInTimeCommand,
} from '@aws-sdk/client-docdb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SourceNotFoundError } from '../../src/domain/errors.js';
import { copiedSnapshotIdentifier, writerInstanceIdentifier } from '../../src/domain/managed-resources.js';
import type { DatabaseDriver } from '../../src/domain/ports/database-driver.js';
import { createDocdbClusterDriver } from '../../src/drivers/docdb-cluster.js';
import { createDocdbClusterApi } from '../../src/drivers/rds-family/cluster/docdb-cluster-api.js';
import { awsError, clusterSnapshot, docdbCluster, docdbInstance } from './helpers/aws-fixtures.js';
import {
  ACCOUNT,
  buildPlan,
  JOB_ID,
  KMS_KEY,
  type PlanOptions,
  PRODUCTION_ACCOUNT,
  REGION,
  snapshotCandidate,
  sourceFor,
  stepContext,
} from './helpers/plan-builder.js';
import { OUR_TAGS, restoreTags } from './helpers/rds-tags.js';

const docdbMock = mockClient(DocDBClient);

const SOURCE_ARN = `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:catalog`;
const RESTORE_TAGS = restoreTags([{ Key: 'team', Value: 'catalog' }], SOURCE_ARN);
const COPY = copiedSnapshotIdentifier('catalog-copy', JOB_ID);
const WRITER = writerInstanceIdentifier('catalog-copy', JOB_ID);
const SHARED_ARN = `arn:aws:rds:${REGION}:${PRODUCTION_ACCOUNT}:cluster-snapshot:catalog-weekly`;

function sharedSnapshotPlan(settings: PlanOptions['settings'] = {}) {
  const snapshot = snapshotCandidate('docdb-cluster', { id: 'catalog-weekly', shared: true });
  return buildPlan('docdb-cluster', { method: { type: 'snapshot', snapshot, copyFirst: true }, settings });
}

describe('docdb-cluster driver', () => {
  let driver: DatabaseDriver;

  beforeEach(() => {
    docdbMock.reset();
    driver = createDocdbClusterDriver({ docdb: new DocDBClient({ region: REGION }) });
  });

  describe('describeSource', () => {
    it("maps the cluster, its writer's class, and tags from ListTagsForResource", async () => {
      // Prepare
      docdbMock.on(DescribeDBClustersCommand, { DBClusterIdentifier: 'catalog' }).resolves({
        DBClusters: [docdbCluster('catalog')],
      });
      docdbMock.on(DescribeDBInstancesCommand, { DBInstanceIdentifier: 'catalog-1' }).resolves({
        DBInstances: [docdbInstance('catalog-1', 'catalog')],
      });
      docdbMock.on(ListTagsForResourceCommand, { ResourceName: SOURCE_ARN }).resolves({
        TagList: [{ Key: 'team', Value: 'catalog' }],
      });

      // Act
      const source = await driver.describeSource('catalog');

      // Assess
      expect(source).toEqual(sourceFor('docdb-cluster'));
    });

    it('rejects an Aurora cluster that the DocumentDB API also lists', async () => {
      // Prepare
      docdbMock.on(DescribeDBClustersCommand).resolves({
        DBClusters: [docdbCluster('orders', { Engine: 'aurora-postgresql', EngineVersion: '15.4' })],
      });

      // Act
      const described = driver.describeSource('orders');

      // Assess
      await expect(described).rejects.toBeInstanceOf(SourceNotFoundError);
      await expect(described).rejects.toThrow(/Amazon DocumentDB DescribeDBClusters\) runs aurora-postgresql/);
    });
  });

  describe('listRestoreCandidates', () => {
    it('keeps shared snapshots only from the expected owner', async () => {
      // Prepare
      const stranger = `arn:aws:rds:${REGION}:888888888888:cluster-snapshot:catalog-weekly`;
      docdbMock.on(DescribeDBClusterSnapshotsCommand).resolves({
        DBClusterSnapshots: [
          {
            ...clusterSnapshot(SHARED_ARN, { DBClusterSnapshotArn: SHARED_ARN, SnapshotType: 'shared' }),
            Engine: 'docdb',
          },
          { ...clusterSnapshot(stranger, { DBClusterSnapshotArn: stranger, SnapshotType: 'shared' }), Engine: 'docdb' },
        ],
      });

      // Act
      const candidates = await driver.listRestoreCandidates({
        includeShared: true,
        expectedOwnerAccountId: PRODUCTION_ACCOUNT,
      });

      // Assess
      expect(docdbMock.commandCalls(DescribeDBClusterSnapshotsCommand)[0]?.args[0].input).toEqual({
        IncludeShared: true,
        MaxRecords: 100,
      });
      expect(candidates.map((candidate) => [candidate.id, candidate.arn, candidate.shared])).toEqual([
        ['catalog-weekly', SHARED_ARN, true],
      ]);
    });
  });

  describe('startStep copy-shared-snapshot', () => {
    it('copies the shared snapshot by ARN, re-encrypted with the planned key, tagged for the job', async () => {
      // Prepare
      docdbMock.on(CopyDBClusterSnapshotCommand).resolves({ $metadata: { requestId: 'req-copy' } });

      // Act
      const started = await driver.startStep(stepContext(sharedSnapshotPlan(), 'copy-shared-snapshot'));

      // Assess
      expect(started).toEqual({ requestId: 'req-copy', alreadyStarted: false });
      expect(docdbMock.commandCalls(CopyDBClusterSnapshotCommand)[0]?.args[0].input).toEqual({
        SourceDBClusterSnapshotIdentifier: SHARED_ARN,
        TargetDBClusterSnapshotIdentifier: 'catalog-copy-src-7f3c9a2e',
        KmsKeyId: KMS_KEY,
        Tags: [
          { Key: 'restore-bot:source', Value: SHARED_ARN },
          { Key: 'restore-bot:managed', Value: 'true' },
          { Key: 'restore-bot:job-id', Value: JOB_ID },
        ],
      });
    });

    it('refuses to copy an encrypted snapshot without a KMS key', async () => {
      // Act
      const started = driver.startStep(
        stepContext(sharedSnapshotPlan({ kmsKeyId: undefined }), 'copy-shared-snapshot'),
      );

      // Assess
      await expect(started).rejects.toMatchObject({ name: 'InvalidPlanError' });
      expect(docdbMock.commandCalls(CopyDBClusterSnapshotCommand)).toHaveLength(0);
    });

    it('counts an existing copy tagged for this job as started', async () => {
      // Prepare
      const copyArn = `arn:aws:rds:${REGION}:${ACCOUNT}:cluster-snapshot:${COPY}`;
      docdbMock.on(CopyDBClusterSnapshotCommand).rejects(awsError('DBClusterSnapshotAlreadyExistsFault'));
      docdbMock.on(DescribeDBClusterSnapshotsCommand, { DBClusterSnapshotIdentifier: COPY }).resolves({
        DBClusterSnapshots: [{ DBClusterSnapshotIdentifier: COPY, DBClusterSnapshotArn: copyArn, Status: 'copying' }],
      });
      docdbMock.on(ListTagsForResourceCommand, { ResourceName: copyArn }).resolves({ TagList: OUR_TAGS });

      // Act
      const started = await driver.startStep(stepContext(sharedSnapshotPlan(), 'copy-shared-snapshot'));

      // Assess
      expect(started).toEqual({ alreadyStarted: true });
    });
  });

  describe('startStep restore', () => {
    it('restores from the in-account copy, not the shared snapshot', async () => {
      // Prepare
      docdbMock.on(RestoreDBClusterFromSnapshotCommand).resolves({});

      // Act
      await driver.startStep(stepContext(sharedSnapshotPlan(), 'restore'));

      // Assess
      expect(docdbMock.commandCalls(RestoreDBClusterFromSnapshotCommand)[0]?.args[0].input).toEqual({
        DBClusterIdentifier: 'catalog-copy',
        SnapshotIdentifier: COPY,
        Engine: 'docdb',
        EngineVersion: '5.0.0',
        DBSubnetGroupName: 'db-private',
        VpcSecurityGroupIds: ['sg-0c0c0c0c0c0c0c0c0'],
        DBClusterParameterGroupName: 'catalog-docdb5',
        Port: 27017,
        KmsKeyId: KMS_KEY,
        StorageType: 'standard',
        DeletionProtection: false,
        Tags: RESTORE_TAGS,
      });
    });

    it('restores to a point in time without the cluster parameter group DocumentDB does not take there', async () => {
      // Prepare
      docdbMock.on(RestoreDBClusterToPointInTimeCommand).resolves({});
      const at = new Date('2024-05-31T14:30:00Z');

      // Act
      await driver.startStep(
        stepContext(buildPlan('docdb-cluster', { method: { type: 'point-in-time', at } }), 'restore'),
      );

      // Assess
      expect(docdbMock.commandCalls(RestoreDBClusterToPointInTimeCommand)[0]?.args[0].input).toEqual({
        DBClusterIdentifier: 'catalog-copy',
        SourceDBClusterIdentifier: 'catalog',
        RestoreToTime: at,
        DBSubnetGroupName: 'db-private',
        VpcSecurityGroupIds: ['sg-0c0c0c0c0c0c0c0c0'],
        Port: 27017,
        KmsKeyId: KMS_KEY,
        StorageType: 'standard',
        DeletionProtection: false,
        Tags: RESTORE_TAGS,
      });
    });

    it('refuses a clone', async () => {
      // Act
      const started = driver.startStep(
        stepContext(buildPlan('docdb-cluster', { method: { type: 'clone' } }), 'restore'),
      );

      // Assess
      await expect(started).rejects.toMatchObject({ name: 'InvalidPlanError' });
      expect(docdbMock.calls()).toHaveLength(0);
    });
  });

  describe('startStep create-writer-instance', () => {
    it('sets the planned cluster parameter group after a point-in-time restore, then creates the writer', async () => {
      // Prepare
      docdbMock.on(DescribeDBClustersCommand, { DBClusterIdentifier: 'catalog-copy' }).resolves({
        DBClusters: [
          docdbCluster('catalog-copy', { DBClusterParameterGroup: 'default.docdb5.0', DBClusterMembers: [] }),
        ],
      });
      docdbMock.on(ModifyDBClusterCommand).resolves({});
      docdbMock.on(CreateDBInstanceCommand).resolves({ $metadata: { requestId: 'req-writer' } });

      // Act
      const started = await driver.startStep(stepContext(buildPlan('docdb-cluster'), 'create-writer-instance'));

      // Assess
      expect(started).toEqual({ requestId: 'req-writer', alreadyStarted: false });
      expect(docdbMock.commandCalls(ModifyDBClusterCommand)[0]?.args[0].input).toEqual({
        DBClusterIdentifier: 'catalog-copy',
        DBClusterParameterGroupName: 'catalog-docdb5',
        ApplyImmediately: true,
      });
      expect(docdbMock.commandCalls(CreateDBInstanceCommand)[0]?.args[0].input).toEqual({
        DBInstanceIdentifier: WRITER,
        DBClusterIdentifier: 'catalog-copy',
        DBInstanceClass: 'db.r6g.large',
        Engine: 'docdb',
        Tags: RESTORE_TAGS,
      });
    });

    it('leaves the cluster alone after a snapshot restore, which took the group already', async () => {
      // Prepare
      docdbMock.on(CreateDBInstanceCommand).resolves({});

      // Act
      await driver.startStep(stepContext(sharedSnapshotPlan(), 'create-writer-instance'));

      // Assess
      expect(docdbMock.commandCalls(ModifyDBClusterCommand)).toHaveLength(0);
      expect(docdbMock.commandCalls(CreateDBInstanceCommand)).toHaveLength(1);
    });
  });

  describe('checkSteps', () => {
    it('follows the snapshot copy with DescribeDBClusterSnapshots filtered by identifier', async () => {
      // Prepare
      docdbMock.on(DescribeDBClusterSnapshotsCommand).resolves({
        DBClusterSnapshots: [{ DBClusterSnapshotIdentifier: COPY, Status: 'copying', PercentProgress: 40 }],
      });
      docdbMock.on(DescribeDBClustersCommand).resolves({ DBClusters: [docdbCluster('catalog-copy')] });

      // Act
      const results = await driver.checkSteps([
        stepContext(sharedSnapshotPlan(), 'copy-shared-snapshot'),
        stepContext(sharedSnapshotPlan(), 'restore'),
      ]);

      // Assess
      expect(docdbMock.commandCalls(DescribeDBClusterSnapshotsCommand)[0]?.args[0].input).toEqual({
        Filters: [{ Name: 'db-cluster-snapshot-id', Values: [COPY] }],
      });
      expect(results).toEqual([
        { state: 'pending', detail: `DB cluster snapshot ${COPY} is copying` },
        { state: 'done', detail: 'DB cluster catalog-copy is available' },
      ]);
    });
  });

  describe('validate', () => {
    it('reads the tags with ListTagsForResource and reports a missing one', async () => {
      // Prepare
      const cluster = docdbCluster('catalog-copy', {
        DBClusterMembers: [{ DBInstanceIdentifier: WRITER, IsClusterWriter: true }],
      });
      docdbMock.on(DescribeDBClustersCommand).resolves({ DBClusters: [cluster] });
      docdbMock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [docdbInstance(WRITER, 'catalog-copy')] });
      docdbMock.on(ListTagsForResourceCommand).resolves({ TagList: RESTORE_TAGS.slice(1) });

      // Act
      const checks = await driver.validate(stepContext(buildPlan('docdb-cluster'), 'validate'));

      // Assess
      expect(docdbMock.commandCalls(ListTagsForResourceCommand)[0]?.args[0].input).toEqual({
        ResourceName: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:catalog-copy`,
      });
      expect(checks.filter((check) => check.result === 'failed')).toEqual([
        { name: 'Tags', result: 'failed', detail: 'missing or different: team=catalog' },
      ]);
      expect(checks.map((check) => check.name)).not.toContain('DB parameter group');
    });
  });

  describe('DocumentDB adapter', () => {
    it("refuses a field DocumentDB's API does not take instead of dropping it", async () => {
      // Prepare
      const api = createDocdbClusterApi(new DocDBClient({ region: REGION }));

      // Act
      const created = api.createInstance({
        DBInstanceIdentifier: WRITER,
        DBClusterIdentifier: 'catalog-copy',
        DBInstanceClass: 'db.r6g.large',
        Engine: 'docdb',
        DBParameterGroupName: 'not-in-docdb',
      });

      // Assess
      await expect(created).rejects.toThrow("Amazon DocumentDB's CreateDBInstance takes no DBParameterGroupName.");
      expect(docdbMock.calls()).toHaveLength(0);
    });
  });
});
