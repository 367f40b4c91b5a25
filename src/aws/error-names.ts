/**
 * AWS errors are told apart by `name`, never by class: `instanceof` fails across duplicated SDK
 * copies, and the same code runs against aws-sdk-client-mock (plain errors with a name), the
 * simulated account and dynalite (the SDK's classes, deserialised from the wire).
 */
export function awsErrorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) return undefined;
  return typeof error.name === 'string' ? error.name : undefined;
}

export function hasAwsErrorName(error: unknown, ...names: readonly string[]): boolean {
  const name = awsErrorName(error);
  return name !== undefined && names.includes(name);
}

/** DynamoDB refused a conditional write because its condition did not hold: someone else wrote first. */
export function isConditionalCheckFailed(error: unknown): boolean {
  return hasAwsErrorName(error, 'ConditionalCheckFailedException');
}
