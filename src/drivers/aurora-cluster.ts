import type { RDSClient } from '@aws-sdk/client-rds';
import type { DatabaseDriver } from '../domain/ports/database-driver.js';
import { createClusterDriver } from './rds-family/cluster/cluster-driver.js';
import type { ClusterKind } from './rds-family/cluster/cluster-kind.js';
import { createRdsClusterApi } from './rds-family/cluster/rds-cluster-api.js';

export interface AuroraClusterDriverDeps {
  rds: RDSClient;
}

const AURORA: ClusterKind = {
  kind: 'aurora-cluster',
  label: 'Aurora cluster',
  engines: new Set(['aurora-mysql', 'aurora-postgresql']),
  supportsClone: true,
  pointInTimeTakesClusterParameterGroup: true,
  instancesTakeParameterGroup: true,
};

/** Aurora MySQL and PostgreSQL clusters: point in time, latest, snapshot (own or shared by ARN) and clone. */
export function createAuroraClusterDriver({ rds }: AuroraClusterDriverDeps): DatabaseDriver {
  return createClusterDriver(createRdsClusterApi(rds), AURORA);
}
