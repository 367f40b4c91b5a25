import { z } from 'zod';
import { JOB_STATUSES, type Job } from '../../domain/job/job.js';
import { DATABASE_KINDS } from '../../domain/kinds.js';
import { EXPIRY_STEP_NAME, EXPIRY_TAG_STEP_NAME, ROLLBACK_STEP_NAMES, STEP_NAMES } from '../../domain/steps.js';

/*
 * The job as the table's `data` attribute holds it (schema version 1), decoded exactly: every
 * object is strict, so a field renamed or added without a new schema version is refused with
 * its path instead of being dropped or read as missing. Instants travel as ISO 8601 strings.
 */

const instant = z.iso.datetime({ offset: true }).transform((text) => new Date(text));
const text = z.string();
const count = z.number().int().nonnegative();
const tags = z.record(z.string(), z.string());

const kind = z.enum(DATABASE_KINDS);
const stepName = z.enum([...STEP_NAMES, ...ROLLBACK_STEP_NAMES, EXPIRY_STEP_NAME, EXPIRY_TAG_STEP_NAME]);

const requester = z.strictObject({
  userId: text,
  userGroupIds: z.array(text),
  timeZone: text,
  channelId: text.optional(),
});

const request = z.strictObject({
  kind,
  source: z.strictObject({ identifier: text, environment: text }),
  target: z.strictObject({ identifier: text, environment: text.optional() }),
  restorePoint: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('latest') }),
    z.strictObject({ type: z.literal('time'), at: instant }),
    z.strictObject({ type: z.literal('snapshot'), id: text }),
  ]),
  ifTargetExists: z.enum(['fail', 'replace']),
  expiresIn: text.optional(),
  reason: text,
  requester,
});

const keyElement = z.strictObject({ attributeName: text, keyType: z.enum(['HASH', 'RANGE']) });
const tableIndex = z.strictObject({ name: text, keySchema: z.array(keyElement) });

const scalingSetting = z.strictObject({
  resourceId: text,
  dimension: text,
  minCapacity: z.number(),
  maxCapacity: z.number(),
  policyName: text.optional(),
  targetValue: z.number().optional(),
  predefinedMetricType: text.optional(),
  scaleInCooldown: z.number().optional(),
  scaleOutCooldown: z.number().optional(),
});

const tableSettings = z.strictObject({
  keySchema: z.array(keyElement),
  globalSecondaryIndexes: z.array(tableIndex),
  localSecondaryIndexes: z.array(tableIndex),
  billingMode: z.enum(['PAY_PER_REQUEST', 'PROVISIONED']),
  itemCount: z.number(),
  ttlAttribute: text.optional(),
  pointInTimeRecovery: z.boolean(),
  stream: z.strictObject({ viewType: text }).optional(),
  autoScaling: z.array(scalingSetting),
  sseKmsKeyArn: text.optional(),
  tableClass: text.optional(),
});

const source = z.strictObject({
  kind,
  identifier: text,
  arn: text,
  accountId: text,
  region: text,
  status: text,
  engine: text,
  engineVersion: text,
  instanceClass: text.optional(),
  writerInstanceIdentifier: text.optional(),
  subnetGroup: text.optional(),
  securityGroupIds: z.array(text),
  parameterGroup: text.optional(),
  clusterParameterGroup: text.optional(),
  optionGroup: text.optional(),
  port: z.number().optional(),
  multiAz: z.boolean().optional(),
  storageType: text.optional(),
  storageEncrypted: z.boolean(),
  kmsKeyId: text.optional(),
  deletionProtection: z.boolean(),
  tags,
  restorableWindow: z.strictObject({ earliest: instant, latest: instant }).optional(),
  sizeGiB: z.number().optional(),
  table: tableSettings.optional(),
});

const restoreCandidate = z.strictObject({
  kind,
  id: text,
  arn: text,
  sourceIdentifier: text,
  createdAt: instant,
  status: text,
  engine: text,
  engineVersion: text,
  ownerAccountId: text,
  shared: z.boolean(),
  origin: z.enum(['automated', 'manual', 'shared', 'backup']),
  encrypted: z.boolean(),
  kmsKeyId: text.optional(),
  sizeGiB: z.number().optional(),
});

/** A DR restore's replicated automated backups (an optional field: records from before read as they were). */
const replicatedBackups = z.strictObject({ automatedBackupsArn: z.string() });

