import { InvalidIdentifierError, ProtectedTargetError, RestoreInputError, TargetExistsError } from './errors.js';
import { estimateRestore, type PastRestore } from './estimate.js';
import { NEVER_EXPIRES, requestedLifetime } from './expiry-rules.js';
import { assertValidIdentifier, identifierFromArn, sameIdentifier } from './identifiers.js';
import type { DatabaseKind } from './kinds.js';
import { finalSnapshotIdentifier, renamedTargetIdentifier, TAG_PROTECTED } from './managed-resources.js';
import type { Plan, ReplacedTarget, RestoreMethod } from './plan.js';
import { planSteps } from './plan-steps.js';
import { type EnvironmentPolicy, type Policy, policyDuration } from './policy.js';
import { assertMayRequest, environmentOf, protectedPatternFor } from './policy-rules.js';
import type { Clock } from './ports/clock.js';
import type { DatabaseDriver } from './ports/database-driver.js';
import { resolveRestoreMethod } from './restore-method.js';
import { restoreTimeNotInFuture } from './restore-point.js';
import type { RestoreRequest } from './restore-request.js';
import { environmentOfSourceArn } from './source-environment.js';
import { targetSettings } from './target-settings.js';

export interface PlannerDeps {
  policy: Policy;
  clock: Clock;
  /** The driver for `kind` with clients for the named environment's account and region. */
  driverFor(kind: DatabaseKind, environment: string): DatabaseDriver;
  /** Past restores of this kind, for the estimate. */
  history?(kind: DatabaseKind): Promise<readonly PastRestore[]>;
}

export interface PlanOptions {
  /**
   * A refresh cycle of the policy asks, not a person: the policy's declaration of the cycle is the
   * authority (it was checked at start-up), so the requester and channel rules are not applied.
   * Every other rule is: protected targets, naming, the source never restored over.
   */
  requestedByPolicy?: boolean;
  /**
   * The method already chosen (a DR run's recovery path: replicated backups, a snapshot copy, a
   * point in time in another Region): the request's restore point is not resolved again.
   */
  method?: RestoreMethod;
}

/**
 * Resolves a request against the policy and AWS into the plan people approve. Every check
 * that needs no AWS call runs first; nothing here writes anything.
 */
