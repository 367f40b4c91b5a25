// Placeholder until the CodePipeline simulation lands: answers nothing.
import type { ServiceHandlers } from '../types.js';
import type { SimulatedWorld } from '../world.js';

export interface CodePipelineSimulation {
  handlers: ServiceHandlers;
}

export function createCodePipelineSimulation(_world: SimulatedWorld): CodePipelineSimulation {
  return { handlers: {} };
}
