/** The parts of an ARN the drivers read: `arn:partition:service:region:account:resource`. */
export interface ArnParts {
  region: string;
  accountId: string;
  /** What follows the account: `cluster:orders`, `snapshot:rds:orders-2024-05-01`. */
  resource: string;
}

/** Splits an ARN; `undefined` for anything that is not one (a plain identifier). */
export function parseArn(value: string): ArnParts | undefined {
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return { region: parts[3] ?? '', accountId: parts[4] ?? '', resource: parts.slice(5).join(':') };
}

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
