import { describeError } from '../util/describe-error.js';

/** Throttling names across AWS services: the request was fine, AWS asked for it later. */
const THROTTLING_NAMES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
]);

/**
 * Which AWS errors are worth another try on a later tick. Throttling and transient faults are;
 * anything that says the request itself is wrong is not, and fails the step with AWS's message.
 */
const RETRYABLE_NAMES = new Set([
  ...THROTTLING_NAMES,
  'LimitExceededException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
  'InternalServerError',
  'InternalServerErrorException',
  'RequestTimeout',
  'RequestTimeoutException',
  // DynamoDB: another update of the table is in progress; it ends by itself.
  'ResourceInUseException',
  'TimeoutError',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
]);

interface AwsErrorShape {
  name?: string;
  code?: string;
  $retryable?: unknown;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/**
 * Throttling never fails a step, however long it lasts: the call is sound and AWS will take it
 * later, so it is retried with capped backoff and not counted against the step's attempts.
 */
export function isThrottlingAwsError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const shape = error as AwsErrorShape & { $retryable?: { throttling?: boolean } };
  if (typeof shape.$retryable === 'object' && shape.$retryable?.throttling) return true;
  return THROTTLING_NAMES.has(shape.name ?? '') || THROTTLING_NAMES.has(shape.code ?? '');
}

export function isRetryableAwsError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const shape = error as AwsErrorShape;
  if (shape.$retryable) return true;
  if (RETRYABLE_NAMES.has(shape.name ?? '') || RETRYABLE_NAMES.has(shape.code ?? '')) return true;
  const status = shape.$metadata?.httpStatusCode;
  return shape.$fault === 'server' || (status !== undefined && status >= 500);
}

/** `DBClusterNotFoundFault: DBCluster orders not found.` — the name and AWS's own message. */
export function describeAwsError(error: unknown): string {
  return describeError(error);
}

/** The AWS request id an SDK error carries, for the audit trail. */
export function awsRequestIdOf(error: unknown): string | undefined {
  return (error as AwsErrorShape | undefined)?.$metadata?.requestId;
}
