import type { Job } from '../domain/job/job.js';

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
