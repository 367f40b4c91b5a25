import { DocDBClient } from '@aws-sdk/client-docdb';
import { RDSClient } from '@aws-sdk/client-rds';
import { createSimulatedAws, type SimulatedAws } from '../../../packages/aws-simulator/src/simulated-aws.js';
import type { SimulatedTarget } from '../../../packages/aws-simulator/src/types.js';

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
export const PROD: SimulatedTarget = { accountId: '111111111111', region: 'eu-west-1' };
export const ACC: SimulatedTarget = { accountId: '222222222222', region: 'eu-west-1' };
/** Where the RDS and DocumentDB tests' clock starts. */
export const START = new Date('2026-11-21T12:00:00Z');
/** Where the DynamoDB, Auto Scaling, SSM, CodePipeline and STS tests' clock starts: their expected dates count from it. */
export const NOV_20_NOON = new Date('2026-11-20T12:00:00Z');

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** Any SDK v3 client: what the simulation's plugin attaches to. */
interface PluggableClient {
  middlewareStack: { use(pluggable: ReturnType<SimulatedAws['plugin']>): void };
}

/** A simulated account on a manual clock, with real SDK clients plugged into it (sped up as the sandbox's, if asked). */
export function createHarness(start: Date = START, options: { speedUp?: number } = {}) {
  let current = start;
  const sim = createSimulatedAws({ clock: { now: () => current }, ...options });
  /** Routes `client`'s calls to the simulation, as made by `target`. */
  const plug = <C extends PluggableClient>(client: C, target: SimulatedTarget): C => {
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
    plug,
    rdsClient: (target: SimulatedTarget) => plug(new RDSClient({ region: target.region, credentials }), target),
    docdbClient: (target: SimulatedTarget) => plug(new DocDBClient({ region: target.region, credentials }), target),
  };
}

export type Harness = ReturnType<typeof createHarness>;

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
