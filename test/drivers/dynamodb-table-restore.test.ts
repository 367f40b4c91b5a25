import {
  DescribeTableCommand,
  RestoreTableFromBackupCommand,
  RestoreTableToPointInTimeCommand,
  TableAlreadyExistsException,
} from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StepContext } from '../../src/domain/ports/database-driver.js';
import type { RestoreCandidate } from '../../src/domain/source.js';
import type { StepName } from '../../src/domain/steps.js';
import { createTableDriver, dynamodbMock, resetMocks } from './helpers/dynamodb-mocks.js';
import {
  ACCOUNT,
  BACKUP_ARN,
  buildTablePlan,
  buildTableSettings,
  buildTableSource,
  JOB_ID,
  KMS_KEY_ARN,
  SOURCE_ARN,
  SOURCE_TABLE,
  TARGET_TABLE,
  tableStepContext,
} from './helpers/dynamodb-plan.js';
import { metadata, restoredTableDescription, tableDescription } from './helpers/dynamodb-responses.js';

function restoreContext(plan = buildTablePlan()): StepContext {
  return tableStepContext('restore', plan);
}

const backup: RestoreCandidate = {
  kind: 'dynamodb-table',
  id: 'orders-before-migration',
  arn: BACKUP_ARN,
  sourceIdentifier: SOURCE_TABLE,
  createdAt: new Date('2024-05-30T08:00:00Z'),
  status: 'AVAILABLE',
  engine: 'dynamodb',
  engineVersion: '',
  ownerAccountId: ACCOUNT,
  shared: false,
  origin: 'backup',
  encrypted: true,
};

const alreadyExists = () =>
  new TableAlreadyExistsException({ message: `Table already exists: ${TARGET_TABLE}`, $metadata: {} });

beforeEach(resetMocks);

