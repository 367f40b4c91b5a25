import { RDSClient } from '@aws-sdk/client-rds';
import type { AwsClientFactory, AwsEnvironment } from '../../aws/clients.js';
import type { DatabaseDriver } from '../../domain/ports/database-driver.js';
import { createRdsInstanceDriver } from '../rds-instance.js';

export function load(clients: AwsClientFactory, environment: AwsEnvironment): DatabaseDriver {
  return createRdsInstanceDriver({ rds: clients.client(RDSClient, environment) });
}
