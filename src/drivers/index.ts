import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { DocDBClient } from '@aws-sdk/client-docdb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { RDSClient } from '@aws-sdk/client-rds';
import type { AwsClientFactory, AwsEnvironment } from '../aws/clients.js';
import type { DatabaseKind } from '../domain/kinds.js';
import type { DatabaseDriver } from '../domain/ports/database-driver.js';
import { createAuroraClusterDriver } from './aurora-cluster.js';
import { createDocdbClusterDriver } from './docdb-cluster.js';
import { createDynamoDbTableDriver } from './dynamodb-table.js';
import { createRdsInstanceDriver } from './rds-instance.js';

/** The driver for `kind`, with clients for `environment` from the one client factory. */
export function createDriver(
  kind: DatabaseKind,
  clients: AwsClientFactory,
  environment: AwsEnvironment,
): DatabaseDriver {
  switch (kind) {
    case 'rds-instance':
      return createRdsInstanceDriver({ rds: clients.client(RDSClient, environment) });
    case 'aurora-cluster':
      return createAuroraClusterDriver({ rds: clients.client(RDSClient, environment) });
    case 'docdb-cluster':
      return createDocdbClusterDriver({ docdb: clients.client(DocDBClient, environment) });
    case 'dynamodb-table':
      return createDynamoDbTableDriver({
        dynamodb: clients.client(DynamoDBClient, environment),
        autoScaling: clients.client(ApplicationAutoScalingClient, environment),
      });
  }
}
