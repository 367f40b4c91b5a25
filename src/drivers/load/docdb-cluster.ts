import { DocDBClient } from '@aws-sdk/client-docdb';
import type { AwsClientFactory, AwsEnvironment } from '../../aws/clients.js';
import type { DatabaseDriver } from '../../domain/ports/database-driver.js';
import { createDocdbClusterDriver } from '../docdb-cluster.js';

export function load(clients: AwsClientFactory, environment: AwsEnvironment): DatabaseDriver {
  return createDocdbClusterDriver({ docdb: clients.client(DocDBClient, environment) });
}
