import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { restoreCommand } from './restore.js';

export function register(app: App, deps: ListenerDeps): void {
  app.command('/restore', restoreCommand(deps));
}
