import { createHmac } from 'node:crypto';
import type { SlackHarness } from './slack-harness.js';
import { CHANNEL } from './slack-harness.js';

export interface Delivery {
  /** `X-Slack-Request-Timestamp` in Unix seconds. */
  timestamp: number;
  /** The signature version written and hashed (`v0` is Slack's only one). */
  version?: string;
  /** Extra headers, e.g. `X-Slack-Retry-Num`. */
  headers?: Record<string, string>;
}

/** `/restore` typed by `user` in the harness channel, as the form fields Slack posts, with a fresh trigger. */
export function restoreCommandBody(harness: SlackHarness, user: string): string {
  return new URLSearchParams({
    token: harness.standIn.verificationToken,
    team_id: harness.standIn.state.team.id,
    channel_id: CHANNEL,
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/restore',
    text: '',
    api_app_id: harness.standIn.state.bot.appId,
    is_enterprise_install: 'false',
    response_url: `${harness.standIn.url}/commands/unused`,
    trigger_id: harness.standIn.issueTrigger(user),
  }).toString();
}

/**
 * POSTs `rawBody` to the bot's request URL signed by hand (not by the stand-in's signing code), so
 * a test can choose the timestamp and the signature version Slack's spec says to refuse.
 */
export async function postSigned(harness: SlackHarness, rawBody: string, delivery: Delivery): Promise<Response> {
  const version = delivery.version ?? 'v0';
  const digest = createHmac('sha256', harness.standIn.signingSecret)
    .update(`${version}:${delivery.timestamp}:${rawBody}`)
    .digest('hex');
  return fetch(harness.botUrl, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Slack-Request-Timestamp': String(delivery.timestamp),
      'X-Slack-Signature': `${version}=${digest}`,
      ...delivery.headers,
    },
    body: rawBody,
  });
}

/** The clock's time in Unix seconds, moved by `offsetSeconds`. */
export function secondsFrom(harness: SlackHarness, offsetSeconds: number): number {
  return Math.floor(harness.clock.now().getTime() / 1000) + offsetSeconds;
}
