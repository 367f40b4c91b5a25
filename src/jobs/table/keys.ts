import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Job } from '../../domain/job/job.js';
import type { DatabaseKind } from '../../domain/kinds.js';

/**
 * One DynamoDB table holds six kinds of record, told apart by the prefix of their key `pk`:
 * `job#`, `target#` (a target's lock), `card#` (what a job's card shows), `history#` (durations),
 * `cycle-run#` (a refresh cycle's run) and `dr-run#` (a disaster-recovery run or drill).
 */
export interface JobTableOptions {
  client: DynamoDBClient;
  tableName: string;
}

/**
 * The sparse index of jobs the worker still has work for: `active` (awaiting approval or
 * running) and `expiring` (succeeded copies waiting to be deleted). Other items carry no
 * `activePartition`, so the index holds only these.
 */
export const ACTIVE_JOBS_INDEX = 'active-jobs';
export const ACTIVE_PARTITION = 'active';
export const EXPIRING_PARTITION = 'expiring';
/** Refresh cycle runs that have not ended, in the same sparse index (the job listings never read it). */
export const OPEN_CYCLE_RUNS_PARTITION = 'cycle-runs';
/** DR runs that have not ended, likewise. */
export const OPEN_DR_RUNS_PARTITION = 'dr-runs';

/**
 * Every job item, newest first: `jobPartition` is the same on all of them (locks, cards and
 * histories carry none). One partition is plenty for a team's restores, a few a day.
 */
export const RECENT_JOBS_INDEX = 'recent-jobs';
export const JOB_PARTITION = 'job';

export function jobKey(jobId: string): string {
  return `job#${jobId}`;
}

export function cycleRunKey(runId: string): string {
  return `cycle-run#${runId}`;
}

export function drRunKey(runId: string): string {
  return `dr-run#${runId}`;
}

export function cardKey(jobId: string): string {
  return `card#${jobId}`;
}

export function historyKey(kind: DatabaseKind): string {
  return `history#${kind}`;
}

/**
 * The lock key for a job's target. RDS instances, RDS/Aurora/DocumentDB clusters and DynamoDB
 * tables are three namespaces per account and region; RDS identifiers ignore case.
 */
export function targetLockKey(job: Job): string {
  const { plan } = job;
  const namespace =
    plan.kind === 'rds-instance' ? 'db-instance' : plan.kind === 'dynamodb-table' ? 'table' : 'db-cluster';
  const identifier = plan.kind === 'dynamodb-table' ? plan.target.identifier : plan.target.identifier.toLowerCase();
  return `target#${plan.target.accountId}#${plan.target.region}#${namespace}#${identifier}`;
}
