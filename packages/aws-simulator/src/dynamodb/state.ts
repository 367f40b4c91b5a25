import type {
  AttributeDefinition,
  BillingMode,
  KeySchemaElement,
  Projection,
  StreamViewType,
  TableClass,
} from '@aws-sdk/client-dynamodb';
import { createScalingRegion, type ScalingRegion } from '../autoscaling/scaling-state.js';
import { PerRegion } from '../per-region.js';
import type { SimulatedTarget } from '../types.js';
import type { SimulatedWorld } from '../world.js';

export type SimulatedTableStatus = 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING';

export interface Capacity {
  read: number;
  write: number;
}

export interface StoredIndex {
  name: string;
  keySchema: KeySchemaElement[];
  projection: Projection;
  /** Set on global secondary indexes of provisioned tables only. */
  capacity?: Capacity;
}

/** What a backup or a point-in-time restore carries to the new table: everything else starts empty. */
export interface TableContents {
  keySchema: KeySchemaElement[];
  attributeDefinitions: AttributeDefinition[];
  globalSecondaryIndexes: StoredIndex[];
  localSecondaryIndexes: StoredIndex[];
  billingMode: BillingMode;
  /** Set when billingMode is PROVISIONED. */
  capacity?: Capacity;
  itemCount: number;
  sizeBytes: number;
  /** A customer or AWS managed KMS key; absent means the AWS owned key (no SSEDescription). */
  kmsMasterKeyArn?: string;
  tableClass: TableClass;
}

export interface StoredStream {
  enabled: boolean;
  viewType: StreamViewType;
  arn: string;
  label: string;
}

export interface StoredTable extends TableContents {
  name: string;
  id: string;
  arn: string;
  createdAt: Date;
  status: SimulatedTableStatus;
  /** When the current CREATING, UPDATING or DELETING status ends. */
  settlesAt?: Date;
  lastUpdateToPayPerRequest?: Date;
  ttlAttribute?: string;
  pitr?: { enabledAt: Date; recoveryPeriodInDays: number };
  /** Kept after the stream is disabled: AWS still reports LatestStreamArn for a while. */
  stream?: StoredStream;
  deletionProtection: boolean;
  tags: Map<string, string>;
  restore?: { sourceTableArn?: string; sourceBackupArn?: string; restoreDateTime: Date };
  /** A global table (version 2019.11.21): the other regions that hold a replica of it. */
  replicaRegions?: string[];
}

export type SimulatedBackupType = 'USER' | 'SYSTEM';

export interface StoredBackup {
  arn: string;
  name: string;
  type: SimulatedBackupType;
  createdAt: Date;
  availableAt: Date;
  table: { name: string; id: string; arn: string; createdAt: Date };
  contents: TableContents;
  /** Shown by DescribeBackup, never restored. */
  features: { ttlAttribute?: string; streamViewType?: StreamViewType };
}

/** One account and region: its tables, its backups and the Application Auto Scaling state of its tables. */
export interface DynamoDbRegion {
  tables: Map<string, StoredTable>;
  backups: Map<string, StoredBackup>;
  scaling: ScalingRegion;
}

/**
 * DynamoDB state per account and region. Time-driven transitions (CREATING → ACTIVE,
 * DELETING → gone) are applied lazily whenever a region is read, from the world's clock.
 */
export class DynamoDbState {
  private readonly regions = new PerRegion<DynamoDbRegion>(() => ({
    tables: new Map(),
    backups: new Map(),
    scaling: createScalingRegion(),
  }));

  constructor(private readonly world: SimulatedWorld) {}

  region(target: SimulatedTarget): DynamoDbRegion {
    const region = this.regions.region(target);
    this.settle(region);
    return region;
  }

  private settle(region: DynamoDbRegion): void {
    const now = this.world.now().getTime();
    for (const table of region.tables.values()) {
      if (!table.settlesAt || table.settlesAt.getTime() > now) continue;
      if (table.status === 'DELETING') {
        region.tables.delete(table.name);
        continue;
      }
      table.status = 'ACTIVE';
      table.settlesAt = undefined;
    }
  }
}
