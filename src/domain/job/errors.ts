import type { Principals } from '../policy.js';

/**
 * A change to a job that its state or the policy does not allow; the message says why, for the person who
 * tried. `ask` names who can make the change instead (the approvers), for the refusal to point at them.
 */
export class JobTransitionError extends Error {
  override name = 'JobTransitionError';
  constructor(
    message: string,
    readonly ask?: Principals,
  ) {
    super(message);
  }
}

/** Someone else changed the job first (the conditional write on `version` failed). */
export class JobConflictError extends Error {
  override name = 'JobConflictError';
}

/**
 * A change kept meeting newer versions of the job (many people or the worker changing it at once)
 * and was given up: nothing was changed, and the person is told to try again.
 */
export class JobContendedError extends Error {
  override name = 'JobContendedError';
  constructor(
    readonly jobId: string,
    options?: ErrorOptions,
  ) {
    super(`too many changes at once on job ${jobId}: nothing was changed, press again`, options);
  }
}

/** Another active job is restoring onto the same target. */
export class TargetBusyError extends Error {
  override name = 'TargetBusyError';
  constructor(
    readonly target: string,
    readonly activeJobId: string,
    options?: ErrorOptions,
  ) {
    super(`${target} already has an active restore (job ${activeJobId}): wait for it to finish or cancel it`, options);
  }
}

export class JobNotFoundError extends Error {
  override name = 'JobNotFoundError';
  constructor(readonly jobId: string) {
    super(`there is no job ${jobId}`);
  }
}

/** Errors whose message is written for the person who tried: listeners answer them, never app.error. */
export function isToldToPerson(error: unknown): error is JobTransitionError | JobNotFoundError | JobContendedError {
  return error instanceof JobTransitionError || error instanceof JobNotFoundError || error instanceof JobContendedError;
}
