// Placeholder until the DynamoDB simulation lands: answers nothing.
import type { ServiceHandlers } from '../types.js';
import type { SimulatedWorld } from '../world.js';

export interface DynamoDbSimulation {
  handlers: ServiceHandlers;
}

export function createDynamoDbSimulation(_world: SimulatedWorld): DynamoDbSimulation {
  return { handlers: {} };
}
