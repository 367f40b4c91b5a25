// Placeholder until the RDS simulation lands: answers nothing.
import type { ServiceHandlers } from '../types.js';
import type { SimulatedWorld } from '../world.js';

export interface RdsSimulation {
  rdsHandlers: ServiceHandlers;
  docdbHandlers: ServiceHandlers;
}

export function createRdsSimulation(_world: SimulatedWorld): RdsSimulation {
  return { rdsHandlers: {}, docdbHandlers: {} };
}
