/**
 * Errors a person can fix. Each names the field it is about and says how to fix it, so the
 * Slack modal can show it on that field and logs read as sentences.
 */

/** The fields of a restore request, as the modal and the one-line command name them. */
export type RequestField =
  | 'kind'
  | 'source'
  | 'sourceEnvironment'
  | 'target'
  | 'targetEnvironment'
  | 'restorePoint'
  | 'ifTargetExists'
  | 'expiresIn'
  | 'reason'
  | 'requester';

export class RestoreInputError extends Error {
  override name = 'RestoreInputError';
  constructor(
    readonly field: RequestField,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class InvalidIdentifierError extends RestoreInputError {
  override name = 'InvalidIdentifierError';
}

export class InvalidRestorePointError extends RestoreInputError {
  override name = 'InvalidRestorePointError';
  constructor(message: string, options?: ErrorOptions) {
    super('restorePoint', message, options);
  }
}

export class AmbiguousRestoreTimeError extends InvalidRestorePointError {
  override name = 'AmbiguousRestoreTimeError';
}

export class FutureRestoreTimeError extends InvalidRestorePointError {
  override name = 'FutureRestoreTimeError';
}

export class RestoreTimeOutsideWindowError extends InvalidRestorePointError {
  override name = 'RestoreTimeOutsideWindowError';
}

export class SnapshotMismatchError extends InvalidRestorePointError {
  override name = 'SnapshotMismatchError';
}

export class SourceNotFoundError extends RestoreInputError {
  override name = 'SourceNotFoundError';
  constructor(message: string, options?: ErrorOptions) {
    super('source', message, options);
  }
}

export class ProtectedTargetError extends RestoreInputError {
  override name = 'ProtectedTargetError';
  constructor(message: string, options?: ErrorOptions) {
    super('target', message, options);
  }
}

export class TargetExistsError extends RestoreInputError {
  override name = 'TargetExistsError';
  constructor(message: string, options?: ErrorOptions) {
    super('target', message, options);
  }
}

export class UnknownEnvironmentError extends RestoreInputError {
  override name = 'UnknownEnvironmentError';
}

export class NotAuthorizedError extends RestoreInputError {
  override name = 'NotAuthorizedError';
  constructor(message: string, options?: ErrorOptions) {
    super('requester', message, options);
  }
}
