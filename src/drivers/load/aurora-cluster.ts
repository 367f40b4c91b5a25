import { RDSClient } from '@aws-sdk/client-rds';
import type { AwsClientFactory, AwsEnvironment } from '../../aws/clients.js';
import type { DatabaseDriver } from '../../domain/ports/database-driver.js';
import { createAuroraClusterDriver } from '../aurora-cluster.js';

export function load(clients: AwsClientFactory, environment: AwsEnvironment): DatabaseDriver {
  return createAuroraClusterDriver({ rds: clients.client(RDSClient, environment) });
}
