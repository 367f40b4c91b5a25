import type { DatabaseDriver } from '../../domain/ports/database-driver.js';
import type { RecoveredDatabase, RecoveryProbe } from '../../domain/ports/recovery.js';
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
