// Placeholder until the AutoScaling simulation lands: answers nothing.
import type { DynamoDbSimulation } from '../dynamodb/index.js';
import type { ServiceHandlers } from '../types.js';
import type { SimulatedWorld } from '../world.js';

export interface AutoScalingSimulation {
  handlers: ServiceHandlers;
}

export function createAutoScalingSimulation(
  _world: SimulatedWorld,
  _dynamodb: DynamoDbSimulation,
): AutoScalingSimulation {
  return { handlers: {} };
}
