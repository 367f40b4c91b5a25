import { DocDBClient } from '@aws-sdk/client-docdb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { RDSClient } from '@aws-sdk/client-rds';
import type { DatabaseDriver } from '../../domain/ports/database-driver.js';
import type { RecoveredDatabase } from '../../domain/ports/recovery.js';
import type { AwsClientFactory, AwsEnvironment } from '../clients.js';
import { AwsRecoveryProbe } from './recovery-probe.js';

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
