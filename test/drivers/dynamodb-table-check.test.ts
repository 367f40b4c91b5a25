import { DescribeScalableTargetsCommand } from '@aws-sdk/client-application-auto-scaling';
import { DescribeTableCommand, DescribeTimeToLiveCommand, type TableStatus } from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StepContext } from '../../src/domain/ports/database-driver.js';
import type { StepName } from '../../src/domain/steps.js';
import {
  autoScalingMock,
  createTableDriver,
  dynamodbMock,
  mockSettingsReapplied,
  resetMocks,
} from './helpers/dynamodb-mocks.js';
import { buildTablePlan, TARGET_TABLE, tableStepContext } from './helpers/dynamodb-plan.js';
import { restoredTableDescription, tableNotFound, timeToLive } from './helpers/dynamodb-responses.js';

function context(step: StepName, target = TARGET_TABLE): StepContext {
  const plan = buildTablePlan();
  return tableStepContext(step, { ...plan, target: { ...plan.target, identifier: target } });
}

function mockTable(name: string, status: TableStatus) {
  dynamodbMock
    .on(DescribeTableCommand, { TableName: name })
    .resolves({ Table: restoredTableDescription(name, { TableStatus: status }) });
}

function mockSettingsApplied() {
  dynamodbMock.on(DescribeTableCommand, { TableName: TARGET_TABLE }).resolves({
    Table: restoredTableDescription(TARGET_TABLE, {
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  });
  mockSettingsReapplied();
}

beforeEach(resetMocks);

describe('checkSteps', () => {
  it('maps restore states to done, pending and failed', async () => {
    // Prepare
    mockTable('t-active', 'ACTIVE');
    mockTable('t-creating', 'CREATING');
    mockTable('t-no-key', 'INACCESSIBLE_ENCRYPTION_CREDENTIALS');
    dynamodbMock.on(DescribeTableCommand, { TableName: 't-missing' }).rejects(tableNotFound());

    // Act
    const statuses = await createTableDriver().checkSteps([
      context('restore', 't-active'),
      context('restore', 't-creating'),
      context('restore', 't-no-key'),
      context('restore', 't-missing'),
    ]);

    // Assess
    expect(statuses.map((status) => status.state)).toEqual(['done', 'pending', 'failed', 'failed']);
    expect(statuses[2]).toEqual({
      state: 'failed',
      reason: 'The restored table cannot use its KMS key (INACCESSIBLE_ENCRYPTION_CREDENTIALS)',
    });
    expect(statuses[3]).toEqual({ state: 'failed', reason: 'The restored table does not exist' });
  });

  it('describes each distinct table once, however many contexts name it', async () => {
    // Prepare
    mockTable('t-one', 'CREATING');
    mockTable('t-two', 'ACTIVE');

    // Act
    const statuses = await createTableDriver().checkSteps([
      context('restore', 't-one'),
      context('restore', 't-two'),
      context('restore', 't-one'),
      context('validate', 't-one'),
    ]);

    // Assess
    const described = dynamodbMock.commandCalls(DescribeTableCommand).map((call) => call.args[0].input.TableName);
    expect(described.sort()).toEqual(['t-one', 't-two']);
    expect(statuses).toEqual([
      { state: 'pending', detail: 'Table is being restored' },
      { state: 'done' },
      { state: 'pending', detail: 'Table is being restored' },
      { state: 'done' },
    ]);
  });

  it('keeps no more than eight DescribeTable calls in flight', async () => {
    // Prepare
    let inFlight = 0;
    let most = 0;
    dynamodbMock.on(DescribeTableCommand).callsFake(async (input: { TableName: string }) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await Promise.resolve();
      await Promise.resolve();
      inFlight -= 1;
      return { Table: restoredTableDescription(input.TableName) };
    });
    const contexts = Array.from({ length: 20 }, (_, index) => context('restore', `t-${index}`));

    // Act
    const statuses = await createTableDriver().checkSteps(contexts);

    // Assess
    expect(statuses).toHaveLength(20);
    expect(dynamodbMock.commandCalls(DescribeTableCommand)).toHaveLength(20);
    expect(most).toBe(8);
  });

  it('reports reapply-table-settings done once TTL, PITR, stream and scaling match the source', async () => {
    // Prepare
    mockSettingsApplied();

    // Act
    const [status] = await createTableDriver().checkSteps([context('reapply-table-settings')]);

    // Assess
    expect(status).toEqual({ state: 'done' });
  });

  it('keeps reapply-table-settings pending while a setting is missing, naming it', async () => {
    // Prepare
    mockSettingsApplied();
    dynamodbMock.on(DescribeTimeToLiveCommand).resolves({ TimeToLiveDescription: timeToLive() });
    autoScalingMock.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: [] });

    // Act
    const [status] = await createTableDriver().checkSteps([context('reapply-table-settings')]);

    // Assess
    expect(status).toEqual({ state: 'pending', detail: 'Waiting for TTL, auto scaling' });
  });

  it('keeps reapply-table-settings pending while the stream update leaves the table UPDATING', async () => {
    // Prepare
    mockSettingsApplied();
    dynamodbMock.on(DescribeTableCommand, { TableName: TARGET_TABLE }).resolves({
      Table: restoredTableDescription(TARGET_TABLE, {
        TableStatus: 'UPDATING',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    });

    // Act
    const [status] = await createTableDriver().checkSteps([context('reapply-table-settings')]);

    // Assess
    expect(status).toEqual({ state: 'pending', detail: 'Table is UPDATING' });
  });

  it('fails a step DynamoDB tables never have', async () => {
    // Act
    const [status] = await createTableDriver().checkSteps([context('rename-existing-target')]);

    // Assess
    expect(status?.state).toBe('failed');
    expect(dynamodbMock.calls()).toHaveLength(0);
  });
});
