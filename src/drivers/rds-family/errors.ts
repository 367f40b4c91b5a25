/**
 * Errors the RDS-family drivers raise themselves. None is retryable: each means the plan and
 * the account disagree in a way a person must look at, so the worker fails the step.
 */

/** The bot refuses to delete or change a resource that does not carry this job's managed tags. */
export class UnmanagedResourceError extends Error {
  override name = 'UnmanagedResourceError';
}

/** A resource a step depends on is missing (the replaced target vanished without its final snapshot). */
export class ResourceMissingError extends Error {
  override name = 'ResourceMissingError';
}

/** The plan lacks what this step needs (no `replace`, no instance class, no KMS key for an encrypted copy). */
export class InvalidPlanError extends Error {
  override name = 'InvalidPlanError';
}

/** The step does not exist for this kind of database (`create-writer-instance` for an RDS instance). */
export class StepNotSupportedError extends Error {
  override name = 'StepNotSupportedError';
}
