/** A stored job the bot cannot read as it is: it names the job and the field, and what is wrong. */
export class StoredJobError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoredJobError';
  }
}

/**
 * A job written by a newer bot, in a schema version this one does not know: refused rather than
 * misread (a rollback to an older bot while newer jobs are stored).
 */
export class UnsupportedStoredJobVersionError extends StoredJobError {
  constructor(
    readonly jobId: string | undefined,
    readonly schemaVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `stored job ${jobId ?? '(no id)'} has schema version ${schemaVersion}; this bot reads versions 1 to ${supportedVersion}: run a newer bot to work on it`,
      'schemaVersion',
    );
    this.name = 'UnsupportedStoredJobVersionError';
  }
}
