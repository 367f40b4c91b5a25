import type { RDSClient } from '@aws-sdk/client-rds';
import type { DatabaseDriver } from '../domain/ports/database-driver.js';
import { classifyAwsError } from './classify-aws-error.js';
import { checkInstanceSteps } from './rds-family/instance/instance-checks.js';
import {
  describeInstanceSource,
  findExistingInstance,
  listInstanceCandidates,
  listInstanceSources,
} from './rds-family/instance/instance-source.js';
import { startInstanceStep } from './rds-family/instance/instance-steps.js';
import { validateInstance } from './rds-family/instance/instance-validation.js';

export interface RdsInstanceDriverDeps {
  rds: RDSClient;
}

/** Standalone RDS instances (MySQL, PostgreSQL, MariaDB, Oracle, SQL Server): latest, point in time, snapshot. */
export function createRdsInstanceDriver({ rds }: RdsInstanceDriverDeps): DatabaseDriver {
  return {
    kind: 'rds-instance',
    listSources: (query, limit) => listInstanceSources(rds, query, limit),
    describeSource: (identifier) => describeInstanceSource(rds, identifier),
    findExisting: (identifier) => findExistingInstance(rds, identifier),
    listRestoreCandidates: (filter) => listInstanceCandidates(rds, filter),
    startStep: (context) => startInstanceStep(rds, context),
    classifyError: classifyAwsError,
    checkSteps: (contexts) => checkInstanceSteps(rds, contexts),
    validate: (context) => validateInstance(rds, context),
  };
}
