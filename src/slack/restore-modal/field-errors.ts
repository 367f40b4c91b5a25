import { type RequestField, RestoreInputError } from '../../domain/errors.js';
import { JobConflictError, TargetBusyError } from '../../domain/job/errors.js';
import type { RestorePointType } from '../ids.js';
import { RESTORE_MODAL } from '../ids.js';

/** The modal block that shows an error on `field`: the restore point's own input when it has one. */
export function blockForField(field: RequestField, restorePointType: RestorePointType | undefined): string {
  switch (field) {
    case 'kind':
      return RESTORE_MODAL.kind.blockId;
    case 'source':
    case 'sourceEnvironment':
      return RESTORE_MODAL.source.blockId;
    case 'target':
      return RESTORE_MODAL.target.blockId;
    case 'targetEnvironment':
    case 'requester':
      return RESTORE_MODAL.targetEnvironment.blockId;
    case 'restorePoint':
      if (restorePointType === 'time') return RESTORE_MODAL.restoreTime.blockId;
      if (restorePointType === 'snapshot') return RESTORE_MODAL.snapshot.blockId;
      return RESTORE_MODAL.restorePointType.blockId;
    case 'ifTargetExists':
      return RESTORE_MODAL.ifTargetExists.blockId;
    case 'expiresIn':
      return RESTORE_MODAL.expiry.blockId;
    case 'reason':
      return RESTORE_MODAL.reason.blockId;
  }
}

/** A refused submission as Slack shows it: the message under the field's block. */
export function fieldErrors(
  field: RequestField,
  message: string,
  restorePointType: RestorePointType | undefined,
): { response_action: 'errors'; errors: Record<string, string> } {
  return { response_action: 'errors', errors: { [blockForField(field, restorePointType)]: message } };
}

/**
 * The field a refused submission is told on, and why: a person's mistake the domain named, or a target
 * another job holds. Undefined for anything else (a fault, for Bolt's error handler).
 */
export function refusalOf(error: unknown): { field: RequestField; message: string } | undefined {
  if (error instanceof RestoreInputError) return { field: error.field, message: error.message };
  if (error instanceof TargetBusyError || error instanceof JobConflictError) {
    return { field: 'target', message: error.message };
  }
  return undefined;
}
