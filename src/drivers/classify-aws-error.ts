import { awsRequestIdOf, describeAwsError, isRetryableAwsError, isThrottlingAwsError } from '../aws/errors.js';
import type { StepFailure } from '../domain/steps.js';

/**
 * Every driver's `classifyError`: the AWS error names stay in aws/errors.ts, and the worker learns
 * only whether to wait (throttling, STS included), try again (a transient fault) or fail the step.
 */
export function classifyAwsError(error: unknown): StepFailure {
  const retry = isThrottlingAwsError(error) ? 'throttled' : isRetryableAwsError(error) ? 'transient' : 'permanent';
  const requestId = awsRequestIdOf(error);
  return { retry, message: describeAwsError(error), ...(requestId ? { requestId } : {}) };
}
