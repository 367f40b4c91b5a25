import { parseArn } from './arn.js';
import { RestoreInputError } from './errors.js';
import type { Policy } from './policy.js';

/**
 * The environment a source ARN lives in: the one whose account and region the ARN names. An ARN
 * is an address, so it is never read as "this name, in some other environment": with `named`
 * (the `production/arn:...` form, or the request's source environment) the ARN must be in that
 * environment. Anything else is refused on the source field, before any AWS call.
 */
export function environmentOfSourceArn(policy: Policy, arn: string, named?: string): string {
  const parts = parseArn(arn);
  if (!parts) {
    throw new RestoreInputError(
      'source',
      `The source "${arn}" is not a complete ARN: write arn:aws:rds:<region>:<account>:cluster:<name>, or the name with its environment, such as production/orders.`,
    );
  }
  const environments = Object.entries(policy.environments);
  const matching = environments
    .filter(([, environment]) => environment.accountId === parts.accountId && environment.region === parts.region)
    .map(([name]) => name);
  const where = `account ${parts.accountId} in ${parts.region || 'no region'}`;
  if (named !== undefined && matching.includes(named)) return named;
  if (named !== undefined && matching.length > 0) {
    const environment = policy.environments[named];
    const namedIs = environment ? `${named} is account ${environment.accountId} in ${environment.region}` : '';
    throw new RestoreInputError(
      'source',
      `The source ARN names ${where}, but ${namedIs || `${named} is not an environment of the policy`}: give an ARN of ${named}, or restore from ${matching.join(' or ')} instead.`,
    );
  }
  const [only, ...others] = matching;
  if (only !== undefined && others.length === 0) return only;
  if (only !== undefined) {
    throw new RestoreInputError(
      'source',
      `The source ARN names ${where}, which is ${matching.join(' and ')}: write the environment before it, such as ${only}/${arn}.`,
    );
  }
  const known = environments
    .map(([name, environment]) => `${name} is ${environment.accountId} in ${environment.region}`)
    .join('; ');
  const sameAccount = environments.filter(([, environment]) => environment.accountId === parts.accountId);
  const problem =
    sameAccount.length > 0
      ? `the policy has account ${parts.accountId} only in ${sameAccount.map(([, environment]) => environment.region).join(', ')}`
      : `no environment of the policy is in account ${parts.accountId}`;
  throw new RestoreInputError(
    'source',
    `The source ARN names ${where}, but ${problem} (${known}): give the ARN of a database in one of them.`,
  );
}
