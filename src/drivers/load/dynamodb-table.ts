import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AwsClientFactory, AwsEnvironment } from '../../aws/clients.js';
import type { DatabaseDriver } from '../../domain/ports/database-driver.js';
import { createDynamoDbTableDriver } from '../dynamodb-table.js';

export function load(clients: AwsClientFactory, environment: AwsEnvironment): DatabaseDriver {
  return createDynamoDbTableDriver({
    dynamodb: clients.client(DynamoDBClient, environment),
    autoScaling: clients.client(ApplicationAutoScalingClient, environment),
  });
}