export async function planRestore(
  request: RestoreRequest,
  jobId: string,
  deps: PlannerDeps,
  options: PlanOptions = {},
): Promise<Plan> {
  const { policy, clock } = deps;
  const { kind } = request;
  const now = clock.now();
  if (request.restorePoint.type === 'time') restoreTimeNotInFuture(request.restorePoint.at, now);
  const sourceEnvironmentName = request.source.environment;
  const targetEnvironmentName = request.target.environment ?? sourceEnvironmentName;
  const sourceEnvironment = environmentOf(policy, sourceEnvironmentName, 'sourceEnvironment');
  const targetEnvironment = environmentOf(policy, targetEnvironmentName, 'targetEnvironment');
  if (!options.requestedByPolicy) {
    assertMayRequest(policy, targetEnvironmentName, request.requester, request.requester.channelId);
  }

  // An ARN names its own account and region: a source environment that is not that one is refused.
  if (request.source.identifier.startsWith('arn:')) {
    environmentOfSourceArn(policy, request.source.identifier, sourceEnvironmentName);
  }
  const sourceIdentifier = identifierFromArn(request.source.identifier);
  const target = request.target.identifier;
  assertValidIdentifier(kind, sourceIdentifier, 'source');
  assertValidIdentifier(kind, target, 'target');
  const sameAccountAndRegion =
    sourceEnvironment.accountId === targetEnvironment.accountId &&
    sourceEnvironment.region === targetEnvironment.region;
  assertTargetAllowed(
    request,
    target,
    sourceIdentifier,
    sameAccountAndRegion,
    targetEnvironmentName,
    targetEnvironment,
    policy,
  );
  const expiresAt = expiryOf(request, policy, now, targetEnvironmentName);

  const sourceDriver = deps.driverFor(kind, sourceEnvironmentName);
  const targetDriver = sameAccountAndRegion ? sourceDriver : deps.driverFor(kind, targetEnvironmentName);
  const source = await sourceDriver.describeSource(sourceIdentifier);
  const method =
    options.method ??
    (await resolveRestoreMethod(request.restorePoint, {
      kind,
      source,
      sourceEnvironment: sourceEnvironmentName,
      targetEnvironment: targetEnvironmentName,
      sameAccountAndRegion,
      fastClone: policy.fastClone,
      expectedSnapshotOwner: targetEnvironment.sharedSnapshotsFrom
        ? policy.environments[targetEnvironment.sharedSnapshotsFrom]?.accountId
        : undefined,
      targetDriver,
    }));

  const existing = await targetDriver.findExisting(target);
  let replace: ReplacedTarget | undefined;
  if (existing) {
    if (existing.tags[TAG_PROTECTED] === 'true') {
      throw new ProtectedTargetError(
        `target ${target} in ${targetEnvironmentName} is tagged ${TAG_PROTECTED}=true by its owners: the bot never replaces it; choose another name`,
      );
    }
    if (request.ifTargetExists !== 'replace') {
      throw new TargetExistsError(
        `target ${target} already exists in ${targetEnvironmentName} (${existing.status}): choose another name, or choose "replace" to swap it out`,
      );
    }
    replace = {
      identifier: existing.identifier,
      renamedTo: renamedTargetIdentifier(existing.identifier, jobId),
      finalSnapshotIdentifier: finalSnapshotIdentifier(existing.identifier, jobId),
    };
  }
  const existingTarget =
    replace && !sameAccountAndRegion ? await targetDriver.describeSource(replace.identifier) : undefined;
  if (existingTarget && existingTarget.engine !== source.engine) {
    throw new TargetExistsError(
      `target ${target} runs ${existingTarget.engine} but ${source.identifier} runs ${source.engine}: replace only a database of the same engine`,
    );
  }
  const settings = targetSettings({
    source,
    method,
    sameAccountAndRegion,
    targetEnvironmentName,
    targetEnvironment,
    existingTarget,
    expiresAt,
  });
  const history = (await deps.history?.(kind)) ?? [];
  const steps = planSteps({ kind, jobId, source, target, method, settings, replace });
  return {
    kind,
    source,
    sourceEnvironment: sourceEnvironmentName,
    target: {
      identifier: target,
      environment: targetEnvironmentName,
      accountId: targetEnvironment.accountId,
      region: targetEnvironment.region,
    },
    method,
    settings,
    steps,
    ...(replace ? { replace } : {}),
    approvalsRequired: targetEnvironment.approvalsRequired,
    estimate: estimateRestore(
      kind,
      source.sizeGiB,
      steps.map((step) => step.name),
      policy,
      history,
    ),
    ...(expiresAt ? { expiresAt } : {}),
    reason: request.reason,
    requester: request.requester.userId,
    createdAt: now,
  };
}

function assertTargetAllowed(
  request: RestoreRequest,
  target: string,
  sourceIdentifier: string,
  sameAccountAndRegion: boolean,
  targetEnvironmentName: string,
  targetEnvironment: EnvironmentPolicy,
  policy: Policy,
): void {
  if (sameAccountAndRegion && sameIdentifier(request.kind, target, sourceIdentifier)) {
    throw new ProtectedTargetError(
      `target ${target} is the source itself: the bot never restores over its source; choose a new name such as ${sourceIdentifier}-copy`,
    );
  }
  const pattern = protectedPatternFor(policy, target);
  if (pattern) {
    throw new ProtectedTargetError(`target ${target} is protected by the policy (protectedIdentifiers: "${pattern}")`);
  }
  if (!new RegExp(policy.targetNaming.pattern).test(target)) {
    throw new InvalidIdentifierError(
      'target',
      `target ${target} does not follow the naming rule${policy.targetNaming.hint ? ` (${policy.targetNaming.hint})` : ''}: it must match ${policy.targetNaming.pattern}`,
    );
  }
  if (request.ifTargetExists === 'replace' && targetEnvironment.protected) {
    throw new ProtectedTargetError(
      `${targetEnvironmentName} is protected: the bot never replaces a database there; restore under a new name instead`,
    );
  }
  if (request.ifTargetExists === 'replace' && request.kind === 'dynamodb-table') {
    throw new RestoreInputError(
      'ifTargetExists',
      'DynamoDB tables cannot be renamed, so the bot cannot swap one out: restore under a new table name instead',
    );
  }
}

/** New copies expire by default; a replaced database is long-lived unless an expiry is asked for. */
function expiryOf(request: RestoreRequest, policy: Policy, now: Date, targetEnvironment: string): Date | undefined {
  const asked = request.expiresIn;
  if (asked === undefined) {
    return request.ifTargetExists === 'replace'
      ? undefined
      : new Date(now.getTime() + policyDuration(policy.defaultExpiry));
  }
  const lifetime = requestedLifetime(policy, { targetEnvironment, ifTargetExists: request.ifTargetExists }, asked);
  return lifetime === NEVER_EXPIRES ? undefined : new Date(now.getTime() + lifetime);
}
