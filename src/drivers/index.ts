import type { AwsClientFactory, AwsEnvironment } from '../aws/clients.js';
import type { DatabaseKind } from '../domain/kinds.js';
import type { DatabaseDriver } from '../domain/ports/database-driver.js';
import { memoizeSuccess } from '../util/memoize-success.js';
import { classifyAwsError } from './classify-aws-error.js';

interface DriverModule {
  load(clients: AwsClientFactory, environment: AwsEnvironment): DatabaseDriver;
}

/**
 * Each kind's driver and SDK clients are imported on first use (one small module per kind
 * wires them, so the SDK is still imported statically there and tree-shaken). On Lambda each
 * is a chunk of the bundle: a cold start parses only the kinds its jobs and requests need.
 */
const MODULES: Record<DatabaseKind, () => Promise<DriverModule>> = {
  'rds-instance': () => import('./load/rds-instance.js'),
  'aurora-cluster': () => import('./load/aurora-cluster.js'),
  'docdb-cluster': () => import('./load/docdb-cluster.js'),
  'dynamodb-table': () => import('./load/dynamodb-table.js'),
};

/**
 * The driver for `kind`, with clients for `environment` from the one client factory. Every
 * call waits for the kind's code to load (once per process; the module cache keeps it).
 */
export function createDriver(
  kind: DatabaseKind,
  clients: AwsClientFactory,
  environment: AwsEnvironment,
): DatabaseDriver {
  // A failed load (a client that could not be built, say) is not kept: the next call tries again.
  const driver = memoizeSuccess(() => MODULES[kind]().then((module) => module.load(clients, environment)));
  return {
    kind,
    listSources: async (query, limit) => (await driver()).listSources(query, limit),
    describeSource: async (identifier) => (await driver()).describeSource(identifier),
    findExisting: async (identifier) => (await driver()).findExisting(identifier),
    listRestoreCandidates: async (filter) => (await driver()).listRestoreCandidates(filter),
    startStep: async (context) => (await driver()).startStep(context),
    checkSteps: async (contexts) => (await driver()).checkSteps(contexts),
    validate: async (context) => (await driver()).validate(context),
    // Synchronous and the same for every kind: classifying an error needs no kind's code loaded.
    classifyError: classifyAwsError,
  };
}
