/** The SDK error's `name`: compared by name, as `instanceof` fails across duplicated SDK copies. */
export function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) {
    return undefined;
  }
  return typeof error.name === 'string' ? error.name : undefined;
}

function errorMessage(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('message' in error)) {
    return '';
  }
  return typeof error.message === 'string' ? error.message : '';
}

/** DescribeTable says `ResourceNotFoundException`; the backup and restore APIs say `TableNotFoundException`. */
export function isTableNotFound(error: unknown): boolean {
  const name = errorName(error);
  return name === 'ResourceNotFoundException' || name === 'TableNotFoundException';
}

/**
 * DynamoDB refuses to enable what is already on with a `ValidationException` ("TimeToLive is already
 * enabled", "Table already has an enabled stream"): for a repeated step that means the work is done.
 */
export function isAlreadyEnabled(error: unknown): boolean {
  return errorName(error) === 'ValidationException' && /already (enabled|has an enabled)/i.test(errorMessage(error));
}
