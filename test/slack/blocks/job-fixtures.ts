import {
  type Execution,
  recordChecked,
  recordFailed,
  recordStarted,
  recordValidated,
} from '../../../src/domain/execution.js';
import type { Job } from '../../../src/domain/job/job.js';
import {
  type ApprovalRules,
  approveJob,
  cancelJob,
  createJob,
  expireJob,
  rejectJob,
  withExecution,
} from '../../../src/domain/job/transitions.js';
import { finalSnapshotIdentifier, renamedTargetIdentifier } from '../../../src/domain/managed-resources.js';
import type { Plan, RestoreMethod } from '../../../src/domain/plan.js';
import { planSteps } from '../../../src/domain/plan-steps.js';
import type { SourceDescription, ValidationCheck } from '../../../src/domain/source.js';

export const JOB_ID = '7f3c9a2e-5b1d-4c8e-9a0f-3e2d1c0b9a87';
export const REQUESTER = 'U0REQUESTER';
export const APPROVER = 'U0APPROVER';
export const TIME_ZONE = 'Europe/Amsterdam';
/** When the request was made. */
export const T0 = new Date('2026-11-22T10:00:00Z');

export const minutes = (count: number): Date => new Date(T0.getTime() + count * 60_000);

function rulesFor(job: Job): ApprovalRules {
  return { approvers: { users: [APPROVER], userGroups: [] }, approvalsRequired: job.plan.approvalsRequired };
}

const SOURCE: SourceDescription = {
  kind: 'aurora-cluster',
  identifier: 'orders',
  arn: 'arn:aws:rds:eu-west-1:111111111111:cluster:orders',
  accountId: '111111111111',
  region: 'eu-west-1',
  status: 'available',
  engine: 'aurora-postgresql',
  engineVersion: '15.4',
  instanceClass: 'db.r6g.large',
  securityGroupIds: ['sg-0orders'],
  storageEncrypted: true,
  deletionProtection: true,
  tags: { team: 'orders' },
  restorableWindow: { earliest: new Date('2026-11-15T10:00:00Z'), latest: new Date('2026-11-22T09:55:00Z') },
};

export interface PlanSketch {
  replace?: boolean;
  reason?: string;
  method?: RestoreMethod;
  expiresAt?: Date | null;
  approvalsRequired?: number;
}

/** A plan as the planner makes one (its steps from the domain's planSteps). */
export function samplePlan(sketch: PlanSketch = {}): Plan {
  const target = 'orders-copy';
  const method = sketch.method ?? { type: 'point-in-time', at: new Date('2026-11-22T08:00:00Z') };
  const settings = {
    instanceClass: 'db.r6g.large',
    securityGroupIds: ['sg-0orders'],
    deletionProtection: false,
    tags: {},
  };
  const replace = sketch.replace
    ? {
        identifier: target,
        renamedTo: renamedTargetIdentifier(target, JOB_ID),
        finalSnapshotIdentifier: finalSnapshotIdentifier(target, JOB_ID),
      }
    : undefined;
  return {
    kind: 'aurora-cluster',
    source: SOURCE,
    sourceEnvironment: 'production',
    target: { identifier: target, environment: 'acceptance', accountId: '222222222222', region: 'eu-west-1' },
    method,
    settings,
    steps: planSteps({ kind: 'aurora-cluster', jobId: JOB_ID, source: SOURCE, target, method, settings, replace }),
    ...(replace ? { replace } : {}),
    approvalsRequired: sketch.approvalsRequired ?? 1,
    estimate: { minutes: 25, basis: 'history' },
    ...(sketch.expiresAt === null ? {} : { expiresAt: sketch.expiresAt ?? new Date('2026-11-25T10:00:00Z') }),
    reason: sketch.reason ?? 'find the migration that dropped <orders> & co',
    requester: REQUESTER,
    createdAt: T0,
  };
}

