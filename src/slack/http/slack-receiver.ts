import { ExpressReceiver } from '@slack/bolt';
import express, { type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import type { Clock } from '../../domain/ports/clock.js';
import { verifySlackSignature } from './request-signature.js';

/** Where Slack sends commands, interactivity and options (the manifest's request URLs). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Bolt's own limit on a request body. */
const BODY_LIMIT = '10mb';

export interface SlackReceiverOptions {
  signingSecret: string;
  /** The bot's one clock: a request's timestamp is judged against it, not the wall clock. */
  clock: Clock;
  /** On Lambda the function may be frozen once it has answered: answer only when the listener is done. */
  processBeforeResponse: boolean;
  log(message: string, detail?: object): void;
}

/**
 * Bolt's ExpressReceiver behind our own checks. Bolt's signature check accepts any version and any
 * timestamp in the future, and reads Date.now(); ours follows Slack's spec on the injected clock, so
 * Bolt's is off. The Express app is the one served locally and wrapped by serverless-http on Lambda.
 */
export function createSlackReceiver(options: SlackReceiverOptions): ExpressReceiver {
  const app = express();
  app.post(
    SLACK_EVENTS_PATH,
    express.raw({ type: () => true, limit: BODY_LIMIT }),
    verifySignature(options),
    acknowledgeRedeliveries(options.log),
  );
  app.use(SLACK_EVENTS_PATH, unreadableBody(options.log));
  return new ExpressReceiver({
    signingSecret: options.signingSecret,
    signatureVerification: false,
    endpoints: SLACK_EVENTS_PATH,
    processBeforeResponse: options.processBeforeResponse,
    app,
  });
}

/** A request that is not Slack's, or too old or too new, gets 401 and reaches no listener. */
function verifySignature({ signingSecret, clock, log }: SlackReceiverOptions): RequestHandler {
  return (request, response, next) => {
    const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const verdict = verifySlackSignature(
      signingSecret,
      {
        timestamp: request.header('x-slack-request-timestamp'),
        signature: request.header('x-slack-signature'),
        rawBody: rawBody.toString('utf8'),
      },
      clock.now(),
    );
    if (!verdict.ok) {
      log('Slack request refused: not verified', { reason: verdict.reason });
      response.status(401).end();
      return;
    }
    // Bolt parses `rawBody` when it is there (as on Google Cloud Functions) instead of reading the stream again.
    (request as Request & { rawBody?: Buffer }).rawBody = rawBody;
    next();
  };
}

/**
 * Slack redelivers (X-Slack-Retry-Num) when the first delivery got no answer within 3 seconds: that
 * delivery reached us and is being or was handled, and its trigger_id is single use. Running it
 * again would open a second modal or fail on the spent trigger, so a redelivery is only acknowledged,
 * with X-Slack-No-Retry so that Slack stops. Job changes are conditional writes anyway.
 */
function acknowledgeRedeliveries(log: SlackReceiverOptions['log']): RequestHandler {
  return (request, response, next) => {
    const retryNum = request.header('x-slack-retry-num');
    if (retryNum === undefined) {
      next();
      return;
    }
    log('Slack redelivery acknowledged, not run again', {
      retryNum,
      retryReason: request.header('x-slack-retry-reason'),
    });
    response.status(200).set('X-Slack-No-Retry', '1').end();
  };
}

/** A body too large or unreadable: answered plainly, without Express's default stack trace. */
function unreadableBody(log: SlackReceiverOptions['log']): ErrorRequestHandler {
  return (error: { status?: number; message?: string }, _request, response, _next) => {
    log('Slack request refused: body not readable', { error: error.message });
    response.status(error.status ?? 400).end();
  };
}
