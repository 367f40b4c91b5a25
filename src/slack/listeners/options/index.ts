import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { RESTORE_MODAL } from '../../ids.js';
import { snapshotOptionsRequested } from './snapshots.js';
import { sourceOptionsRequested } from './sources.js';

export function register(app: App, deps: ListenerDeps): void {
  app.options({ action_id: RESTORE_MODAL.source.actionId }, sourceOptionsRequested(deps));
  app.options({ action_id: RESTORE_MODAL.snapshot.actionId }, snapshotOptionsRequested(deps));
}
