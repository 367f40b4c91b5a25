import type { DatabaseDriver } from '../../domain/ports/database-driver.js';
import type {
  DatabaseEndpoints,
  DnsRecords,
  GlobalClusters,
  RecoveredDatabase,
  RecoveryProbe,
} from '../../domain/ports/recovery.js';
import { memoizeSuccess } from '../../util/memoize-success.js';
import type { AwsClientFactory, AwsEnvironment } from '../clients.js';

/** Imported on first use, like the drivers: a Slack cold start that asks nothing of DR does not load it. */
const load = memoizeSuccess(() => import('./load.js'));

export function recoveryProbeFor(
  clients: AwsClientFactory,
  environments: { primary: AwsEnvironment; dr: AwsEnvironment },
  driverFor: (kind: RecoveredDatabase['kind'], side: 'primary' | 'dr') => DatabaseDriver,
): RecoveryProbe {
  const probe = memoizeSuccess(async () => (await load()).loadRecoveryProbe(clients, environments, driverFor));
  return { facts: async (database) => (await probe()).facts(database) };
}

/** The DR environment's Route 53 records, global databases and endpoints, loaded on first use. */
export function drAdaptersFor(
  clients: AwsClientFactory,
  dr: AwsEnvironment,
): { records: DnsRecords; globalClusters: GlobalClusters; endpoints: DatabaseEndpoints } {
  const adapters = memoizeSuccess(async () => (await load()).loadDrAdapters(clients, dr));
  return {
    records: {
      read: async (zone, name) => (await adapters()).records.read(zone, name),
      upsert: async (zone, name, value, ttl) => (await adapters()).records.upsert(zone, name, value, ttl),
      changeStatus: async (changeId) => (await adapters()).records.changeStatus(changeId),
    },
    globalClusters: {
      state: async (kind, id) => (await adapters()).globalClusters.state(kind, id),
      failover: async (kind, id, target) => (await adapters()).globalClusters.failover(kind, id, target),
    },
    endpoints: { endpointOf: async (kind, identifier) => (await adapters()).endpoints.endpointOf(kind, identifier) },
  };
}
