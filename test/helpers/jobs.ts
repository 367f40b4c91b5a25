import type { Job } from '../../src/domain/job/job.js';
import { createJob } from '../../src/domain/job/transitions.js';
import type { DatabaseKind } from '../../src/domain/kinds.js';
import type { Plan } from '../../src/domain/plan.js';
import { REQUESTER } from './simulated-environment.js';

const now = new Date('2026-11-22T10:00:00Z');

/** A plan as the planner makes one, for store and transition tests that need no AWS. */
export function samplePlan(kind: DatabaseKind = 'aurora-cluster', target = 'orders-copy'): Plan {
  return {
    kind,
    source: {
      kind,
      identifier: 'orders',
      arn: 'arn:aws:rds:eu-west-1:111111111111:cluster:orders',
      accountId: '111111111111',
      region: 'eu-west-1',
      status: 'available',
      engine: 'aurora-postgresql',
      engineVersion: '15.4',
      securityGroupIds: ['sg-0orders'],
      storageEncrypted: true,
      deletionProtection: true,
      tags: { team: 'orders', 'restore-bot:expires-at': '2026-11-25T10:00:00.000Z' },
      restorableWindow: { earliest: new Date('2026-11-15T10:00:00Z'), latest: new Date('2026-11-22T09:55:00Z') },
    },
    sourceEnvironment: 'production',
    target: { identifier: target, environment: 'production', accountId: '111111111111', region: 'eu-west-1' },
    method: { type: 'point-in-time', at: new Date('2026-11-22T08:00:00Z') },
    settings: { securityGroupIds: ['sg-0orders'], deletionProtection: false, tags: { team: 'orders' } },
    steps: [
      { name: 'restore', description: 'Restore' },
      { name: 'create-writer-instance', description: 'Create writer' },
      { name: 'validate', description: 'Validate' },
    ],
    approvalsRequired: 1,
    estimate: { minutes: 25, basis: 'policy' },
    expiresAt: new Date('2026-11-25T10:00:00Z'),
    reason: 'find a bad migration',
    requester: REQUESTER,
    createdAt: now,
  };
}

export function sampleJob(id: string, plan: Plan = samplePlan()): Job {
  return createJob({
    id,
    plan,
    now,
    approvalTimeoutMs: 4 * 3_600_000,
    request: {
      kind: plan.kind,
      source: { identifier: plan.source.identifier, environment: plan.sourceEnvironment },
      target: { identifier: plan.target.identifier, environment: plan.target.environment },
      restorePoint: { type: 'time', at: new Date('2026-11-22T08:00:00Z') },
      ifTargetExists: 'fail',
      reason: plan.reason,
      requester: { userId: REQUESTER, userGroupIds: [], timeZone: 'Europe/Amsterdam' },
    },
  });
}
