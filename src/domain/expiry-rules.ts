import { parseDuration } from './duration.js';
import { RestoreInputError } from './errors.js';
import { type Policy, policyDuration } from './policy.js';

/** What a person writes (`--expires never`, the modal's "Never") to keep a copy with no expiry. */
export const NEVER_EXPIRES = 'never';

/** What the expiry rules look at in a request. */
export interface ExpiryContext {
  /** The environment the restored database lives in. */
  targetEnvironment: string;
  ifTargetExists: 'fail' | 'replace';
}

/**
 * Whether a request may keep its database with no expiry. The policy decides, per target
 * environment (`allowNeverExpire`, off by default): a copy nobody deletes costs money forever.
 */
export function mayNeverExpire(policy: Policy, context: ExpiryContext): boolean {
  return policy.environments[context.targetEnvironment]?.allowNeverExpire === true;
}

/** Of `candidates` (durations and "never"), the ones this request may choose, in their order. */
export function allowedExpiryChoices(policy: Policy, context: ExpiryContext, candidates: readonly string[]): string[] {
  const longest = policyDuration(policy.maxExpiry);
  return candidates.filter((choice) => {
    if (choice === NEVER_EXPIRES) return mayNeverExpire(policy, context);
    const ms = parseDuration(choice);
    return ms !== undefined && ms <= longest;
  });
}

/**
 * How long a copy asked to live `asked` lives, in milliseconds, or "never"; a RestoreInputError
 * on `expiresIn` when the text is no duration, longer than the policy's `maxExpiry`, or "never"
 * where the policy does not allow it.
 */
export function requestedLifetime(policy: Policy, context: ExpiryContext, asked: string): number | 'never' {
  const text = asked.trim();
  const mayNever = mayNeverExpire(policy, context);
  if (text.toLowerCase() === NEVER_EXPIRES) {
    if (mayNever) return NEVER_EXPIRES;
    throw new RestoreInputError(
      'expiresIn',
      `Copies in ${context.targetEnvironment} always expire (the policy does not set allowNeverExpire there): choose an expiry of ${policy.maxExpiry} or less.`,
    );
  }
  const ms = parseDuration(text);
  if (ms === undefined) {
    throw new RestoreInputError(
      'expiresIn',
      `Expiry "${text}" is not a duration: write 12h, 3d or 2w${mayNever ? ', or never' : ''}.`,
    );
  }
  if (ms > policyDuration(policy.maxExpiry)) {
    throw new RestoreInputError(
      'expiresIn',
      `Expiry ${text} is longer than the policy allows (${policy.maxExpiry}): choose ${policy.maxExpiry} or less.`,
    );
  }
  return ms;
}
