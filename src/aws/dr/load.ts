import { DocDBClient } from '@aws-sdk/client-docdb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { RDSClient } from '@aws-sdk/client-rds';
import { Route53Client } from '@aws-sdk/client-route-53';
import type { DatabaseDriver } from '../../domain/ports/database-driver.js';
import type { RecoveredDatabase } from '../../domain/ports/recovery.js';
import type { AwsClientFactory, AwsEnvironment } from '../clients.js';
import { AwsDatabaseEndpoints } from './endpoints.js';
import { AwsGlobalClusters } from './global-clusters.js';
import { AwsRecoveryProbe } from './recovery-probe.js';
import { Route53Records } from './route53-records.js';

/** The DR adapters with their SDK clients: a chunk of their own, loaded on the first DR request. */
export function loadRecoveryProbe(
  clients: AwsClientFactory,
  environments: { primary: AwsEnvironment; dr: AwsEnvironment },
  driverFor: (kind: RecoveredDatabase['kind'], side: 'primary' | 'dr') => DatabaseDriver,
): AwsRecoveryProbe {
  return new AwsRecoveryProbe({
    ...environments,
    rds: () => clients.client(RDSClient, environments.dr),
    docdb: () => clients.client(DocDBClient, environments.dr),
    dynamodb: () => clients.client(DynamoDBClient, environments.primary),
    driverFor,
  });
}

/** The switch's records, the global databases and the endpoints of the DR environment. */
export function loadDrAdapters(clients: AwsClientFactory, dr: AwsEnvironment) {
  const rds = () => clients.client(RDSClient, dr);
  const docdb = () => clients.client(DocDBClient, dr);
  return {
    records: new Route53Records(() => clients.client(Route53Client, dr)),
    globalClusters: new AwsGlobalClusters({ rds, docdb }),
    endpoints: new AwsDatabaseEndpoints({ rds, docdb, accountId: dr.accountId, region: dr.region }),
  };
}
