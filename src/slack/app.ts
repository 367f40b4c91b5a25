import { App, type ExpressReceiver, LogLevel } from '@slack/bolt';
import type { ListenerDeps } from './deps.js';
import { register as registerActions } from './listeners/actions/index.js';
import { register as registerCommands } from './listeners/commands/index.js';
import { register as registerEvents } from './listeners/events/index.js';
import { register as registerOptions } from './listeners/options/index.js';
import { register as registerViews } from './listeners/views/index.js';
import { createMetadataSeal } from './metadata-seal.js';
import type { BotIdentity } from './token-check.js';
import { slackClientOptions } from './web-client.js';

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
  /** The bot's identity once the token check has learned it (token-check.ts). */
  botIdentity?: () => BotIdentity;
}

export type SlackAppDeps = Omit<ListenerDeps, 'metadataSeal'>;

/**
 * Builds the Bolt app and registers every listener. Listeners do only fast work (parse,
 * validate, one conditional write, ack, views.open/update); the worker does the rest.
 */
export function createSlackApp(deps: SlackAppDeps, options: SlackAppOptions): { app: App } {
  const clientOptions = slackClientOptions(options.slackApiUrl);
  const app = new App({
    // Not `token`: with it Bolt calls auth.test in its constructor and keeps the promise, so Slack
    // being unreachable at start is an unhandled rejection that ends the process. A request needs
    // only the token; the token check (token-check.ts) learns the bot's identity in the background.
    authorize: async () => ({ botToken: options.token, ...options.botIdentity?.() }),
    ...(options.receiver ? { receiver: options.receiver } : {}),
    ...(options.socketMode
      ? {
          socketMode: true,
          appToken: options.socketMode.appToken,
          // Socket Mode's own client (apps.connections.open) reads its options only from here.
          installerOptions: { clientOptions },
        }
      : {}),
    logLevel: LogLevel.WARN,
    clientOptions,
  });
  const listenerDeps: ListenerDeps = { ...deps, metadataSeal: createMetadataSeal(options.metadataSecret) };
  registerCommands(app, listenerDeps);
  registerActions(app, listenerDeps);
  registerViews(app, listenerDeps);
  registerOptions(app, listenerDeps);
  registerEvents(app, listenerDeps);
  app.error(async (error) => {
    // The backstop: listeners answer people themselves; anything reaching here is logged for us.
    deps.log('unhandled Slack listener error', { error: error.message, code: (error as { code?: string }).code });
  });
  return { app };
}
