import { NotAuthorizedError, type RequestField, UnknownEnvironmentError } from './errors.js';
import type { EnvironmentPolicy, Policy, Principals } from './policy.js';

/** A Slack user as the policy sees them: their id and the user groups they belong to. */
export interface Principal {
  userId: string;
  userGroupIds: readonly string[];
}

/** The environment named `name`, or an error on `field` that lists the known ones. */
export function environmentOf(policy: Policy, name: string, field: RequestField): EnvironmentPolicy {
  const environment = policy.environments[name];
  if (!environment) {
    const known = Object.keys(policy.environments).join(', ');
    throw new UnknownEnvironmentError(field, `environment "${name}" is not in the policy (known: ${known})`);
  }
  return environment;
}

export function isListed(principals: Principals, principal: Principal): boolean {
  return (
    principals.users.includes(principal.userId) ||
    principal.userGroupIds.some((group) => principals.userGroups.includes(group))
  );
}

/** Throws unless `principal` may request restores into `environmentName` from `channelId`. */
export function assertMayRequest(
  policy: Policy,
  environmentName: string,
  principal: Principal,
  channelId?: string,
): void {
  const environment = environmentOf(policy, environmentName, 'targetEnvironment');
  if (!isListed(environment.requesters, principal) && !isListed(environment.approvers, principal)) {
    throw new NotAuthorizedError(
      `you may not request restores into ${environmentName}: ask to be added to its requesters in the policy`,
    );
  }
  if (channelId && environment.channels.length > 0 && !environment.channels.includes(channelId)) {
    throw new NotAuthorizedError(
      `restores into ${environmentName} are requested only from the channels its policy names (${environment.channels.join(', ')}), not from this channel`,
    );
  }
}

/** The protected-identifier pattern `identifier` matches, if any (`*` matches any run of characters). */
export function protectedPatternFor(policy: Policy, identifier: string): string | undefined {
  return policy.protectedIdentifiers.find((pattern) => globToRegExp(pattern).test(identifier));
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}