describe('startStep restore', () => {
  it('restores to the latest restorable time from the source ARN, with billing mode and KMS key', async () => {
    // Prepare
    dynamodbMock.on(RestoreTableToPointInTimeCommand).resolves({
      TableDescription: restoredTableDescription(TARGET_TABLE, { TableStatus: 'CREATING' }),
      $metadata: metadata('REQ-LATEST'),
    });

    // Act
    const result = await createTableDriver().startStep(restoreContext());

    // Assess
    expect(dynamodbMock.commandCalls(RestoreTableToPointInTimeCommand)[0]?.args[0].input).toEqual({
      SourceTableArn: SOURCE_ARN,
      TargetTableName: TARGET_TABLE,
      UseLatestRestorableTime: true,
      BillingModeOverride: 'PROVISIONED',
      SSESpecificationOverride: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: KMS_KEY_ARN },
    });
    expect(result).toEqual({ requestId: 'REQ-LATEST', alreadyStarted: false });
  });

  it('restores to a point in time with RestoreDateTime only', async () => {
    // Prepare
    const at = new Date('2024-06-01T10:30:00Z');
    dynamodbMock.on(RestoreTableToPointInTimeCommand).resolves({ $metadata: metadata() });

    // Act
    await createTableDriver().startStep(restoreContext(buildTablePlan({ method: { type: 'point-in-time', at } })));

    // Assess
    const input = dynamodbMock.commandCalls(RestoreTableToPointInTimeCommand)[0]?.args[0].input;
    expect(input).toEqual({
      SourceTableArn: SOURCE_ARN,
      TargetTableName: TARGET_TABLE,
      RestoreDateTime: at,
      BillingModeOverride: 'PROVISIONED',
      SSESpecificationOverride: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: KMS_KEY_ARN },
    });
    expect(input).not.toHaveProperty('UseLatestRestorableTime');
  });

  it('restores from a backup by its ARN with the same overrides', async () => {
    // Prepare
    dynamodbMock.on(RestoreTableFromBackupCommand).resolves({ $metadata: metadata('REQ-BACKUP') });
    const plan = buildTablePlan({ method: { type: 'snapshot', snapshot: backup, copyFirst: false } });

    // Act
    const result = await createTableDriver().startStep(restoreContext(plan));

    // Assess
    expect(dynamodbMock.commandCalls(RestoreTableFromBackupCommand)[0]?.args[0].input).toEqual({
      BackupArn: BACKUP_ARN,
      TargetTableName: TARGET_TABLE,
      BillingModeOverride: 'PROVISIONED',
      SSESpecificationOverride: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: KMS_KEY_ARN },
    });
    expect(dynamodbMock.commandCalls(RestoreTableToPointInTimeCommand)).toHaveLength(0);
    expect(result).toEqual({ requestId: 'REQ-BACKUP', alreadyStarted: false });
  });

  it('leaves encryption alone for a source on the AWS owned key, and keeps on-demand billing', async () => {
    // Prepare
    dynamodbMock.on(RestoreTableToPointInTimeCommand).resolves({ $metadata: metadata() });
    const source = buildTableSource({
      kmsKeyId: undefined,
      table: buildTableSettings({ sseKmsKeyArn: undefined, billingMode: 'PAY_PER_REQUEST' }),
    });
    const plan = buildTablePlan({ source, settings: { ...buildTablePlan().settings, kmsKeyId: undefined } });

    // Act
    await createTableDriver().startStep(restoreContext(plan));

    // Assess
    expect(dynamodbMock.commandCalls(RestoreTableToPointInTimeCommand)[0]?.args[0].input).toEqual({
      SourceTableArn: SOURCE_ARN,
      TargetTableName: TARGET_TABLE,
      UseLatestRestorableTime: true,
      BillingModeOverride: 'PAY_PER_REQUEST',
    });
  });

  it('counts a table restored from this source since the plan was made as already started', async () => {
    // Prepare
    dynamodbMock.on(RestoreTableToPointInTimeCommand).rejects(alreadyExists());
    dynamodbMock.on(DescribeTableCommand).resolves({ Table: restoredTableDescription(TARGET_TABLE) });

    // Act
    const result = await createTableDriver().startStep(restoreContext());

    // Assess
    expect(result).toEqual({ alreadyStarted: true });
    expect(dynamodbMock.commandCalls(DescribeTableCommand)[0]?.args[0].input).toEqual({ TableName: TARGET_TABLE });
  });

  it('counts a table restored from this plan’s backup as already started', async () => {
    // Prepare
    dynamodbMock.on(RestoreTableFromBackupCommand).rejects(alreadyExists());
    dynamodbMock.on(DescribeTableCommand).resolves({
      Table: restoredTableDescription(TARGET_TABLE, {
        RestoreSummary: {
          SourceBackupArn: BACKUP_ARN,
          SourceTableArn: SOURCE_ARN,
          RestoreDateTime: backup.createdAt,
          RestoreInProgress: true,
        },
      }),
    });
    const plan = buildTablePlan({ method: { type: 'snapshot', snapshot: backup, copyFirst: false } });

    // Act
    const result = await createTableDriver().startStep(restoreContext(plan));

    // Assess
    expect(result).toEqual({ alreadyStarted: true });
  });

  it.each([
    ['a table that was never restored', tableDescription(TARGET_TABLE)],
    [
      'a restore of another table',
      restoredTableDescription(TARGET_TABLE, {
        RestoreSummary: {
          SourceTableArn: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/customers`,
          RestoreDateTime: new Date('2024-06-01T11:00:00Z'),
          RestoreInProgress: false,
        },
      }),
    ],
    [
      'a restore of this source made before the plan',
      restoredTableDescription(TARGET_TABLE, { CreationDateTime: new Date('2024-05-20T08:00:00Z') }),
    ],
  ])('rethrows TableAlreadyExistsException for %s', async (_label, existing) => {
    // Prepare
    const error = alreadyExists();
    dynamodbMock.on(RestoreTableToPointInTimeCommand).rejects(error);
    dynamodbMock.on(DescribeTableCommand).resolves({ Table: existing });

    // Act
    const started = createTableDriver().startStep(restoreContext());

    // Assess
    await expect(started).rejects.toBe(error);
  });

  it('lets other AWS errors through unchanged', async () => {
    // Prepare
    const error = Object.assign(new Error('Point in time recovery is not enabled'), {
      name: 'PointInTimeRecoveryUnavailableException',
    });
    dynamodbMock.on(RestoreTableToPointInTimeCommand).rejects(error);

    // Act
    const started = createTableDriver().startStep(restoreContext());

    // Assess
    await expect(started).rejects.toBe(error);
    expect(dynamodbMock.commandCalls(DescribeTableCommand)).toHaveLength(0);
  });

  it('refuses a clone: DynamoDB has none', async () => {
    // Act
    const started = createTableDriver().startStep(restoreContext(buildTablePlan({ method: { type: 'clone' } })));

    // Assess
    await expect(started).rejects.toThrow(/cannot be cloned/);
    expect(dynamodbMock.calls()).toHaveLength(0);
  });
});

describe('startStep for steps without a DynamoDB call', () => {
  it('returns at once for validate', async () => {
    // Act
    const result = await createTableDriver().startStep({ jobId: JOB_ID, plan: buildTablePlan(), step: 'validate' });

    // Assess
    expect(result).toEqual({ alreadyStarted: false });
    expect(dynamodbMock.calls()).toHaveLength(0);
  });

  it.each<StepName>([
    'rename-existing-target',
    'delete-replaced-target',
    'rename-back',
    'set-aside-failed-restore',
    'copy-shared-snapshot',
    'create-writer-instance',
  ])('throws for %s: tables cannot be renamed in place', async (step) => {
    // Act
    const started = createTableDriver().startStep({ jobId: JOB_ID, plan: buildTablePlan(), step });

    // Assess
    await expect(started).rejects.toThrow(/cannot be renamed in place/);
    expect(dynamodbMock.calls()).toHaveLength(0);
  });
});
