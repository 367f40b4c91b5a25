import type { DocDBClient } from '@aws-sdk/client-docdb';
import type { DatabaseDriver } from '../domain/ports/database-driver.js';
import { createClusterDriver } from './rds-family/cluster/cluster-driver.js';
import type { ClusterKind } from './rds-family/cluster/cluster-kind.js';
import { createDocdbClusterApi } from './rds-family/cluster/docdb-cluster-api.js';

export interface DocdbClusterDriverDeps {
  docdb: DocDBClient;
}

const DOCUMENTDB: ClusterKind = {
  kind: 'docdb-cluster',
  label: 'DocumentDB cluster',
  engines: new Set(['docdb']),
  supportsClone: false,
  pointInTimeTakesClusterParameterGroup: false,
  instancesTakeParameterGroup: false,
};

/**
 * DocumentDB clusters: point in time, latest and snapshot. A shared snapshot cannot be restored
 * directly; the plan copies it into the account first (`copyFirst`) and restores the copy.
 */
export function createDocdbClusterDriver({ docdb }: DocdbClusterDriverDeps): DatabaseDriver {
  return createClusterDriver(createDocdbClusterApi(docdb), DOCUMENTDB);
}
