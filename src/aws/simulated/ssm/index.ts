// Placeholder until the Ssm simulation lands: answers nothing.
import type { ServiceHandlers } from '../types.js';
import type { SimulatedWorld } from '../world.js';

export interface SsmSimulation {
  handlers: ServiceHandlers;
}

export function createSsmSimulation(_world: SimulatedWorld): SsmSimulation {
  return { handlers: {} };
}
