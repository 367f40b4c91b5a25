import { RestoreInputError } from './errors.js';
import type { Policy } from './policy.js';
import { environmentOf } from './policy-rules.js';
import { environmentOfSourceArn } from './source-environment.js';

/** A source database as a request names it: the environment it is in and its identifier (or ARN). */
export interface SourceReference {
  environment: string;
  identifier: string;
}

/**
 * `production/orders` → the environment and the identifier. An ARN selects the environment whose
 * account and region it names (or is refused); a bare name is looked for in the first environment.
 * Throws a RestoreInputError on the source for an empty name, an unknown environment or a foreign ARN.
 */
export function parseSourceReference(text: string, policy: Policy): SourceReference {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const named = slash > 0 && !trimmed.startsWith('arn:') ? trimmed.slice(0, slash) : undefined;
  const identifier = named === undefined ? trimmed : trimmed.slice(slash + 1).trim();
  if (named !== undefined) environmentOf(policy, named, 'sourceEnvironment');
  if (identifier === '') {
    throw new RestoreInputError(
      'source',
      `Name the source database after the environment, such as ${named ?? 'production'}/orders.`,
    );
  }
  if (identifier.startsWith('arn:')) {
    return { environment: environmentOfSourceArn(policy, identifier, named), identifier };
  }
  return { environment: named ?? Object.keys(policy.environments)[0] ?? 'production', identifier };
}
