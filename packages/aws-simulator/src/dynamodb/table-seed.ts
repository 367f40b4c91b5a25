import { randomUUID } from 'node:crypto';
import type {
  AttributeDefinition,
  BillingMode,
  KeySchemaElement,
  Projection,
  StreamViewType,
  TableClass,
} from '@aws-sdk/client-dynamodb';
import type { SimulatedTarget } from '../types.js';
import { streamLabel, tableArn } from './arns.js';
import type { Capacity, StoredTable } from './state.js';

export interface IndexSeed {
  name: string;
  keySchema: KeySchemaElement[];
  /** Defaults to ALL. */
  projection?: Projection;
  /** Global secondary indexes of provisioned tables; defaults to the table's capacity. */
  capacity?: Capacity;
}

/** An ACTIVE table as a seed or a test wants it; everything optional has AWS's default. */
export interface TableSeed {
  name: string;
  keySchema: KeySchemaElement[];
  attributeDefinitions: AttributeDefinition[];
  /** Defaults to PAY_PER_REQUEST. */
  billingMode?: BillingMode;
  /** Required for PROVISIONED. */
  capacity?: Capacity;
  globalSecondaryIndexes?: IndexSeed[];
  localSecondaryIndexes?: IndexSeed[];
  itemCount?: number;
  sizeBytes?: number;
  ttlAttribute?: string;
  /** `true` enables PITR at creation; an object sets when it was enabled (the window never starts earlier). */
  pointInTimeRecovery?: boolean | { enabledAt: Date; recoveryPeriodInDays?: number };
  streamViewType?: StreamViewType;
  kmsMasterKeyArn?: string;
  tableClass?: TableClass;
  deletionProtection?: boolean;
  tags?: Record<string, string>;
  /** Defaults to now. */
  createdAt?: Date;
}

export function tableFromSeed(target: SimulatedTarget, seed: TableSeed, now: Date): StoredTable {
  const createdAt = seed.createdAt ?? now;
  const billingMode = seed.billingMode ?? 'PAY_PER_REQUEST';
  const provisioned = billingMode === 'PROVISIONED';
  if (provisioned && !seed.capacity) throw new Error(`Seed table ${seed.name}: a PROVISIONED table needs capacity`);
  const arn = tableArn(target, seed.name);
  const pitr = seed.pointInTimeRecovery;
  const index = (indexSeed: IndexSeed, global: boolean) => ({
    name: indexSeed.name,
    keySchema: indexSeed.keySchema,
    projection: indexSeed.projection ?? { ProjectionType: 'ALL' },
    ...(global && provisioned && seed.capacity && { capacity: indexSeed.capacity ?? { ...seed.capacity } }),
  });
  const label = streamLabel(createdAt);
  return {
    name: seed.name,
    id: randomUUID(),
    arn,
    createdAt,
    status: 'ACTIVE',
    keySchema: seed.keySchema,
    attributeDefinitions: seed.attributeDefinitions,
    globalSecondaryIndexes: (seed.globalSecondaryIndexes ?? []).map((indexSeed) => index(indexSeed, true)),
    localSecondaryIndexes: (seed.localSecondaryIndexes ?? []).map((indexSeed) => index(indexSeed, false)),
    billingMode,
    ...(provisioned && seed.capacity && { capacity: seed.capacity }),
    ...(!provisioned && { lastUpdateToPayPerRequest: createdAt }),
    itemCount: seed.itemCount ?? 0,
    sizeBytes: seed.sizeBytes ?? 0,
    ...(seed.ttlAttribute && { ttlAttribute: seed.ttlAttribute }),
    ...(pitr && {
      pitr: pitr === true ? { enabledAt: createdAt, recoveryPeriodInDays: 35 } : { recoveryPeriodInDays: 35, ...pitr },
    }),
    ...(seed.streamViewType && {
      stream: { enabled: true, viewType: seed.streamViewType, label, arn: `${arn}/stream/${label}` },
    }),
    ...(seed.kmsMasterKeyArn && { kmsMasterKeyArn: seed.kmsMasterKeyArn }),
    tableClass: seed.tableClass ?? 'STANDARD',
    deletionProtection: seed.deletionProtection ?? false,
    tags: new Map(Object.entries(seed.tags ?? {})),
  };
}
