import type { App } from '@slack/bolt';
import type { Log } from '../src/entrypoints/core-composition.js';
import { TOKEN_CHECK_BACKOFF } from '../src/slack/token-check.js';
import { type BackoffSchedule, retryInBackground } from '../src/util/retry-in-background.js';

/**
 * Connects over Socket Mode in the background: Slack being unreachable at start is logged and tried
 * again later (the bot keeps serving /healthz), never a start-up that dies. The closer disconnects.
 */
export function connectSocketMode(
  app: App,
  log: Log,
  schedule: BackoffSchedule = TOKEN_CHECK_BACKOFF,
): () => Promise<void> {
  let connected = false;
  const connecting = retryInBackground(
    async () => {
      await app.start();
      connected = true;
    },
    {
      schedule,
      onFailure: (error, retryInMs) =>
        log('Slack Socket Mode not connected; serving /healthz anyway, connecting again later', {
          error: (error as Error).message,
          ...(retryInMs === undefined ? {} : { retryInSeconds: retryInMs / 1000 }),
        }),
    },
  );
  return async () => {
    connecting.stop();
    if (connected) await app.stop();
  };
}
