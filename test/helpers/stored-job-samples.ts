import type { Execution } from '../../src/domain/execution.js';
import { JOB_STATUSES, type Job, type JobEvent, type JobStatus } from '../../src/domain/job/job.js';
import { DATABASE_KINDS, type DatabaseKind } from '../../src/domain/kinds.js';
import type { Plan, RestoreMethod } from '../../src/domain/plan.js';
import type { RestoreCandidate, SourceDescription } from '../../src/domain/source.js';
import { sampleJob, samplePlan } from './jobs.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 10, minute));

const EVENT_TYPES: JobEvent['type'][] = [
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
];

function snapshotOf(kind: DatabaseKind): RestoreCandidate {
  return {
    kind,
    id: kind === 'dynamodb-table' ? 'orders-backup' : 'rds:orders-2026-11-22-03-00',
    arn: 'arn:aws:rds:eu-west-1:222222222222:cluster-snapshot:orders-shared',
    sourceIdentifier: 'orders',
    createdAt: at(-420),
    status: 'available',
    engine: 'aurora-postgresql',
    engineVersion: '15.4',
    ownerAccountId: '222222222222',
    shared: true,
    origin: kind === 'dynamodb-table' ? 'backup' : 'shared',
    encrypted: true,
    kmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/orders',
    sizeGiB: 120,
  };
}

/** Every method a plan of `kind` can have (a clone only for Aurora). */
function methodsOf(kind: DatabaseKind): RestoreMethod[] {
  return [
    { type: 'latest' },
    { type: 'point-in-time', at: at(-120) },
    { type: 'snapshot', snapshot: snapshotOf(kind), copyFirst: kind === 'docdb-cluster' },
    ...(kind === 'aurora-cluster' ? [{ type: 'clone' } as const] : []),
  ];
}

/** A source with every optional field set, DynamoDB's table settings included. */
function fullSource(plan: Plan): SourceDescription {
  return {
    ...plan.source,
    instanceClass: 'db.r6g.large',
    writerInstanceIdentifier: 'orders-writer',
    subnetGroup: 'prod-private',
    parameterGroup: 'orders-params',
    clusterParameterGroup: 'orders-cluster-params',
    optionGroup: 'orders-options',
    port: 5432,
    multiAz: true,
    storageType: 'aurora-iopt1',
    kmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/orders',
    sizeGiB: 120,
    ...(plan.kind === 'dynamodb-table'
      ? {
          table: {
            keySchema: [
              { attributeName: 'cartId', keyType: 'HASH' },
              { attributeName: 'line', keyType: 'RANGE' },
            ],
            globalSecondaryIndexes: [
              { name: 'by-customer', keySchema: [{ attributeName: 'customer', keyType: 'HASH' }] },
            ],
            localSecondaryIndexes: [{ name: 'by-time', keySchema: [{ attributeName: 'cartId', keyType: 'HASH' }] }],
            billingMode: 'PROVISIONED',
            itemCount: 1200,
            ttlAttribute: 'expires',
            pointInTimeRecovery: true,
            stream: { viewType: 'NEW_AND_OLD_IMAGES' },
            autoScaling: [
              {
                resourceId: 'table/carts',
                dimension: 'dynamodb:table:ReadCapacityUnits',
                minCapacity: 5,
                maxCapacity: 100,
                policyName: 'carts-read',
                targetValue: 70,
                predefinedMetricType: 'DynamoDBReadCapacityUtilization',
                scaleInCooldown: 60,
                scaleOutCooldown: 30,
              },
            ],
            sseKmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/carts',
            tableClass: 'STANDARD_INFREQUENT_ACCESS',
          },
        }
      : {}),
  };
}

