import { awsErrorName, hasAwsErrorName } from '../../aws/error-names.js';

function errorMessage(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('message' in error)) {
    return '';
  }
  return typeof error.message === 'string' ? error.message : '';
}

/** DescribeTable says `ResourceNotFoundException`; the backup and restore APIs say `TableNotFoundException`. */
export function isTableNotFound(error: unknown): boolean {
  return hasAwsErrorName(error, 'ResourceNotFoundException', 'TableNotFoundException');
}

/**
 * DynamoDB refuses to enable what is already on with a `ValidationException` ("TimeToLive is already
 * enabled", "Table already has an enabled stream"): for a repeated step that means the work is done.
 */
export function isAlreadyEnabled(error: unknown): boolean {
  return awsErrorName(error) === 'ValidationException' && /already (enabled|has an enabled)/i.test(errorMessage(error));
}
