import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { approveRun, postponeRun, runNow, skipRun } from '../../../domain/refresh/cycle-run.js';
import { memoizeSuccess } from '../../../util/memoize-success.js';
import type { ListenerDeps } from '../../deps.js';
import {
  DR_ACTIONS,
  EXTEND_ACTION_PATTERN,
  JOB_ACTIONS,
  parseExtendButtonValue,
  REFRESH_ACTIONS,
  RESTORE_MODAL,
} from '../../ids.js';
import { approveButton } from './approve.js';
import { cancelButton } from './cancel.js';
import { detailsButton } from './details.js';
import { deleteNowButton, extendButton } from './expiry.js';
import { fromJobCard } from './from-job-card.js';
import { refreshButton } from './refresh-buttons.js';
import { refreshModal } from './refresh-modal.js';
import { rejectButton } from './reject.js';
import { requestAgainButton } from './request-again.js';

const jobIdOfExtendValue = (value: string) => parseExtendButtonValue(value).jobId;

export function register(app: App, deps: ListenerDeps): void {
  const onCard = fromJobCard(deps);
  app.action<BlockAction<ButtonAction>>(JOB_ACTIONS.approve, onCard, approveButton(deps));
  app.action<BlockAction<ButtonAction>>(JOB_ACTIONS.reject, onCard, rejectButton(deps));
  app.action<BlockAction<ButtonAction>>(JOB_ACTIONS.cancel, onCard, cancelButton(deps));
  app.action<BlockAction<ButtonAction>>(
    EXTEND_ACTION_PATTERN,
    fromJobCard(deps, jobIdOfExtendValue),
    extendButton(deps),
  );
  app.action<BlockAction<ButtonAction>>(JOB_ACTIONS.deleteNow, onCard, deleteNowButton(deps));
  app.action<BlockAction<ButtonAction>>(JOB_ACTIONS.details, onCard, detailsButton(deps));
  app.action<BlockAction<ButtonAction>>(JOB_ACTIONS.requestAgain, onCard, requestAgainButton(deps));
  app.action<BlockAction<ButtonAction>>(REFRESH_ACTIONS.approve, refreshButton(deps, approveRun));
  app.action<BlockAction<ButtonAction>>(REFRESH_ACTIONS.runNow, refreshButton(deps, runNow));
  app.action<BlockAction<ButtonAction>>(REFRESH_ACTIONS.postpone, refreshButton(deps, postponeRun));
  app.action<BlockAction<ButtonAction>>(REFRESH_ACTIONS.skip, refreshButton(deps, skipRun));
  // Disaster recovery's code is loaded on its first click: other clicks' cold starts do not carry it.
  const drButtons = memoizeSuccess(() => import('./dr-buttons.js'));
  for (const decision of ['approve', 'reject', 'switch', 'switchBack', 'discard'] as const) {
    app.action<BlockAction<ButtonAction>>(DR_ACTIONS[decision], async (args) => {
      const { drButton, DR_DECISIONS } = await drButtons();
      await drButton(deps, DR_DECISIONS[decision])(args);
    });
  }
  for (const input of [
    RESTORE_MODAL.kind,
    RESTORE_MODAL.source,
    RESTORE_MODAL.restorePointType,
    RESTORE_MODAL.targetEnvironment,
  ]) {
    app.action<BlockAction>({ block_id: input.blockId, action_id: input.actionId }, refreshModal(deps));
  }
}
