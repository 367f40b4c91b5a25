import type { DatabaseDriver } from '../../../domain/ports/database-driver.js';
import { classifyAwsError } from '../../classify-aws-error.js';
import type { ClusterApi } from './cluster-api.js';
import { checkClusterSteps } from './cluster-checks.js';
import type { ClusterKind } from './cluster-kind.js';
import {
  describeClusterSource,
  findExistingCluster,
  listClusterCandidates,
  listClusterSources,
} from './cluster-source.js';
import { startClusterStep } from './cluster-steps.js';
import { validateCluster } from './cluster-validation.js';

/** The driver for a cluster kind: Aurora through RDS's API, DocumentDB through its own. */
export function createClusterDriver(api: ClusterApi, kind: ClusterKind): DatabaseDriver {
  return {
    kind: kind.kind,
    listSources: (query, limit) => listClusterSources(api, kind, query, limit),
    describeSource: (identifier) => describeClusterSource(api, kind, identifier),
    findExisting: (identifier) => findExistingCluster(api, identifier),
    listRestoreCandidates: (filter) => listClusterCandidates(api, kind, filter),
    startStep: (context) => startClusterStep(api, kind, context),
    classifyError: classifyAwsError,
    checkSteps: (contexts) => checkClusterSteps(api, contexts),
    validate: (context) => validateCluster(api, kind, context),
  };
}
