import type { ScalableDimension } from '@aws-sdk/client-application-auto-scaling';
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { putScalingPolicy, registerScalableTarget } from '../autoscaling/operations.js';
import type { ServiceHandlers, SimulatedTarget } from '../types.js';
import type { SimulatedWorld } from '../world.js';
import { tableArn } from './arns.js';
import { backupHandlers, recordBackup } from './backup-handlers.js';
import { describeTable } from './describe.js';
import { restoreHandlers } from './restore-handlers.js';
import { settingsHandlers } from './settings-handlers.js';
import { DynamoDbState, type SimulatedBackupType } from './state.js';
import { tableHandlers } from './table-handlers.js';
import { type TableSeed, tableFromSeed } from './table-seed.js';
import { updateTableHandler } from './update-table.js';

export type { IndexSeed, TableSeed } from './table-seed.js';

export interface BackupSeed {
  tableName: string;
  name: string;
  /** Defaults to USER. */
  type?: SimulatedBackupType;
  /** Defaults to now; a backup is AVAILABLE `createBackupMs` after it. */
  createdAt?: Date;
}

/** A scalable target with an optional target-tracking policy on the metric that fits its dimension. */
export interface ScalingSeed {
  /** `table/orders` or `table/orders/index/by-customer`. */
  resourceId: string;
  /** `dynamodb:table:ReadCapacityUnits`, `dynamodb:index:WriteCapacityUnits`, ... */
  dimension: ScalableDimension;
  minCapacity: number;
  maxCapacity: number;
  policy?: { name: string; targetValue: number; scaleInCooldown?: number; scaleOutCooldown?: number };
}

/**
 * The simulated DynamoDB control plane: tables, PITR, TTL, tags, streams, on-demand backups
 * and restores, per account and region. It also holds the Application Auto Scaling state of
 * its tables (see `createAutoScalingSimulation`).
 */
export class DynamoDbSimulation {
  readonly state: DynamoDbState;
  readonly handlers: ServiceHandlers;

  constructor(readonly world: SimulatedWorld) {
    this.state = new DynamoDbState(world);
    const context = { world, state: this.state };
    this.handlers = {
      ...tableHandlers(context),
      UpdateTable: updateTableHandler(context),
      ...settingsHandlers(context),
      ...backupHandlers(context),
      ...restoreHandlers(context),
    };
  }

  /** Seeds an ACTIVE table; returns it as DescribeTable would. */
  addTable(target: SimulatedTarget, seed: TableSeed): TableDescription {
    const region = this.state.region(target);
    if (region.tables.has(seed.name)) throw new Error(`Seed table ${seed.name} already exists`);
    const table = tableFromSeed(target, seed, this.world.now());
    region.tables.set(table.name, table);
    return describeTable(table);
  }

  /**
   * Makes a seeded table a global table with a replica in `region` (same account): the replica is
   * a table of the same name and contents there, and each lists the other's region as a replica.
   */
  addReplica(target: SimulatedTarget, tableName: string, region: string): TableDescription {
    const table = this.state.region(target).tables.get(tableName);
    if (!table) throw new Error(`Seed replica: no table ${tableName}`);
    const replicaTarget = { accountId: target.accountId, region };
    const replica = {
      ...structuredClone(table),
      arn: tableArn(replicaTarget, tableName),
      replicaRegions: [target.region],
    };
    this.state.region(replicaTarget).tables.set(tableName, replica);
    table.replicaRegions = [...(table.replicaRegions ?? []), region];
    return describeTable(replica);
  }

  /** Seeds an on-demand backup of an existing table, as the table is now; returns its ARN. */
  addBackup(target: SimulatedTarget, seed: BackupSeed): string {
    const region = this.state.region(target);
    const table = region.tables.get(seed.tableName);
    if (!table) throw new Error(`Seed backup ${seed.name}: no table ${seed.tableName}`);
    const createdAt = seed.createdAt ?? this.world.now();
    return recordBackup(this.world, target, region, table, { name: seed.name, type: seed.type ?? 'USER', createdAt })
      .arn;
  }

  /** Seeds auto scaling through the same rules as RegisterScalableTarget and PutScalingPolicy. */
  addScaling(target: SimulatedTarget, seed: ScalingSeed): void {
    const scope = { target, region: this.state.region(target), now: this.world.now() };
    registerScalableTarget(scope, {
      ServiceNamespace: 'dynamodb',
      ResourceId: seed.resourceId,
      ScalableDimension: seed.dimension,
      MinCapacity: seed.minCapacity,
      MaxCapacity: seed.maxCapacity,
    });
    if (!seed.policy) return;
    const unit = seed.dimension.endsWith('ReadCapacityUnits') ? 'Read' : 'Write';
    putScalingPolicy(scope, {
      ServiceNamespace: 'dynamodb',
      ResourceId: seed.resourceId,
      ScalableDimension: seed.dimension,
      PolicyName: seed.policy.name,
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: seed.policy.targetValue,
        PredefinedMetricSpecification: { PredefinedMetricType: `DynamoDB${unit}CapacityUtilization` },
        ...(seed.policy.scaleInCooldown !== undefined && { ScaleInCooldown: seed.policy.scaleInCooldown }),
        ...(seed.policy.scaleOutCooldown !== undefined && { ScaleOutCooldown: seed.policy.scaleOutCooldown }),
      },
    });
  }

  /** The table as DescribeTable would show it now, or undefined: for assertions that bypass the call log. */
  describeTable(target: SimulatedTarget, name: string): TableDescription | undefined {
    const table = this.state.region(target).tables.get(name);
    return table && describeTable(table);
  }
}

export function createDynamoDbSimulation(world: SimulatedWorld): DynamoDbSimulation {
  return new DynamoDbSimulation(world);
}
