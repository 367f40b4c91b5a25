// Placeholder until the DynamoDB simulation lands.
import type { DemoAccounts } from '../fixture.js';
import type { DynamoDbSimulation } from './index.js';

export function seedDynamoDbDemo(_dynamodb: DynamoDbSimulation, _accounts: DemoAccounts): void {}
