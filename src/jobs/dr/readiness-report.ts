import type { DisasterRecoveryPolicy, RecoveryPlanPolicy } from '../../domain/dr/dr-schema.js';
import { type DatabaseReadiness, readinessOf } from '../../domain/dr/readiness.js';
import type { EnvironmentPolicy } from '../../domain/policy.js';
import type { Clock } from '../../domain/ports/clock.js';
import type { RecoveryProbe } from '../../domain/ports/recovery.js';

/** One production environment's readiness: where it recovers to, and each database's path there now. */
export interface EnvironmentReadiness {
  environment: string;
  plan: RecoveryPlanPolicy;
  drRegion: string;
  databases: DatabaseReadiness[];
}

export interface ReadinessDeps {
  disasterRecovery: DisasterRecoveryPolicy;
  environments: Record<string, EnvironmentPolicy>;
  clock: Clock;
  probeFor(environment: string): RecoveryProbe;
}

/**
 * `/restore dr status`: every database the policy covers, probed in parallel. A database whose probe
 * fails (a denied call, throttling past the SDK's retries) is reported with a warning that says so,
 * never left out: a readiness report that silently skips one is worse than none.
 */
export async function readinessReport(deps: ReadinessDeps): Promise<EnvironmentReadiness[]> {
  return Promise.all(
    Object.entries(deps.disasterRecovery.environments).map(async ([environment, plan]) => {
      const drRegion = deps.environments[plan.drEnvironment]?.region ?? 'the DR Region';
      const probe = deps.probeFor(environment);
      const databases = await Promise.all(
        plan.databases.map(async (database) => {
          const subject = { kind: database.kind, identifier: database.identifier };
          try {
            const facts = await probe.facts(subject);
            return readinessOf(subject, facts, { plan, drRegion, now: deps.clock.now() });
          } catch (error) {
            const problem = `${database.identifier} could not be checked: ${(error as Error).message}`;
            return { ...subject, choice: { path: undefined, problem }, warning: problem };
          }
        }),
      );
      return { environment, plan, drRegion, databases };
    }),
  );
}
