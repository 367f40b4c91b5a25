import type { ProvisionedThroughput } from '@aws-sdk/client-dynamodb';
import { fault } from '../errors.js';
import type { Capacity } from './state.js';

/** Reads a ProvisionedThroughput parameter; both units are required and at least 1. */
export function capacityOf(throughput: ProvisionedThroughput | undefined, what: string): Capacity {
  const read = throughput?.ReadCapacityUnits;
  const write = throughput?.WriteCapacityUnits;
  if (read === undefined || write === undefined || read < 1 || write < 1) {
    throw fault(
      'ValidationException',
      `One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be at least 1 for ${what}`,
    );
  }
  return { read, write };
}
