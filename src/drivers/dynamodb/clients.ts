import type { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** The SDK clients of one environment (account and Region), built by the composition root. */
export interface DynamoDbTableClients {
  dynamodb: DynamoDBClient;
  autoScaling: ApplicationAutoScalingClient;
}
