import { parseArn } from '../../domain/arn.js';

export { type ArnParts, parseArn } from '../../domain/arn.js';

/** The account that owns the resource, or '' when `arn` is not an ARN. */
export function accountIdOf(arn: string): string {
  return parseArn(arn)?.accountId ?? '';
}

/** The resource's own name: the last segment of an ARN, or the value itself when it is an identifier. */
export function resourceNameOf(value: string): string {
  const parsed = parseArn(value);
  if (!parsed) return value;
  return parsed.resource.slice(parsed.resource.lastIndexOf(':') + 1);
}
