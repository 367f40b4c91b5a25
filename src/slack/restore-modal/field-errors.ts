import type { RequestField } from '../../domain/errors.js';
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
