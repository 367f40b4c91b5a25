import { readFileSync } from 'node:fs';
import { createSimulatedAws, type SimulatedAws } from '@db-restore-bot/aws-simulator';
import { parse as parseYaml } from 'yaml';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../../dev/demo/accounts.js';
import { AwsClientFactory, type AwsEnvironment } from '../../src/aws/clients.js';
import { parsePolicy } from '../../src/config/policy.js';
import type { DatabaseKind } from '../../src/domain/kinds.js';
import type { PlannerDeps } from '../../src/domain/planner.js';
import type { Policy } from '../../src/domain/policy.js';
import type { DatabaseDriver } from '../../src/domain/ports/database-driver.js';
import { createDriver } from '../../src/drivers/index.js';
import { ManualClock } from './manual-clock.js';

export const REQUESTER = 'U0REQUESTER';
export const APPROVER = 'U0APPROVER';

/** The example policy shipped with the project: production protected, acceptance refreshed from it. */
export function examplePolicy(): Policy {
  const text = readFileSync(new URL('../../policy.example.yml', import.meta.url), 'utf8');
  return parsePolicy(parseYaml(text));
}

export interface SimulatedEnvironment {
  clock: ManualClock;
  sim: SimulatedAws;
  policy: Policy;
  accounts: typeof DEMO_ACCOUNTS;
  driverFor(kind: DatabaseKind, environment: string): DatabaseDriver;
  /** The client factory the drivers use, and the policy's environments, for adapters beside the drivers. */
  clients: AwsClientFactory;
  environment(name: string): AwsEnvironment;
  plannerDeps: PlannerDeps;
  /** Calls that change something (anything but Describe/List/Get), optionally only those naming `identifier`. */
  writeCalls(identifier?: string): { operation: string; input: unknown }[];
}

/**
 * The seeded demo accounts behind the real SDK clients and the real drivers, wired as the
 * composition root wires them: one client factory, roles assumed through (simulated) STS.
 */
export function createSimulatedEnvironment(policy: Policy = examplePolicy()): SimulatedEnvironment {
  const clock = new ManualClock();
  const sim = createSimulatedAws({ clock });
  seedDemoAccounts(sim);
  const factory = new AwsClientFactory({
    clock,
    pluginsFor: (environment, credentials) => [sim.plugin(environment, { credentials })],
  });
  const environments = new Map<string, AwsEnvironment>(
    Object.entries(policy.environments).map(([name, environment]) => [name, { name, ...environment }]),
  );
  const driverFor = (kind: DatabaseKind, name: string): DatabaseDriver => {
    const environment = environments.get(name);
    if (!environment) throw new Error(`no environment ${name}`);
    return createDriver(kind, factory, environment);
  };
  return {
    clock,
    sim,
    policy,
    accounts: DEMO_ACCOUNTS,
    driverFor,
    clients: factory,
    environment: (name) => {
      const environment = environments.get(name);
      if (!environment) throw new Error(`no environment ${name}`);
      return environment;
    },
    plannerDeps: { policy, clock, driverFor },
    writeCalls: (identifier) =>
      sim.calls
        .filter((call) => !/^(Describe|List|Get)/.test(call.operation) && call.service !== 'STS')
        .filter((call) => identifier === undefined || JSON.stringify(call.input).includes(`"${identifier}"`))
        .map((call) => ({ operation: call.operation, input: call.input })),
  };
}
