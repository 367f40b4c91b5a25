import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { EXTEND_ACTION_PATTERN, JOB_ACTIONS, RESTORE_MODAL } from '../../ids.js';
import { approveButton } from './approve.js';
import { cancelButton } from './cancel.js';
import { deleteNowButton, extendButton } from './expiry.js';
import { refreshModal } from './refresh-modal.js';
import { rejectButton } from './reject.js';

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(JOB_ACTIONS.approve, approveButton(deps));
  app.action<BlockAction<ButtonAction>>(JOB_ACTIONS.reject, rejectButton(deps));
  app.action<BlockAction<ButtonAction>>(JOB_ACTIONS.cancel, cancelButton(deps));
  app.action<BlockAction<ButtonAction>>(EXTEND_ACTION_PATTERN, extendButton(deps));
  app.action<BlockAction<ButtonAction>>(JOB_ACTIONS.deleteNow, deleteNowButton(deps));
  for (const input of [
    RESTORE_MODAL.kind,
    RESTORE_MODAL.source,
    RESTORE_MODAL.restorePointType,
    RESTORE_MODAL.targetEnvironment,
  ]) {
    app.action<BlockAction>({ block_id: input.blockId, action_id: input.actionId }, refreshModal(deps));
  }
}
