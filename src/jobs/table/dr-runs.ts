import { z } from 'zod';
import { type DrRun, isDrRunEnded } from '../../domain/dr/dr-run.js';
import { DATABASE_KINDS } from '../../domain/kinds.js';
import { drRunKey, OPEN_DR_RUNS_PARTITION } from './keys.js';
import { DynamoDbRunRecords, type RunRecordKind, type RunRecordsOptions } from './run-records.js';

const instant = z.iso.datetime({ offset: true }).transform((text) => new Date(text));
const window = z.strictObject({ earliest: instant, latest: instant });

const candidate = z.strictObject({
  kind: z.enum(DATABASE_KINDS),
  id: z.string(),
  arn: z.string(),
  sourceIdentifier: z.string(),
  createdAt: instant,
  status: z.string(),
  engine: z.string(),
  engineVersion: z.string(),
  ownerAccountId: z.string(),
  shared: z.boolean(),
  origin: z.enum(['automated', 'manual', 'shared', 'backup']),
  encrypted: z.boolean(),
  kmsKeyId: z.string().optional(),
  sizeGiB: z.number().optional(),
});

const path = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('replicated-backups'), automatedBackupsArn: z.string(), window }),
  z.strictObject({ type: z.literal('snapshot-copy'), snapshot: candidate }),
  z.strictObject({
    type: z.literal('global-failover'),
    secondary: z.strictObject({
      globalClusterId: z.string(),
      clusterArn: z.string(),
      clusterIdentifier: z.string(),
      isWriter: z.boolean(),
      status: z.string(),
    }),
  }),
  z.strictObject({ type: z.literal('global-replica'), tableArn: z.string() }),
  z.strictObject({ type: z.literal('point-in-time'), window }),
]);

/** A stored DR run, checked on the way in: a record of another shape is refused with its path, never half-read. */
const storedDrRun = z.strictObject({
  id: z.string(),
  drill: z.boolean(),
  environment: z.string(),
  drEnvironment: z.string(),
  drRegion: z.string(),
  database: z.strictObject({ kind: z.enum(DATABASE_KINDS), identifier: z.string(), restoreAs: z.string() }),
  channelId: z.string(),
  requestedBy: z.string(),
  at: instant.optional(),
  path,
  recoversTo: instant,
  why: z.string(),
  rpoNature: z.string(),
  estimateMinutes: z.number().nonnegative(),
  phase: z.enum([
    'awaiting-approval',
    'recovering',
    'awaiting-switch',
    'switching',
    'switched',
    'switching-back',
    'switched-back',
    'discarding',
    'discarded',
    'drilled',
    'failed',
    'rejected',
  ]),
  jobId: z.string().optional(),
  failoverRequested: z.boolean().optional(),
  endpoint: z.string().optional(),
  switches: z.array(
    z.strictObject({
      type: z.enum(['parameter', 'record']),
      name: z.string(),
      hostedZoneId: z.string().optional(),
      ttl: z.number().int().nonnegative().optional(),
      previous: z.string().optional(),
      switched: z.boolean(),
      changeId: z.string().optional(),
      switchedBack: z.boolean().optional(),
    }),
  ),
  timeline: z.array(
    z.strictObject({
      event: z.enum([
        'declared',
        'requested',
        'approved',
        'restore-started',
        'available',
        'validated',
        'switch-approved',
        'switched',
        'switch-back-requested',
        'switched-back',
        'copy-expired',
        'discarded',
        'rejected',
        'failed',
      ]),
      at: instant,
      by: z.string().optional(),
      detail: z.string().optional(),
    }),
  ),
  outcome: z.string().optional(),
  createdAt: instant,
  updatedAt: instant,
  finishedAt: instant.optional(),
  version: z.number().int().nonnegative(),
});

export const DR_RUN_RECORDS: RunRecordKind<DrRun> = {
  noun: 'DR run',
  key: drRunKey,
  openPartition: OPEN_DR_RUNS_PARTITION,
  encode: (run) => JSON.stringify(run),
  decode: (text) => storedDrRun.parse(JSON.parse(text)) as DrRun,
  phase: (run) => run.phase,
  isEnded: isDrRunEnded,
  sortedBy: (run) => run.createdAt,
  endedAt: (run) => run.finishedAt ?? run.updatedAt,
};

/** DR runs on the job table. */
export class DynamoDbDrRuns extends DynamoDbRunRecords<DrRun> {
  constructor(options: RunRecordsOptions) {
    super(options, DR_RUN_RECORDS);
  }
}
