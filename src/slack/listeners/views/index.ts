import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { REJECT_MODAL, RESTORE_MODAL } from '../../ids.js';
import { rejectReasonSubmitted } from './reject-reason.js';
import { restoreRequestSubmitted } from './restore-request.js';

export function register(app: App, deps: ListenerDeps): void {
  app.view(RESTORE_MODAL.callbackId, restoreRequestSubmitted(deps));
  app.view(REJECT_MODAL.callbackId, rejectReasonSubmitted(deps));
}
