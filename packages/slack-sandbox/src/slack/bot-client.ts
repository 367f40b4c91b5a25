import type { Clock } from '../clock.js';
import { BotUnreachableError } from './errors.js';
import type { JsonObject } from './json.js';
import { type SlackContentType, slackHeaders } from './signing.js';

/** Slack's ack deadline: a request the app has not answered in 3 seconds has failed. */
export const ACK_TIMEOUT_MS = 3000;

/** Ways to send a request Slack sends only sometimes, or that the app must refuse. */
export interface DeliveryOptions {
  /** A redelivery: `X-Slack-Retry-Num` and `X-Slack-Retry-Reason` (e.g. `http_timeout`). */
  retry?: { num: number; reason: string };
  /** Signs correctly but with a timestamp this many seconds old (Bolt refuses more than 5 minutes). */
  staleBySeconds?: number;
  /** Signs with a secret that is not the app's. */
  badSignature?: boolean;
}

/** What the app answered. `body` is parsed JSON when the app answered JSON, else the text ('' for a bare ack). */
export interface BotResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** The app did not answer within the ack deadline; Slack shows the user an error. */
  timedOut: boolean;
}

export interface BotClientOptions {
  signingSecret: string;
  /** The app's request URL, e.g. `http://127.0.0.1:3000/slack/events`. */
  botUrl?: string;
  /** Time used for `X-Slack-Request-Timestamp`: the app checks it against its own clock. */
  clock: Clock;
  ackTimeoutMs?: number;
}

/** Sends requests to the app exactly as Slack does: signed, with Slack's headers, and Slack's patience. */
export class BotClient {
  botUrl: string | undefined;
  private readonly signingSecret: string;
  private readonly clock: Clock;
  private readonly ackTimeoutMs: number;

  constructor(options: BotClientOptions) {
    this.botUrl = options.botUrl;
    this.signingSecret = options.signingSecret;
    this.clock = options.clock;
    this.ackTimeoutMs = options.ackTimeoutMs ?? ACK_TIMEOUT_MS;
  }

  /** A form-encoded request, as slash commands are sent. */
  postForm(fields: Record<string, string>, delivery: DeliveryOptions = {}): Promise<BotResponse> {
    return this.post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', delivery);
  }

  /** An interactivity payload: form-encoded with one field, `payload`, holding the JSON. */
  postPayload(payload: JsonObject, delivery: DeliveryOptions = {}): Promise<BotResponse> {
    return this.postForm({ payload: JSON.stringify(payload) }, delivery);
  }

  /** A JSON request, as the Events API sends events. */
  postJson(body: JsonObject, delivery: DeliveryOptions = {}): Promise<BotResponse> {
    return this.post(JSON.stringify(body), 'application/json', delivery);
  }

  private async post(rawBody: string, contentType: SlackContentType, delivery: DeliveryOptions): Promise<BotResponse> {
    const url = this.botUrl;
    if (!url) throw new BotUnreachableError('no bot URL configured: pass botUrl or call setBotUrl()');
    const timestamp = Math.floor(this.clock.now().getTime() / 1000) - (delivery.staleBySeconds ?? 0);
    const secret = delivery.badSignature ? `not-${this.signingSecret}` : this.signingSecret;
    const headers = slackHeaders(secret, timestamp, rawBody, contentType);
    if (delivery.retry) {
      headers['X-Slack-Retry-Num'] = String(delivery.retry.num);
      headers['X-Slack-Retry-Reason'] = delivery.retry.reason;
    }
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: rawBody,
        signal: AbortSignal.timeout(this.ackTimeoutMs),
      });
      return await readResponse(response);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        return { status: 0, headers: {}, body: undefined, timedOut: true };
      }
      throw new BotUnreachableError(`the app at ${url} could not be reached`, { cause: error });
    }
  }
}

async function readResponse(response: Response): Promise<BotResponse> {
  const headers = Object.fromEntries(response.headers.entries());
  const text = await response.text();
  let body: unknown = text;
  if ((headers['content-type'] ?? '').includes('application/json') && text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers, body, timedOut: false };
}
