import {
  AddTagsToResourceCommand,
  DeleteDBInstanceCommand,
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  ModifyDBInstanceCommand,
  RDSClient,
  RestoreDBInstanceFromDBSnapshotCommand,
  RestoreDBInstanceToPointInTimeCommand,
} from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SourceNotFoundError } from '../../src/domain/errors.js';
import { failedRestoreIdentifier } from '../../src/domain/managed-resources.js';
import type { DatabaseDriver } from '../../src/domain/ports/database-driver.js';
import { createRdsInstanceDriver } from '../../src/drivers/rds-instance.js';
import { awsError, dbSnapshot, rdsInstance } from './helpers/aws-fixtures.js';
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

const SOURCE_ARN = `arn:aws:rds:${REGION}:${ACCOUNT}:db:billing-db`;

const RESTORE_TAGS = restoreTags(
  [
    { Key: 'team', Value: 'payments' },
    { Key: 'cost-center', Value: 'cc-42' },
  ],
  SOURCE_ARN,
);

function instanceNotFound() {
  return awsError('DBInstanceNotFoundFault', 'DBInstance not found.');
}

function commandNames(): string[] {
  return rdsMock.calls().map((call) => call.args[0].constructor.name);
}

describe('rds-instance driver', () => {
  let driver: DatabaseDriver;

  beforeEach(() => {
    rdsMock.reset();
    driver = createRdsInstanceDriver({ rds: new RDSClient({ region: REGION }) });
  });

  describe('describeSource', () => {
    it('maps the instance, its tags and the restorable window of its own automated backups', async () => {
      // Prepare
      rdsMock.on(DescribeDBInstancesCommand, { DBInstanceIdentifier: 'billing-db' }).resolves({
        DBInstances: [rdsInstance('billing-db')],
      });
      rdsMock.on(DescribeDBInstanceAutomatedBackupsCommand).resolves({
        DBInstanceAutomatedBackups: [
          {
            DBInstanceIdentifier: 'billing-db',
            DbiResourceId: 'db-RETAINEDFROMANOLDINSTANCE',
            Status: 'retained',
            RestoreWindow: {
              EarliestTime: new Date('2024-01-01T00:00:00Z'),
              LatestTime: new Date('2024-01-08T00:00:00Z'),
            },
          },
          {
            DBInstanceIdentifier: 'billing-db',
            DbiResourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY',
            Status: 'active',
            RestoreWindow: {
              EarliestTime: new Date('2024-05-25T00:00:00Z'),
              LatestTime: new Date('2024-06-01T08:50:00Z'),
            },
          },
        ],
      });

      // Act
      const source = await driver.describeSource('billing-db');

      // Assess
      expect(source).toEqual(sourceFor('rds-instance'));
      expect(rdsMock.commandCalls(DescribeDBInstanceAutomatedBackupsCommand)[0]?.args[0].input).toEqual({
        DBInstanceIdentifier: 'billing-db',
      });
    });

    it('rejects an instance that belongs to a cluster', async () => {
      // Prepare
      rdsMock.on(DescribeDBInstancesCommand).resolves({
        DBInstances: [rdsInstance('orders-instance-1', { DBClusterIdentifier: 'orders', Engine: 'aurora-postgresql' })],
      });

      // Act
      const described = driver.describeSource('orders-instance-1');

      // Assess
      await expect(described).rejects.toBeInstanceOf(SourceNotFoundError);
      await expect(described).rejects.toThrow(/cluster orders/);
    });

    it('says what it looked for and where when there is no such instance', async () => {
      // Prepare
      rdsMock.on(DescribeDBInstancesCommand).rejects(instanceNotFound());

      // Act
      const described = driver.describeSource('nope');

      // Assess
      await expect(described).rejects.toThrow(SourceNotFoundError);
      await expect(described).rejects.toThrow(`No RDS instance named "nope" in ${REGION}`);
    });
  });

  describe('listSources', () => {
    it('pages with Marker and keeps standalone instances whose name contains the query', async () => {
      // Prepare
      rdsMock
        .on(DescribeDBInstancesCommand, { MaxRecords: 100 }, true)
        .resolves({
          DBInstances: [
            rdsInstance('billing-db'),
            rdsInstance('billing-aurora-1', { DBClusterIdentifier: 'billing-aurora', Engine: 'aurora-mysql' }),
            rdsInstance('ledger'),
          ],
          Marker: 'page-2',
        })
        .on(DescribeDBInstancesCommand, { MaxRecords: 100, Marker: 'page-2' }, true)
        .resolves({ DBInstances: [rdsInstance('old-billing', { Engine: 'mysql', EngineVersion: '8.0.36' })] });

      // Act
      const sources = await driver.listSources('BILL', 10);

      // Assess
      expect(sources).toEqual([
        { identifier: 'billing-db', engine: 'postgres', engineVersion: '16.3' },
        { identifier: 'old-billing', engine: 'mysql', engineVersion: '8.0.36' },
      ]);
      expect(rdsMock.commandCalls(DescribeDBInstancesCommand)).toHaveLength(2);
    });

    it('stops paging once it has enough', async () => {
      // Prepare
      rdsMock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [rdsInstance('billing-db')], Marker: 'more' });

      // Act
      const sources = await driver.listSources('billing', 1);

      // Assess
      expect(sources).toHaveLength(1);
      expect(rdsMock.commandCalls(DescribeDBInstancesCommand)).toHaveLength(1);
    });
  });

  describe('findExisting', () => {
    it('returns the instance holding the name, or undefined', async () => {
      // Prepare
      rdsMock
        .on(DescribeDBInstancesCommand, { DBInstanceIdentifier: 'billing-db' })
        .resolves({ DBInstances: [rdsInstance('billing-db')] })
        .on(DescribeDBInstancesCommand, { DBInstanceIdentifier: 'free-name' })
        .rejects(instanceNotFound());

      // Act
      const existing = await driver.findExisting('billing-db');
      const free = await driver.findExisting('free-name');

      // Assess
      expect(existing).toEqual({
        identifier: 'billing-db',
        arn: SOURCE_ARN,
        status: 'available',
        tags: { team: 'payments', 'cost-center': 'cc-42' },
      });
      expect(free).toBeUndefined();
    });
  });

  describe('listRestoreCandidates', () => {
    it('keeps available snapshots of the version, shared ones only from the expected owner, newest first', async () => {
      // Prepare
      const sharedArn = `arn:aws:rds:${REGION}:${PRODUCTION_ACCOUNT}:snapshot:billing-weekly`;
      rdsMock.on(DescribeDBSnapshotsCommand).resolves({
        DBSnapshots: [
          dbSnapshot('rds:billing-db-2024-05-30', { SnapshotCreateTime: new Date('2024-05-30T03:00:00Z') }),
          dbSnapshot('billing-before-migration', {
            SnapshotType: 'manual',
            SnapshotCreateTime: new Date('2024-05-31T10:00:00Z'),
          }),
          dbSnapshot(sharedArn, {
            DBSnapshotArn: sharedArn,
            SnapshotType: 'shared',
            SnapshotCreateTime: new Date('2024-06-01T01:00:00Z'),
            AllocatedStorage: 250,
          }),
          dbSnapshot(`arn:aws:rds:${REGION}:888888888888:snapshot:stranger`, {
            DBSnapshotArn: `arn:aws:rds:${REGION}:888888888888:snapshot:stranger`,
            SnapshotType: 'shared',
          }),
          dbSnapshot('rds:billing-db-2024-06-01', { Status: 'creating' }),
          dbSnapshot('billing-pg15', { EngineVersion: '15.7', SnapshotType: 'manual' }),
        ],
      });

      // Act
      const candidates = await driver.listRestoreCandidates({
        sourceIdentifier: 'billing-db',
        includeShared: true,
        expectedOwnerAccountId: PRODUCTION_ACCOUNT,
        engineVersion: '16.3',
      });

      // Assess
      expect(rdsMock.commandCalls(DescribeDBSnapshotsCommand)[0]?.args[0].input).toEqual({
        DBInstanceIdentifier: 'billing-db',
        IncludeShared: true,
        MaxRecords: 100,
      });
      expect(candidates.map((candidate) => [candidate.id, candidate.origin])).toEqual([
        ['billing-weekly', 'shared'],
        ['billing-before-migration', 'manual'],
        ['rds:billing-db-2024-05-30', 'automated'],
      ]);
      expect(candidates[0]).toEqual({
        kind: 'rds-instance',
        id: 'billing-weekly',
        arn: sharedArn,
        sourceIdentifier: 'billing-db',
        createdAt: new Date('2024-06-01T01:00:00Z'),
        status: 'available',
        engine: 'postgres',
        engineVersion: '16.3',
        ownerAccountId: PRODUCTION_ACCOUNT,
        shared: true,
        origin: 'shared',
        encrypted: true,
        kmsKeyId: KMS_KEY,
        sizeGiB: 250,
      });
    });
  });

  describe('startStep restore', () => {
    it('restores to the latest time with every setting copied and the managed tags', async () => {
      // Prepare
      rdsMock.on(RestoreDBInstanceToPointInTimeCommand).resolves({ $metadata: { requestId: 'req-1' } });
      const plan = buildPlan('rds-instance');

      // Act
      const started = await driver.startStep(stepContext(plan, 'restore'));

      // Assess
      expect(started).toEqual({ requestId: 'req-1', alreadyStarted: false });
      const input = rdsMock.commandCalls(RestoreDBInstanceToPointInTimeCommand)[0]?.args[0].input;
      expect(input).toEqual({
        SourceDBInstanceIdentifier: 'billing-db',
        TargetDBInstanceIdentifier: 'billing-db-copy',
        UseLatestRestorableTime: true,
        DBInstanceClass: 'db.r6g.large',
        DBSubnetGroupName: 'db-private',
        VpcSecurityGroupIds: ['sg-0a1b2c3d4e5f60718', 'sg-0f1e2d3c4b5a69788'],
        DBParameterGroupName: 'billing-pg16',
        OptionGroupName: 'default:postgres-16',
        Port: 5432,
        MultiAZ: true,
        StorageType: 'gp3',
        DeletionProtection: true,
        Tags: RESTORE_TAGS,
      });
      expect(input).not.toHaveProperty('RestoreTime');
    });

    it('restores to a point in time with RestoreTime only, and passes overridden settings', async () => {
      // Prepare
      rdsMock.on(RestoreDBInstanceToPointInTimeCommand).resolves({});
      const at = new Date('2024-05-31T14:30:00Z');
      const plan = buildPlan('rds-instance', {
        method: { type: 'point-in-time', at },
        settings: { instanceClass: 'db.t4g.medium', multiAz: false, deletionProtection: false },
      });

      // Act
      await driver.startStep(stepContext(plan, 'restore'));

      // Assess
      const input = rdsMock.commandCalls(RestoreDBInstanceToPointInTimeCommand)[0]?.args[0].input;
      expect(input).toMatchObject({
        RestoreTime: at,
        DBInstanceClass: 'db.t4g.medium',
        MultiAZ: false,
        DeletionProtection: false,
      });
      expect(input).not.toHaveProperty('UseLatestRestorableTime');
    });

    it('restores a shared snapshot by its ARN, naming the engine', async () => {
      // Prepare
      rdsMock.on(RestoreDBInstanceFromDBSnapshotCommand).resolves({});
      const snapshot = snapshotCandidate('rds-instance', { id: 'billing-weekly', shared: true });
      const plan = buildPlan('rds-instance', { method: { type: 'snapshot', snapshot, copyFirst: false } });

      // Act
      await driver.startStep(stepContext(plan, 'restore'));

      // Assess
      expect(rdsMock.commandCalls(RestoreDBInstanceFromDBSnapshotCommand)[0]?.args[0].input).toEqual({
        DBInstanceIdentifier: 'billing-db-copy',
        DBSnapshotIdentifier: `arn:aws:rds:${REGION}:${PRODUCTION_ACCOUNT}:snapshot:billing-weekly`,
        Engine: 'postgres',
        DBInstanceClass: 'db.r6g.large',
        DBSubnetGroupName: 'db-private',
        VpcSecurityGroupIds: ['sg-0a1b2c3d4e5f60718', 'sg-0f1e2d3c4b5a69788'],
        DBParameterGroupName: 'billing-pg16',
        OptionGroupName: 'default:postgres-16',
        Port: 5432,
        MultiAZ: true,
        StorageType: 'gp3',
        DeletionProtection: true,
        Tags: RESTORE_TAGS,
      });
    });

    it('restores a snapshot of this account by its identifier', async () => {
      // Prepare
      rdsMock.on(RestoreDBInstanceFromDBSnapshotCommand).resolves({});
      const snapshot = snapshotCandidate('rds-instance', { id: 'billing-before-migration' });
      const plan = buildPlan('rds-instance', { method: { type: 'snapshot', snapshot, copyFirst: false } });

      // Act
      await driver.startStep(stepContext(plan, 'restore'));

      // Assess
      expect(rdsMock.commandCalls(RestoreDBInstanceFromDBSnapshotCommand)[0]?.args[0].input).toMatchObject({
        DBSnapshotIdentifier: 'billing-before-migration',
      });
    });

    it('counts "already exists" for an instance tagged with this job as started', async () => {
      // Prepare
      rdsMock.on(RestoreDBInstanceToPointInTimeCommand).rejects(awsError('DBInstanceAlreadyExistsFault'));
      rdsMock.on(DescribeDBInstancesCommand, { DBInstanceIdentifier: 'billing-db-copy' }).resolves({
        DBInstances: [rdsInstance('billing-db-copy', { DBInstanceStatus: 'creating', TagList: OUR_TAGS })],
      });

      // Act
      const started = await driver.startStep(stepContext(buildPlan('rds-instance'), 'restore'));

      // Assess
      expect(started).toEqual({ alreadyStarted: true });
    });

    it('rethrows "already exists" for an instance that is not this job\'s', async () => {
      // Prepare
      rdsMock.on(RestoreDBInstanceToPointInTimeCommand).rejects(awsError('DBInstanceAlreadyExistsFault'));
      rdsMock.on(DescribeDBInstancesCommand).resolves({
        DBInstances: [
          rdsInstance('billing-db-copy', {
            TagList: [...OUR_TAGS.slice(0, 1), { Key: 'restore-bot:job-id', Value: 'other-job' }],
          }),
        ],
      });

      // Act
      const started = driver.startStep(stepContext(buildPlan('rds-instance'), 'restore'));

      // Assess
      await expect(started).rejects.toMatchObject({ name: 'DBInstanceAlreadyExistsFault' });
    });

    it('lets other AWS errors through unchanged', async () => {
      // Prepare
      const throttled = awsError('Throttling', 'Rate exceeded');
      rdsMock.on(RestoreDBInstanceToPointInTimeCommand).rejects(throttled);

      // Act
      const started = driver.startStep(stepContext(buildPlan('rds-instance'), 'restore'));

      // Assess
      await expect(started).rejects.toBe(throttled);
    });
  });

  describe('startStep replace and rollback', () => {
    const plan = buildPlan('rds-instance', { target: 'reporting-db', replace: true });
    const renamedTo = 'reporting-db-old-7f3c9a2e';

    it('tags the existing target for this job, then renames it', async () => {
      // Prepare
      rdsMock.on(DescribeDBInstancesCommand, { DBInstanceIdentifier: 'reporting-db' }).resolves({
        DBInstances: [rdsInstance('reporting-db')],
      });
      rdsMock.on(AddTagsToResourceCommand).resolves({});
      rdsMock.on(ModifyDBInstanceCommand).resolves({ $metadata: { requestId: 'req-rename' } });

      // Act
      const started = await driver.startStep(stepContext(plan, 'rename-existing-target'));

      // Assess
      expect(started).toEqual({ requestId: 'req-rename', alreadyStarted: false });
      expect(rdsMock.commandCalls(AddTagsToResourceCommand)[0]?.args[0].input).toEqual({
        ResourceName: `arn:aws:rds:${REGION}:${ACCOUNT}:db:reporting-db`,
        Tags: renamedFromTags('reporting-db'),
      });
      expect(rdsMock.commandCalls(ModifyDBInstanceCommand)[0]?.args[0].input).toEqual({
        DBInstanceIdentifier: 'reporting-db',
        NewDBInstanceIdentifier: renamedTo,
        ApplyImmediately: true,
      });
    });

    it('reports a rename already done when only the renamed instance, tagged for this job, exists', async () => {
      // Prepare
      rdsMock
        .on(DescribeDBInstancesCommand, { DBInstanceIdentifier: 'reporting-db' })
        .rejects(instanceNotFound())
        .on(DescribeDBInstancesCommand, { DBInstanceIdentifier: renamedTo })
        .resolves({ DBInstances: [rdsInstance(renamedTo, { TagList: OUR_TAGS })] });

      // Act
      const started = await driver.startStep(stepContext(plan, 'rename-existing-target'));

      // Assess
      expect(started).toEqual({ alreadyStarted: true });
      expect(rdsMock.commandCalls(ModifyDBInstanceCommand)).toHaveLength(0);
    });

    it('lifts deletion protection, then deletes the replaced target with a final snapshot', async () => {
      // Prepare
      rdsMock.on(DescribeDBInstancesCommand, { DBInstanceIdentifier: renamedTo }).resolves({
        DBInstances: [rdsInstance(renamedTo, { DeletionProtection: true, TagList: OUR_TAGS })],
      });
      rdsMock.on(DescribeDBSnapshotsCommand).rejects(awsError('DBSnapshotNotFoundFault'));
      rdsMock.on(ModifyDBInstanceCommand).resolves({});
      rdsMock.on(DeleteDBInstanceCommand).resolves({ $metadata: { requestId: 'req-delete' } });

      // Act
      const started = await driver.startStep(stepContext(plan, 'delete-replaced-target'));

      // Assess
      expect(started).toEqual({ requestId: 'req-delete', alreadyStarted: false });
      expect(rdsMock.commandCalls(ModifyDBInstanceCommand)[0]?.args[0].input).toEqual({
        DBInstanceIdentifier: renamedTo,
        DeletionProtection: false,
        ApplyImmediately: true,
      });
      expect(rdsMock.commandCalls(DeleteDBInstanceCommand)[0]?.args[0].input).toEqual({
        DBInstanceIdentifier: renamedTo,
        FinalDBSnapshotIdentifier: 'reporting-db-final-7f3c9a2e',
        SkipFinalSnapshot: false,
      });
      expect(commandNames().slice(-2)).toEqual(['ModifyDBInstanceCommand', 'DeleteDBInstanceCommand']);
    });

    it('counts a delete AWS accepted as started once its final snapshot exists, though the instance still reads available', async () => {
      // Prepare
      rdsMock.on(DescribeDBInstancesCommand, { DBInstanceIdentifier: renamedTo }).resolves({
        DBInstances: [rdsInstance(renamedTo, { TagList: OUR_TAGS })],
      });
      rdsMock
        .on(DescribeDBSnapshotsCommand, { DBSnapshotIdentifier: 'reporting-db-final-7f3c9a2e' })
        .resolves({ DBSnapshots: [dbSnapshot('reporting-db-final-7f3c9a2e', { Status: 'creating' })] });

      // Act
      const started = await driver.startStep(stepContext(plan, 'delete-replaced-target'));

      // Assess
      expect(started).toEqual({ alreadyStarted: true });
      expect(rdsMock.commandCalls(DeleteDBInstanceCommand)).toHaveLength(0);
    });

    it('counts a rename AWS accepted but has not begun as started', async () => {
      // Prepare: right after ModifyDBInstance the status reads available, with the new name pending.
      rdsMock.on(DescribeDBInstancesCommand, { DBInstanceIdentifier: 'reporting-db' }).resolves({
        DBInstances: [
          rdsInstance('reporting-db', {
            TagList: OUR_TAGS,
            PendingModifiedValues: { DBInstanceIdentifier: renamedTo },
          }),
        ],
      });

      // Act
      const started = await driver.startStep(stepContext(plan, 'rename-existing-target'));

      // Assess
      expect(started).toEqual({ alreadyStarted: true });
      expect(rdsMock.commandCalls(ModifyDBInstanceCommand)).toHaveLength(0);
      expect(rdsMock.commandCalls(AddTagsToResourceCommand)).toHaveLength(0);
    });

    it("refuses to delete an instance without this job's managed tags", async () => {
      // Prepare
      rdsMock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [rdsInstance(renamedTo)] });

      // Act
      const started = driver.startStep(stepContext(plan, 'delete-replaced-target'));

      // Assess
      await expect(started).rejects.toMatchObject({ name: 'UnmanagedResourceError' });
      expect(rdsMock.commandCalls(DeleteDBInstanceCommand)).toHaveLength(0);
      expect(rdsMock.commandCalls(ModifyDBInstanceCommand)).toHaveLength(0);
    });

    it('counts a replaced target that is gone, with its final snapshot, as deleted', async () => {
      // Prepare
      rdsMock.on(DescribeDBInstancesCommand).rejects(instanceNotFound());
      rdsMock
        .on(DescribeDBSnapshotsCommand, { DBSnapshotIdentifier: 'reporting-db-final-7f3c9a2e' })
        .resolves({ DBSnapshots: [dbSnapshot('reporting-db-final-7f3c9a2e', { SnapshotType: 'manual' })] });

      // Act
      const started = await driver.startStep(stepContext(plan, 'delete-replaced-target'));

      // Assess
      expect(started).toEqual({ alreadyStarted: true });
    });

    it('sets aside a failed restore of this job, and leaves anything else alone', async () => {
      // Prepare
      rdsMock.on(DescribeDBInstancesCommand, { DBInstanceIdentifier: 'reporting-db' }).resolves({
        DBInstances: [rdsInstance('reporting-db', { DBInstanceStatus: 'incompatible-parameters', TagList: OUR_TAGS })],
      });
      rdsMock.on(ModifyDBInstanceCommand).resolves({});

      // Act
      await driver.startStep(stepContext(plan, 'set-aside-failed-restore'));
      rdsMock.on(DescribeDBInstancesCommand, { DBInstanceIdentifier: 'reporting-db' }).resolves({
        DBInstances: [rdsInstance('reporting-db')],
      });
      const untouched = await driver.startStep(stepContext(plan, 'set-aside-failed-restore'));

      // Assess
      expect(rdsMock.commandCalls(ModifyDBInstanceCommand).map((call) => call.args[0].input)).toEqual([
        {
          DBInstanceIdentifier: 'reporting-db',
          NewDBInstanceIdentifier: failedRestoreIdentifier('reporting-db', JOB_ID),
          ApplyImmediately: true,
        },
      ]);
      expect(untouched).toEqual({ alreadyStarted: false });
    });

    it('renames the replaced target back', async () => {
      // Prepare
      rdsMock.on(DescribeDBInstancesCommand, { DBInstanceIdentifier: renamedTo }).resolves({
        DBInstances: [rdsInstance(renamedTo, { TagList: OUR_TAGS })],
      });
      rdsMock.on(ModifyDBInstanceCommand).resolves({});

      // Act
      await driver.startStep(stepContext(plan, 'rename-back'));

      // Assess
      expect(rdsMock.commandCalls(ModifyDBInstanceCommand)[0]?.args[0].input).toEqual({
        DBInstanceIdentifier: renamedTo,
        NewDBInstanceIdentifier: 'reporting-db',
        ApplyImmediately: true,
      });
    });

    it('refuses steps that do not exist for instances', async () => {
      // Act
      const started = driver.startStep(stepContext(plan, 'create-writer-instance'));

      // Assess
      await expect(started).rejects.toMatchObject({ name: 'StepNotSupportedError' });
    });
  });

  describe('checkSteps', () => {
    it('checks 150 restores with two DescribeDBInstances calls and maps each status', async () => {
      // Prepare
      const statuses = ['available', 'creating', 'incompatible-parameters', undefined] as const;
      rdsMock.on(DescribeDBInstancesCommand).callsFake((input: { Filters: { Values: string[] }[] }) => ({
        DBInstances: (input.Filters[0]?.Values ?? []).flatMap((identifier) => {
          const status = statuses[Number(identifier.split('-').pop()) % 4];
          return status ? [rdsInstance(identifier, { DBInstanceStatus: status })] : [];
        }),
      }));
      const contexts = Array.from({ length: 150 }, (_, index) =>
        stepContext(buildPlan('rds-instance', { target: `restored-${index}` }), 'restore'),
      );

      // Act
      const results = await driver.checkSteps(contexts);

      // Assess
      const calls = rdsMock.commandCalls(DescribeDBInstancesCommand);
      expect(calls).toHaveLength(2);
      expect(calls.map((call) => call.args[0].input.Filters?.[0]?.Name)).toEqual(['db-instance-id', 'db-instance-id']);
      expect(calls.map((call) => call.args[0].input.Filters?.[0]?.Values?.length)).toEqual([100, 50]);
      expect(results.slice(0, 4).map((result) => result.state)).toEqual(['done', 'pending', 'failed', 'failed']);
      expect(results[2]).toEqual({ state: 'failed', reason: 'DB instance restored-2 is incompatible-parameters' });
      expect(results[3]).toEqual({ state: 'failed', reason: 'DB instance restored-3 does not exist' });
      expect(results[149]?.state).toBe('pending');
    });

    it('follows renames and deletions by name, in input order', async () => {
      // Prepare
      const plan = buildPlan('rds-instance', { target: 'reporting-db', replace: true });
      const renamedTo = 'reporting-db-old-7f3c9a2e';
      rdsMock.on(DescribeDBInstancesCommand).resolves({
        DBInstances: [rdsInstance(renamedTo, { DBInstanceStatus: 'available' })],
      });

      // Act
      const results = await driver.checkSteps([
        stepContext(plan, 'rename-existing-target'),
        stepContext(plan, 'delete-replaced-target'),
        stepContext(plan, 'validate'),
        stepContext(plan, 'rename-back'),
      ]);

      // Assess
      expect(results.map((result) => result.state)).toEqual(['done', 'pending', 'done', 'pending']);
      expect(rdsMock.commandCalls(DescribeDBInstancesCommand)).toHaveLength(1);
      expect(rdsMock.commandCalls(DescribeDBInstancesCommand)[0]?.args[0].input.Filters).toEqual([
        { Name: 'db-instance-id', Values: ['reporting-db', renamedTo] },
      ]);
    });

    it('reports a rename pending while the old name is still renaming', async () => {
      // Prepare
      const plan = buildPlan('rds-instance', { target: 'reporting-db', replace: true });
      rdsMock.on(DescribeDBInstancesCommand).resolves({
        DBInstances: [rdsInstance('reporting-db', { DBInstanceStatus: 'renaming' })],
      });

      // Act
      const [result] = await driver.checkSteps([stepContext(plan, 'rename-existing-target')]);

      // Assess
      expect(result).toEqual({ state: 'pending', detail: 'DB instance reporting-db is renaming' });
    });
  });

  describe('validate', () => {
    const plan = buildPlan('rds-instance');
    const restored = (overrides: Parameters<typeof rdsInstance>[1] = {}) =>
      rdsInstance('billing-db-copy', { TagList: RESTORE_TAGS, ...overrides });

    it('passes every check for a target that matches the plan', async () => {
      // Prepare
      rdsMock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [restored()] });

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
        'Instance class',
        'DB parameter group',
        'Option group',
        'Multi-AZ',
        'Storage type',
        'Endpoint',
      ]);
      expect(checks.at(-1)).toEqual({
        name: 'Endpoint',
        result: 'info',
        detail: `billing-db-copy.c9akciq32.${REGION}.rds.amazonaws.com:5432`,
      });
    });

    it('fails the checks whose setting differs from the plan', async () => {
      // Prepare
      rdsMock.on(DescribeDBInstancesCommand).resolves({
        DBInstances: [
          restored({
            VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-default0000000000', Status: 'active' }],
            DBParameterGroups: [{ DBParameterGroupName: 'default.postgres16' }],
            TagList: RESTORE_TAGS.filter((tag) => tag.Key !== 'team'),
            EngineVersion: '16.1',
          }),
        ],
      });

      // Act
      const checks = await driver.validate(stepContext(plan, 'validate'));

      // Assess
      expect(checks.filter((check) => check.result === 'failed')).toEqual([
        { name: 'Engine version', result: 'failed', detail: 'expected 16.3, found 16.1' },
        {
          name: 'Security groups',
          result: 'failed',
          detail: 'expected sg-0a1b2c3d4e5f60718, sg-0f1e2d3c4b5a69788, found sg-default0000000000',
        },
        { name: 'Tags', result: 'failed', detail: 'missing or different: team=payments' },
        { name: 'DB parameter group', result: 'failed', detail: 'expected billing-pg16, found default.postgres16' },
      ]);
    });

    it("warns, without failing, when a setting the plan could not carry over differs from the source's", async () => {
      // Prepare: restored into another account, where the source's parameter group does not exist
      const crossAccount = { ...plan, settings: { ...plan.settings, parameterGroup: undefined } };
      rdsMock.on(DescribeDBInstancesCommand).resolves({
        DBInstances: [restored({ DBParameterGroups: [{ DBParameterGroupName: 'default.postgres16' }] })],
      });

      // Act
      const checks = await driver.validate(stepContext(crossAccount, 'validate'));

      // Assess
      expect(checks.filter((check) => check.result === 'failed')).toEqual([]);
      expect(checks.filter((check) => check.result === 'warning')).toEqual([
        { name: 'DB parameter group', result: 'warning', detail: "default.postgres16, not the source's billing-pg16" },
      ]);
    });

    it('fails when the target does not exist', async () => {
      // Prepare
      rdsMock.on(DescribeDBInstancesCommand).rejects(instanceNotFound());

      // Act
      const checks = await driver.validate(stepContext(plan, 'validate'));

      // Assess
      expect(checks).toEqual([
        { name: 'Status', result: 'failed', detail: 'DB instance billing-db-copy does not exist' },
      ]);
    });
  });
});
