// Placeholder until the Sts simulation lands: answers nothing.
import type { ServiceHandlers } from '../types.js';
import type { SimulatedWorld } from '../world.js';

export interface StsSimulation {
  handlers: ServiceHandlers;
}

export function createStsSimulation(_world: SimulatedWorld): StsSimulation {
  return { handlers: {} };
}
