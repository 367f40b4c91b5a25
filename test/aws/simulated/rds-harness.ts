import { DocDBClient } from '@aws-sdk/client-docdb';
import { RDSClient } from '@aws-sdk/client-rds';
import { createSimulatedAws } from '../../../src/aws/simulated/simulated-aws.js';
import type { SimulatedTarget } from '../../../src/aws/simulated/types.js';

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
export const PROD: SimulatedTarget = { accountId: '111111111111', region: 'eu-west-1' };
export const ACC: SimulatedTarget = { accountId: '222222222222', region: 'eu-west-1' };
export const START = new Date('2026-11-21T12:00:00Z');

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** A simulated account on a manual clock, with real SDK clients plugged into it. */
export function createHarness(start: Date = START) {
  let current = start;
  const sim = createSimulatedAws({ clock: { now: () => current } });
  const rdsClient = (target: SimulatedTarget) => {
    const client = new RDSClient({ region: target.region, credentials });
    client.middlewareStack.use(sim.plugin(target));
    return client;
  };
  const docdbClient = (target: SimulatedTarget) => {
    const client = new DocDBClient({ region: target.region, credentials });
    client.middlewareStack.use(sim.plugin(target));
    return client;
  };
  return {
    sim,
    rds: sim.rds,
    now: () => current,
    advance: (ms: number) => {
      current = new Date(current.getTime() + ms);
    },
    rdsClient,
    docdbClient,
  };
}

/** The error a call failed with; fails the test when the call succeeds. */
export async function failure(call: Promise<unknown>): Promise<Error> {
  try {
    await call;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('Expected the call to fail, but it succeeded');
}
