import type { GlobalSecondaryIndexUpdate, UpdateTableInput, UpdateTableOutput } from '@aws-sdk/client-dynamodb';
import { fault } from '../errors.js';
import type { OperationHandler, SimulatedTarget } from '../types.js';
import { kmsKeyArn, streamLabel } from './arns.js';
import { capacityOf } from './capacity.js';
import { describeTable } from './describe.js';
import { type DynamoDbContext, requireActive, requireTable } from './lookup.js';
import type { Capacity, StoredTable } from './state.js';

type Change = (table: StoredTable) => void;

function invalid(message: string): never {
  throw fault('ValidationException', `One or more parameter values were invalid: ${message}`);
}

function streamChange(table: StoredTable, input: UpdateTableInput, now: Date): Change | undefined {
  const spec = input.StreamSpecification;
  if (!spec) return undefined;
  if (spec.StreamEnabled) {
    if (table.stream?.enabled) {
      throw fault('ValidationException', `Table already has an enabled stream: TableName: ${table.name}`);
    }
    const viewType = spec.StreamViewType;
    if (!viewType) invalid('StreamViewType is required when StreamEnabled is true');
    const label = streamLabel(now);
    return (target) => {
      target.stream = { enabled: true, viewType, label, arn: `${target.arn}/stream/${label}` };
    };
  }
  if (!table.stream?.enabled) {
    throw fault('ValidationException', `Table does not have an enabled stream: TableName: ${table.name}`);
  }
  return (target) => {
    if (target.stream) target.stream.enabled = false;
  };
}

function indexCapacityUpdates(table: StoredTable, updates: GlobalSecondaryIndexUpdate[]): Map<string, Capacity> {
  const capacities = new Map<string, Capacity>();
  for (const update of updates) {
    if (update.Create || update.Delete) {
      throw fault('ValidationException', 'The simulated DynamoDB only supports Update in GlobalSecondaryIndexUpdates');
    }
    const name = update.Update?.IndexName;
    if (!name || !table.globalSecondaryIndexes.some((index) => index.name === name)) {
      throw fault('ResourceNotFoundException', `Requested resource not found: Index: ${name} not found`);
    }
    capacities.set(name, capacityOf(update.Update?.ProvisionedThroughput, `index ${name}`));
  }
  return capacities;
}

function billingChange(table: StoredTable, input: UpdateTableInput, now: Date): Change | undefined {
  const mode = input.BillingMode ?? table.billingMode;
  const indexUpdates = input.GlobalSecondaryIndexUpdates ?? [];
  if (!input.BillingMode && !input.ProvisionedThroughput && indexUpdates.length === 0) return undefined;
  if (mode === 'PAY_PER_REQUEST') {
    if (input.ProvisionedThroughput || indexUpdates.length > 0) {
      invalid('Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST');
    }
    if (table.billingMode === 'PAY_PER_REQUEST') return undefined;
    return (target) => {
      target.billingMode = 'PAY_PER_REQUEST';
      target.capacity = undefined;
      target.lastUpdateToPayPerRequest = now;
      for (const index of target.globalSecondaryIndexes) index.capacity = undefined;
    };
  }
  const switching = table.billingMode === 'PAY_PER_REQUEST';
  if (switching && !input.ProvisionedThroughput) {
    invalid('ProvisionedThroughput must be specified when BillingMode is PROVISIONED');
  }
  const capacity = input.ProvisionedThroughput ? capacityOf(input.ProvisionedThroughput, 'the table') : undefined;
  if (capacity && !switching && capacity.read === table.capacity?.read && capacity.write === table.capacity?.write) {
    throw fault(
      'ValidationException',
      `The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: ${capacity.read}. Requested ReadCapacityUnits: ${capacity.read}. Current WriteCapacityUnits provisioned for the table: ${capacity.write}. Requested WriteCapacityUnits: ${capacity.write}.`,
    );
  }
  const indexCapacities = indexCapacityUpdates(table, indexUpdates);
  if (switching) {
    const missing = table.globalSecondaryIndexes.find((index) => !indexCapacities.has(index.name));
    if (missing) invalid(`ProvisionedThroughput must be specified for index: ${missing.name}`);
  }
  return (target) => {
    target.billingMode = 'PROVISIONED';
    if (capacity) target.capacity = capacity;
    for (const index of target.globalSecondaryIndexes) {
      const indexCapacity = indexCapacities.get(index.name);
      if (indexCapacity) index.capacity = indexCapacity;
    }
  };
}

function sseChange(target: SimulatedTarget, input: UpdateTableInput): Change | undefined {
  const spec = input.SSESpecification;
  if (!spec) return undefined;
  if (spec.Enabled === false) {
    return (table) => {
      table.kmsMasterKeyArn = undefined;
    };
  }
  const arn = kmsKeyArn(target, spec.KMSMasterKeyId ?? 'alias/aws/dynamodb');
  return (table) => {
    table.kmsMasterKeyArn = arn;
  };
}

/**
 * UpdateTable: validates everything before changing anything (AWS applies an update whole or
 * not at all), then leaves the table UPDATING for `updateTableMs`.
 */
export function updateTableHandler({ world, state }: DynamoDbContext): OperationHandler {
  return (request): UpdateTableOutput => {
    const input: UpdateTableInput = request.input;
    const table = requireTable(state.region(request), request, input.TableName);
    requireActive(table);
    const now = world.now();
    const changes: Change[] = [];
    const add = (change: Change | undefined) => {
      if (change) changes.push(change);
    };
    add(streamChange(table, input, now));
    add(billingChange(table, input, now));
    add(sseChange(request, input));
    const { DeletionProtectionEnabled: protection, TableClass: tableClass } = input;
    if (protection !== undefined) {
      add((target) => {
        target.deletionProtection = protection;
      });
    }
    if (tableClass !== undefined) {
      add((target) => {
        target.tableClass = tableClass;
      });
    }
    if (changes.length === 0) {
      throw fault(
        'ValidationException',
        'At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required',
      );
    }
    for (const change of changes) change(table);
    table.status = 'UPDATING';
    table.settlesAt = new Date(now.getTime() + world.durations.updateTableMs);
    return { TableDescription: describeTable(table) };
  };
}