function fullExecution(status: JobStatus): Execution {
  const outcome = status === 'succeeded' ? 'succeeded' : status === 'failed' ? 'failed' : 'running';
  return {
    phase: status === 'failed' ? 'rollback' : 'forward',
    stepIndex: 1,
    started: true,
    outcome,
    ...(status === 'failed' ? { failure: 'validation failed: endpoint', rolledBack: true } : {}),
    validation: [
      { name: 'endpoint', result: 'info', detail: 'orders-copy.cluster-abc.eu-west-1.rds.amazonaws.com' },
      { name: 'status', result: status === 'failed' ? 'failed' : 'passed', detail: 'available' },
    ],
    steps: [
      { name: 'rename-existing-target', startedAt: at(1), endedAt: at(2), requestId: 'req-rename' },
      { name: 'restore', startedAt: at(2), endedAt: at(20), requestId: 'req-restore', resumed: true },
      { name: 'create-writer-instance', startedAt: at(20), refused: true, error: 'InvalidParameterCombination' },
    ],
  };
}

/**
 * A job of `kind` in `status` with every optional field the status can carry: execution, retry,
 * rejection, expiry, card, approvals and one event of every type.
 */
export function fullJob(kind: DatabaseKind, status: JobStatus, method: RestoreMethod): Job {
  const id = `full-${kind}-${status}-${method.type}`;
  const base = samplePlan(kind, `${kind}-${status}-${method.type}`.slice(0, 60));
  const plan: Plan = {
    ...base,
    source: fullSource(base),
    method,
    settings: {
      ...base.settings,
      instanceClass: 'db.r6g.large',
      subnetGroup: 'prod-private',
      parameterGroup: 'orders-params',
      clusterParameterGroup: 'orders-cluster-params',
      optionGroup: 'orders-options',
      port: 5432,
      multiAz: false,
      storageType: 'gp3',
      kmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/orders',
    },
    replace: {
      identifier: base.target.identifier,
      renamedTo: `${base.target.identifier}-old`,
      finalSnapshotIdentifier: `${base.target.identifier}-final`,
    },
  };
  const job = sampleJob(id, plan);
  const finished = status !== 'awaiting_approval' && status !== 'running';
  return {
    ...job,
    status,
    request: {
      ...job.request,
      restorePoint:
        method.type === 'point-in-time'
          ? { type: 'time', at: method.at }
          : method.type === 'snapshot'
            ? { type: 'snapshot', id: method.snapshot.id }
            : { type: 'latest' },
      expiresIn: '3d',
      ifTargetExists: 'replace',
      requester: { ...job.request.requester, userGroupIds: ['S0DEVELOPERS'], channelId: 'C0RESTORES' },
    },
    approvals: status === 'awaiting_approval' ? [] : [{ userId: 'U0APPROVER', at: at(1) }],
    ...(status === 'rejected'
      ? { rejection: { userId: 'U0APPROVER', at: at(3), reason: 'not during the freeze' } }
      : {}),
    ...(status === 'running' || status === 'succeeded' || status === 'failed'
      ? { execution: fullExecution(status) }
      : {}),
    ...(status === 'running'
      ? { retry: { attempts: 2, throttled: 1, nextAttemptAt: at(25), lastError: 'ThrottlingException: slow down' } }
      : {}),
    ...(finished ? { finishedAt: at(30) } : {}),
    ...(status === 'succeeded' || status === 'failed'
      ? {
          expiry: {
            at: at(3 * 24 * 60),
            ...(status === 'failed' ? { identifier: `${plan.target.identifier}-failed` } : {}),
            state: status === 'failed' ? 'failed' : 'scheduled',
            finalSnapshot: `${plan.target.identifier}-expired`,
            tagExpiresAt: at(2 * 24 * 60),
            requestId: 'req-delete',
            ...(status === 'failed' ? { failure: 'InvalidDBClusterStateFault: busy' } : {}),
          },
        }
      : {}),
    events: EVENT_TYPES.map((type, index) => ({
      at: at(index),
      actor: index % 2 ? 'worker' : 'U0REQUESTER',
      type,
      detail: type,
    })),
    card: { channelId: 'C0RESTORES', messageTs: '1700000000.000100', renderedVersion: 3 },
    updatedAt: at(30),
  };
}

/** Every status × every kind of database × every restore method, each as full as it can be. */
export function everyKindOfJob(): Job[] {
  return DATABASE_KINDS.flatMap((kind) =>
    JOB_STATUSES.flatMap((status) => methodsOf(kind).map((method) => fullJob(kind, status, method))),
  );
}
