import { createHmac } from 'node:crypto';

/** The content types Slack uses: slash commands and interactivity are form-encoded, events are JSON. */
export type SlackContentType = 'application/x-www-form-urlencoded' | 'application/json';

/**
 * Slack's request signature (v0): hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` keyed with the
 * app's signing secret. The raw body is signed byte for byte, so sign exactly what is sent.
 */
export function signSlackRequest(signingSecret: string, timestampSeconds: number, rawBody: string): string {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex');
  return `v0=${digest}`;
}

/** The headers Slack sends with every request to an app, signature included. */
export function slackHeaders(
  signingSecret: string,
  timestampSeconds: number,
  rawBody: string,
  contentType: SlackContentType = 'application/x-www-form-urlencoded',
): Record<string, string> {
  return {
    'Content-Type': contentType,
    'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    'X-Slack-Request-Timestamp': String(timestampSeconds),
    'X-Slack-Signature': signSlackRequest(signingSecret, timestampSeconds, rawBody),
  };
}
