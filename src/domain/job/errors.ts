/** A change to a job that its state or the policy does not allow; the message says why, for the person who tried. */
export class JobTransitionError extends Error {
  override name = 'JobTransitionError';
}

/** Someone else changed the job first (the conditional write on `version` failed). */
export class JobConflictError extends Error {
  override name = 'JobConflictError';
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
