import type { DynamoDbSimulation } from '../dynamodb/index.js';
import type { ServiceHandlers, SimulatedRequest } from '../types.js';
import type { SimulatedWorld } from '../world.js';
import {
  deleteScalingPolicy,
  deregisterScalableTarget,
  describeScalableTargets,
  describeScalingPolicies,
  putScalingPolicy,
  registerScalableTarget,
  type ScalingScope,
} from './operations.js';

export interface AutoScalingSimulation {
  handlers: ServiceHandlers;
}

/**
 * Application Auto Scaling for DynamoDB tables and indexes. Its state lives in the DynamoDB
 * simulation's regions, so seeds can set it and deleting a table removes its targets.
 */
export function createAutoScalingSimulation(
  world: SimulatedWorld,
  dynamodb: DynamoDbSimulation,
): AutoScalingSimulation {
  const scope = (request: SimulatedRequest): ScalingScope => ({
    target: { accountId: request.accountId, region: request.region },
    region: dynamodb.state.region(request),
    now: world.now(),
  });
  return {
    handlers: {
      RegisterScalableTarget: (request) => registerScalableTarget(scope(request), request.input),
      DescribeScalableTargets: (request) => describeScalableTargets(scope(request), request.input),
      DeregisterScalableTarget: (request) => deregisterScalableTarget(scope(request), request.input),
      PutScalingPolicy: (request) => putScalingPolicy(scope(request), request.input),
      DescribeScalingPolicies: (request) => describeScalingPolicies(scope(request), request.input),
      DeleteScalingPolicy: (request) => deleteScalingPolicy(scope(request), request.input),
    },
  };
}
