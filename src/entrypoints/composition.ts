import type { App, ExpressReceiver } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { createLazyLambdaInvoker } from '../aws/lazy-lambda-invoker.js';
import { ConfigurationError } from '../config/errors.js';
import { createLambdaKicker } from '../jobs/kickers.js';
import { createSlackApp } from '../slack/app.js';
import { createSlackReceiver } from '../slack/http/slack-receiver.js';
import { startTokenCheck, type TokenCheck } from '../slack/token-check.js';
import { type CompositionOptions, type CoreComposition, composeCore } from './core-composition.js';
import { createLog } from './log.js';

export interface Composition extends CoreComposition {
  /** The receiver serves POST /slack/events over HTTP; in Socket Mode there is none and `app.start()` connects. */
  slack?: { app: App; receiver?: ExpressReceiver; client: WebClient; tokenCheck: TokenCheck };
}

/** The whole bot: the core (store, worker, job service, cards) and the Slack app serving people. */
export async function compose(options: CompositionOptions): Promise<Composition> {
  const log = options.log ?? createLog(options.env.LOG_LEVEL);
  const workerFunction = options.runtime === 'lambda' ? options.env.WORKER_FUNCTION_NAME : undefined;
  // On Lambda the listener's change is handed to the worker function by an async invoke.
  const kicker =
    options.kicker ??
    (workerFunction
      ? createLambdaKicker(createLazyLambdaInvoker(), workerFunction, (error) =>
          log('kick failed; the next scheduled tick advances the job', {
            error: (error as Error).message,
          }),
        )
      : undefined);
  const core = await composeCore({ ...options, log, ...(kicker ? { kicker } : {}) });
  if (!options.slack || !core.slackClient || !core.directory || !core.homes) return core;
  const { socketModeAppToken, apiUrl, token, signingSecret } = options.slack;
  let receiver: ExpressReceiver | undefined;
  if (!socketModeAppToken) {
    if (!signingSecret)
      throw new ConfigurationError('the Slack app needs a signing secret to verify requests over HTTP');
    receiver = createSlackReceiver({
      signingSecret,
      clock: core.clock,
      processBeforeResponse: options.runtime === 'lambda',
      log: core.log,
    });
  }
  receiver?.app.get('/healthz', (_request, response) => {
    response.json({ ok: true });
  });
  // In the background: Slack being down at a start (or a Lambda cold start) is logged, never fatal.
  const tokenCheck = startTokenCheck({
    client: core.slackClient,
    log: core.log,
    ...(options.slack.checkBackoff ? { schedule: options.slack.checkBackoff } : {}),
  });
  const { app } = createSlackApp(
    { ...core, directory: core.directory, homes: core.homes },
    {
      token,
      // Every instance of the slack function holds the same secrets, so any of them opens what another sealed.
      metadataSecret: signingSecret || socketModeAppToken || token,
      botIdentity: tokenCheck.identity,
      ...(receiver ? { receiver } : { socketMode: { appToken: socketModeAppToken ?? '' } }),
      ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    },
  );
  return { ...core, slack: { app, client: core.slackClient, tokenCheck, ...(receiver ? { receiver } : {}) } };
}
