import { assertMayRequestDr, type DrRun, newDrRun } from '../../domain/dr/dr-run.js';
import type { DisasterRecoveryPolicy, DrDatabasePolicy, RecoveryPlanPolicy } from '../../domain/dr/dr-schema.js';
import { isIncidentChannel } from '../../domain/dr/incident-channels.js';
import { chooseRecoveryPath, type RecoveryPath } from '../../domain/dr/recovery-path.js';
import { NotAuthorizedError, RestoreInputError } from '../../domain/errors.js';
import { sameIdentifier } from '../../domain/identifiers.js';
import { type DatabaseKind, KIND_LABELS } from '../../domain/kinds.js';
import { DEFAULT_BASE_MINUTES, type Policy } from '../../domain/policy.js';
import type { Principal } from '../../domain/policy-rules.js';
import type { Clock } from '../../domain/ports/clock.js';
import type { DrRunRepository } from '../../domain/ports/dr-runs.js';
import type { RecoveryProbe } from '../../domain/ports/recovery.js';
import { restoreTimeNotInFuture } from '../../domain/restore-point.js';
import { newDrRunId } from './dr-run-id.js';

export interface DrRequestDeps {
  policy: Pick<Policy, 'environments' | 'estimates'>;
  disasterRecovery: DisasterRecoveryPolicy;
  clock: Clock;
  runs: DrRunRepository;
  probeFor(environment: string): RecoveryProbe;
  newRunId?(): string;
}

/** What on-call typed, and where. */
export interface DrAsk {
  drill: boolean;
  kind: DatabaseKind;
  source: string;
  at?: Date;
  channel: { id: string; name?: string };
  /** When the incident began: the incident channel's creation, as Slack reports it. */
  declaredAt?: Date;
  principal: Principal;
}

/**
 * `/restore dr [drill] <kind> <source> [--at <time>]`: checked (an incident channel, on-call or a DR
 * approver, a database a plan covers, a path in the DR Region now), then recorded awaiting its first
 * approval, with the path, its newest point and the estimate the card shows. Nothing in AWS changes.
 */
export async function requestDrRun(deps: DrRequestDeps, ask: DrAsk): Promise<DrRun> {
  const now = deps.clock.now();
  if (!isIncidentChannel(deps.disasterRecovery, ask.channel)) {
    throw new NotAuthorizedError(
      `DR runs are asked for from an incident channel (${deps.disasterRecovery.incidentChannels.join(', ')}): this channel is not one`,
    );
  }
  const { environment, plan, database } = planOf(deps.disasterRecovery, ask.kind, ask.source);
  assertMayRequestDr(plan, environment, ask.principal);
  if (ask.at) restoreTimeNotInFuture(ask.at, now);
  const drEnvironment = deps.policy.environments[plan.drEnvironment];
  const drRegion = drEnvironment?.region ?? plan.drEnvironment;
  const facts = await deps.probeFor(environment).facts({ kind: database.kind, identifier: database.identifier });
  const choice = chooseRecoveryPath(facts, {
    kind: database.kind,
    identifier: database.identifier,
    drRegion,
    now,
    drill: ask.drill,
    copyInterval: plan.snapshotCopyEvery,
    ...(ask.at ? { at: ask.at } : {}),
  });
  if (!choice.path) throw new RestoreInputError('source', choice.problem);
  // A drill restores beside where a real recovery would, so it never takes the real one's name.
  const base = database.restoreAs ?? `${database.identifier}-dr`;
  const restoreAs = ask.drill ? `${base}-drill` : base;
  const run = newDrRun(
    {
      id: deps.newRunId?.() ?? newDrRunId(),
      drill: ask.drill,
      environment,
      drEnvironment: plan.drEnvironment,
      drRegion,
      database: { kind: database.kind, identifier: database.identifier, restoreAs },
      channelId: ask.channel.id,
      requestedBy: ask.principal.userId,
      ...(ask.at ? { at: ask.at } : {}),
      path: choice.path,
      recoversTo: choice.recoversTo,
      why: choice.why,
      rpoNature: choice.rpoNature,
      estimateMinutes: estimateMinutes(deps.policy, database.kind, choice.path),
      ...(ask.drill || !ask.declaredAt ? {} : { declaredAt: ask.declaredAt }),
      switchTargets: database.switch,
      now,
    },
    plan,
    ask.principal,
  );
  return deps.runs.create(run);
}

function planOf(
  disasterRecovery: DisasterRecoveryPolicy,
  kind: DatabaseKind,
  source: string,
): { environment: string; plan: RecoveryPlanPolicy; database: DrDatabasePolicy } {
  for (const [environment, plan] of Object.entries(disasterRecovery.environments)) {
    const database = plan.databases.find(
      (candidate) => candidate.kind === kind && sameIdentifier(kind, candidate.identifier, source),
    );
    if (database) return { environment, plan, database };
  }
  const covered = Object.values(disasterRecovery.environments)
    .flatMap((plan) =>
      plan.databases.filter((database) => database.kind === kind).map((database) => database.identifier),
    )
    .join(', ');
  throw new RestoreInputError(
    'source',
    `${source} is not among the ${KIND_LABELS[kind]}s a DR plan covers${covered ? ` (${covered})` : ''}: add it to disasterRecovery in the policy`,
  );
}

/** The restore's time as the policy estimates it; a failover or a switch alone takes minutes. */
function estimateMinutes(policy: DrRequestDeps['policy'], kind: DatabaseKind, path: RecoveryPath): number {
  if (path.type === 'global-failover') return 5;
  if (path.type === 'global-replica') return 1;
  return policy.estimates.baseMinutes[kind] ?? DEFAULT_BASE_MINUTES[kind];
}
