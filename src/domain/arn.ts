/** The parts of an ARN the bot reads: `arn:partition:service:region:account:resource`. */
export interface ArnParts {
  region: string;
  accountId: string;
  /** What follows the account: `cluster:orders`, `snapshot:rds:orders-2024-05-01`, `table/carts`. */
  resource: string;
}

/** Splits an ARN; `undefined` for anything that is not one (a plain identifier). */
export function parseArn(value: string): ArnParts | undefined {
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return { region: parts[3] ?? '', accountId: parts[4] ?? '', resource: parts.slice(5).join(':') };
}
