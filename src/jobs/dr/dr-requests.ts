import { drillActor } from '../../domain/actors.js';
import { assertMayRequestDr, type DrRun, newDrRun } from '../../domain/dr/dr-run.js';
import type {
  DisasterRecoveryPolicy,
  DrDatabasePolicy,
  DrillSchedule,
  RecoveryPlanPolicy,
} from '../../domain/dr/dr-schema.js';
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
import { jobIdFor } from '../job-id.js';
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
  if (!isIncidentChannel(deps.disasterRecovery, ask.channel)) {
    throw new NotAuthorizedError(
      `DR runs are asked for from an incident channel (${deps.disasterRecovery.incidentChannels.join(', ')}): this channel is not one`,
    );
  }
  const covered = planOf(deps.disasterRecovery, ask.kind, ask.source);
  assertMayRequestDr(covered.plan, covered.environment, ask.principal);
  if (ask.at) restoreTimeNotInFuture(ask.at, deps.clock.now());
  return deps.runs.create(
    await planDrRun(deps, covered, {
      id: deps.newRunId?.() ?? newDrRunId(),
      drill: ask.drill,
      channelId: ask.channel.id,
      requester: ask.principal,
      ...(ask.at ? { at: ask.at } : {}),
      ...(ask.drill || !ask.declaredAt ? {} : { declaredAt: ask.declaredAt }),
    }),
  );
}

/**
 * A scheduled drill's run of one database, for one occurrence: its id comes from the drill, the
 * occurrence and the database, so however many workers get there, the occurrence is drilled once.
 * The requester is the drill schedule; it starts at once unless the schedule wants an approval.
 */
export async function requestScheduledDrill(
  deps: DrRequestDeps,
  drill: DrillSchedule,
  database: DrillSchedule['databases'][number],
  occurrence: Date,
): Promise<DrRun> {
  const id = scheduledDrillRunId(drill, database, occurrence);
  const existing = await deps.runs.get(id);
  if (existing) return existing;
  const covered = planOf(deps.disasterRecovery, database.kind, database.identifier);
  const run = await planDrRun(deps, covered, {
    id,
    drill: true,
    channelId: drill.channel,
    requester: { userId: drillActor(drill.name), userGroupIds: [] },
    ...(drill.approvalRequired
      ? {}
      : { approvedByPolicy: `the policy's scheduled drill ${drill.name} runs without approval` }),
  });
  return deps.runs.create(run);
}

export function scheduledDrillRunId(
  drill: Pick<DrillSchedule, 'name'>,
  database: DrillSchedule['databases'][number],
  occurrence: Date,
): string {
  return `dr-${jobIdFor(`drill:${drill.name}#${occurrence.toISOString()}#${database.kind}/${database.identifier}`)}`;
}

interface Covered {
  environment: string;
  plan: RecoveryPlanPolicy;
  database: DrDatabasePolicy;
}

interface RunAsk {
  id: string;
  drill: boolean;
  channelId: string;
  requester: Principal;
  at?: Date;
  declaredAt?: Date;
  approvedByPolicy?: string;
}

/** The run for a database a plan covers: its path in the DR Region now (or why there is none), its estimate. */
async function planDrRun(deps: DrRequestDeps, covered: Covered, ask: RunAsk): Promise<DrRun> {
  const { environment, plan, database } = covered;
  const now = deps.clock.now();
  const drRegion = deps.policy.environments[plan.drEnvironment]?.region ?? plan.drEnvironment;
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
  return newDrRun(
    {
      id: ask.id,
      drill: ask.drill,
      environment,
      drEnvironment: plan.drEnvironment,
      drRegion,
      database: { kind: database.kind, identifier: database.identifier, restoreAs: ask.drill ? `${base}-drill` : base },
      channelId: ask.channelId,
      requestedBy: ask.requester.userId,
      ...(ask.at ? { at: ask.at } : {}),
      path: choice.path,
      recoversTo: choice.recoversTo,
      why: choice.why,
      rpoNature: choice.rpoNature,
      estimateMinutes: estimateMinutes(deps.policy, database.kind, choice.path),
      ...(ask.declaredAt ? { declaredAt: ask.declaredAt } : {}),
      switchTargets: database.switch,
      now,
    },
    plan,
    ask.requester,
    ask.approvedByPolicy ? { approvedByPolicy: ask.approvedByPolicy } : {},
  );
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
