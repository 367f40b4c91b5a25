import type { ParameterStore, Pipelines, SnapshotCopies } from '../../domain/ports/refresh.js';
import { memoizeSuccess } from '../../util/memoize-success.js';
import type { AwsClientFactory, AwsEnvironment } from '../clients.js';

/**
 * The SSM, CodePipeline and snapshot-copy adapters, imported on first use like the drivers: the Slack function,
 * which never refreshes, does not load their SDK clients at a cold start.
 */
const load = memoizeSuccess(() => import('./load.js'));

export function parametersIn(clients: AwsClientFactory, environment: AwsEnvironment): ParameterStore {
  const store = memoizeSuccess(async () => (await load()).loadParameters(clients, environment));
  return {
    get: async (name) => (await store()).get(name),
    put: async (name, value) => (await store()).put(name, value),
  };
}

export function pipelinesIn(clients: AwsClientFactory, environment: AwsEnvironment): Pipelines {
  const pipelines = memoizeSuccess(async () => (await load()).loadPipelines(clients, environment));
  return {
    start: async (name, options) => (await pipelines()).start(name, options),
    execution: async (name, executionId) => (await pipelines()).execution(name, executionId),
  };
}

export function snapshotCopiesIn(clients: AwsClientFactory, environment: AwsEnvironment): SnapshotCopies {
  const copies = memoizeSuccess(async () => (await load()).loadSnapshotCopies(clients, environment));
  return { copyShared: async (request) => (await copies()).copyShared(request) };
}