const method = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('latest'), from: replicatedBackups.optional() }),
  z.strictObject({ type: z.literal('point-in-time'), at: instant, from: replicatedBackups.optional() }),
  z.strictObject({ type: z.literal('clone') }),
  z.strictObject({ type: z.literal('snapshot'), snapshot: restoreCandidate, copyFirst: z.boolean() }),
]);

const settings = z.strictObject({
  instanceClass: text.optional(),
  subnetGroup: text.optional(),
  securityGroupIds: z.array(text),
  parameterGroup: text.optional(),
  clusterParameterGroup: text.optional(),
  optionGroup: text.optional(),
  port: z.number().optional(),
  multiAz: z.boolean().optional(),
  storageType: text.optional(),
  kmsKeyId: text.optional(),
  deletionProtection: z.boolean(),
  tags,
});

const plan = z.strictObject({
  kind,
  source,
  sourceEnvironment: text,
  target: z.strictObject({ identifier: text, environment: text, accountId: text, region: text }),
  method,
  settings,
  steps: z.array(z.strictObject({ name: stepName, description: text })),
  replace: z.strictObject({ identifier: text, renamedTo: text, finalSnapshotIdentifier: text }).optional(),
  approvalsRequired: count,
  estimate: z.strictObject({ minutes: z.number(), basis: z.enum(['history', 'policy']) }),
  expiresAt: instant.optional(),
  reason: text,
  requester: text,
  createdAt: instant,
});

const execution = z.strictObject({
  phase: z.enum(['forward', 'rollback']),
  stepIndex: count,
  started: z.boolean(),
  outcome: z.enum(['running', 'succeeded', 'failed']),
  failure: text.optional(),
  rolledBack: z.boolean().optional(),
  validation: z
    .array(z.strictObject({ name: text, result: z.enum(['passed', 'failed', 'warning', 'info']), detail: text }))
    .optional(),
  steps: z.array(
    z.strictObject({
      name: stepName,
      startedAt: instant,
      endedAt: instant.optional(),
      requestId: text.optional(),
      resumed: z.boolean().optional(),
      refused: z.boolean().optional(),
      error: text.optional(),
    }),
  ),
});

const JOB_EVENT_TYPES = [
  'requested',
  'approved',
  'rejected',
  'cancelled',
  'expired',
  'started',
  'step-started',
  'step-done',
  'step-retry',
  'rollback',
  'succeeded',
  'failed',
  'extended',
  'deleting',
  'deleted',
] as const;

export const storedJobSchema = z.strictObject({
  id: text,
  version: count,
  status: z.enum(JOB_STATUSES),
  request,
  plan,
  createdAt: instant,
  updatedAt: instant,
  approvalDeadline: instant,
  approvals: z.array(z.strictObject({ userId: text, at: instant })),
  rejection: z.strictObject({ userId: text, at: instant, reason: text }).optional(),
  execution: execution.optional(),
  retry: z
    .strictObject({ attempts: count, throttled: count.optional(), nextAttemptAt: instant, lastError: text })
    .optional(),
  finishedAt: instant.optional(),
  expiry: z
    .strictObject({
      at: instant,
      identifier: text.optional(),
      state: z.enum(['scheduled', 'deleting', 'deleted', 'failed']),
      finalSnapshot: text,
      tagExpiresAt: instant.optional(),
      requestId: text.optional(),
      failure: text.optional(),
    })
    .optional(),
  events: z.array(z.strictObject({ at: instant, actor: text, type: z.enum(JOB_EVENT_TYPES), detail: text })),
  card: z.strictObject({ channelId: text, messageTs: text.optional(), renderedVersion: count.optional() }).optional(),
});

/** Every field required, all the way down: two types agree on this form only if they name the same fields. */
type DeepRequired<T> = T extends Date
  ? T
  : T extends readonly (infer Element)[]
    ? DeepRequired<Element>[]
    : T extends object
      ? { [Key in keyof T]-?: DeepRequired<NonNullable<T[Key]>> }
      : T;
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Compile-time proof that the schema is exact to the domain's Job: what it decodes is a Job, every
 * Job fits what it decodes, and both name the same optional fields at every depth. A field added to,
 * renamed in or retyped in Job fails `npm run typecheck` here until the schema (and, for stored data,
 * the schema version) follows.
 */
const schemaIsExactToJob: MutuallyAssignable<z.output<typeof storedJobSchema>, Job> &
  MutuallyAssignable<DeepRequired<z.output<typeof storedJobSchema>>, DeepRequired<Job>> = true;
void schemaIsExactToJob;
