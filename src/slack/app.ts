import { App, type ExpressReceiver, LogLevel } from '@slack/bolt';
import type { ListenerDeps } from './deps.js';
import { register as registerActions } from './listeners/actions/index.js';
import { register as registerCommands } from './listeners/commands/index.js';
import { register as registerOptions } from './listeners/options/index.js';
import { register as registerViews } from './listeners/views/index.js';
import { createMetadataSeal } from './metadata-seal.js';
import { UserDirectory } from './user-directory.js';

export interface SlackAppOptions {
  token: string;
  /** Slack's Web API base URL (the sandbox and tests point it at their stand-in). */
  slackApiUrl?: string;
  /** HTTP: the receiver that serves POST /slack/events (Lambda or the local server). */
  receiver?: ExpressReceiver;
  /** Socket Mode, when there is no public URL: an app-level token. */
  socketMode?: { appToken: string };
  /** A secret the bot holds (the signing secret): the key that seals modal metadata is derived from it. */
  metadataSecret: string;
}

export type SlackAppDeps = Omit<ListenerDeps, 'directory' | 'metadataSeal'>;

/**
 * Builds the Bolt app and registers every listener. Listeners do only fast work (parse,
 * validate, one conditional write, ack, views.open/update); the worker does the rest.
 */
export function createSlackApp(deps: SlackAppDeps, options: SlackAppOptions): { app: App; directory: UserDirectory } {
  const app = new App({
    token: options.token,
    ...(options.receiver ? { receiver: options.receiver } : {}),
    ...(options.socketMode ? { socketMode: true, appToken: options.socketMode.appToken } : {}),
    logLevel: LogLevel.WARN,
    clientOptions: {
      ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
      // The Web API client would retry for ~30 minutes by default: far past a listener's 3 seconds.
      retryConfig: { retries: 2, factor: 1.5, minTimeout: 100, maxTimeout: 1_000 },
    },
  });
  const directory = new UserDirectory(app.client, deps.policy, deps.clock);
  const listenerDeps: ListenerDeps = { ...deps, directory, metadataSeal: createMetadataSeal(options.metadataSecret) };
  registerCommands(app, listenerDeps);
  registerActions(app, listenerDeps);
  registerViews(app, listenerDeps);
  registerOptions(app, listenerDeps);
  app.error(async (error) => {
    // The backstop: listeners answer people themselves; anything reaching here is logged for us.
    deps.log('unhandled Slack listener error', { error: error.message, code: (error as { code?: string }).code });
  });
  return { app, directory };
}