export function awaitingJob(sketch: PlanSketch = {}): Job {
  const plan = samplePlan(sketch);
  return createJob({
    id: JOB_ID,
    plan,
    now: T0,
    approvalTimeoutMs: 4 * 3_600_000,
    channelId: 'C0RESTORES',
    request: {
      kind: plan.kind,
      source: { identifier: 'orders', environment: 'production' },
      target: { identifier: 'orders-copy', environment: 'acceptance' },
      restorePoint: { type: 'time', at: new Date('2026-11-22T08:00:00Z') },
      ifTargetExists: sketch.replace ? 'replace' : 'fail',
      reason: plan.reason,
      requester: { userId: REQUESTER, userGroupIds: [], timeZone: TIME_ZONE, channelId: 'C0RESTORES' },
    },
  });
}

export function approvedJob(sketch: PlanSketch = {}): Job {
  const job = awaitingJob(sketch);
  return approveJob(job, { userId: APPROVER, userGroupIds: [] }, rulesFor(job), minutes(5));
}

/** Completes the current step at `at` (started a minute earlier). */
function finishStep(plan: Plan, execution: Execution, at: Date): Execution {
  const started = recordStarted(plan, execution, new Date(at.getTime() - 60_000), { alreadyStarted: false });
  return recordChecked(plan, started, { state: 'done' }, at);
}

/** Running, with `done` steps finished and the next one started. */
export function runningJob(done: number, sketch: PlanSketch = {}): Job {
  let job = approvedJob(sketch);
  let execution = job.execution as Execution;
  for (let step = 0; step < done; step++) execution = finishStep(job.plan, execution, minutes(7 + step * 5));
  execution = recordStarted(job.plan, execution, minutes(8 + done * 5), { requestId: 'req-1', alreadyStarted: false });
  job = withExecution(job, execution, minutes(8 + done * 5));
  return job;
}

export const PASSING_CHECKS: ValidationCheck[] = [
  { name: 'Status', result: 'passed', detail: 'available' },
  { name: 'Engine version', result: 'passed', detail: 'aurora-postgresql 15.4' },
  { name: 'Endpoint', result: 'info', detail: 'orders-copy.cluster-abc123.eu-west-1.rds.amazonaws.com:5432' },
];

/** Every step done and validated with `checks`; a failing check fails (and rolls back a replace). */
export function validatedJob(checks: ValidationCheck[], sketch: PlanSketch = {}): Job {
  let job = approvedJob(sketch);
  let execution = job.execution as Execution;
  const names = job.plan.steps.map((step) => step.name);
  for (const [index, name] of names.entries()) {
    const at = minutes(10 + index * 5);
    if (name === 'validate') {
      const started = recordStarted(job.plan, execution, at, { alreadyStarted: false });
      execution = recordValidated(job.plan, started, checks, minutes(11 + index * 5));
      if (execution.outcome === 'failed' || execution.phase === 'rollback') break;
    } else {
      execution = finishStep(job.plan, execution, at);
    }
  }
  for (let step = 0; execution.phase === 'rollback' && execution.outcome === 'running'; step++) {
    execution = finishStep(job.plan, execution, minutes(50 + step * 5));
  }
  job = withExecution(job, execution, minutes(60));
  return job;
}

export function succeededJob(sketch: PlanSketch = {}, checks = PASSING_CHECKS): Job {
  return validatedJob(checks, sketch);
}

/** Failed on the restore step with `reason` (no replace: fails where it stands). */
export function failedJob(reason = 'InsufficientDBClusterCapacity: no capacity in eu-west-1a'): Job {
  const job = runningJob(0);
  const execution = recordFailed(job.plan, job.execution as Execution, reason, minutes(20));
  return withExecution(job, execution, minutes(20));
}

export function rejectedJob(reason = 'restore into acceptance, not production'): Job {
  const job = awaitingJob();
  return rejectJob(job, { userId: APPROVER, userGroupIds: [] }, rulesFor(job), reason, minutes(15));
}

export function cancelledJob(): Job {
  return cancelJob(awaitingJob(), REQUESTER, minutes(3));
}

export function expiredJob(): Job {
  const job = awaitingJob();
  const expired = expireJob(job, new Date(job.approvalDeadline.getTime() + 60_000));
  if (!expired) throw new Error('the fixture job did not expire');
  return expired;
}
