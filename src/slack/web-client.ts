import { type RetryOptions, WebClient, type WebClientOptions } from '@slack/web-api';

/**
 * How every Web API client of the bot retries: twice, within about a second. The client's default
 * retries for ~30 minutes, far past a listener's 3 seconds and a worker tick; a card a failed call
 * left stale is repaired on the next tick instead.
 */
export const slackRetryConfig: RetryOptions = { retries: 2, factor: 1.5, minTimeout: 100, maxTimeout: 1_000 };

/** The options of every Web API client the bot makes, Bolt's own included (its `clientOptions`). */
export function slackClientOptions(slackApiUrl?: string): WebClientOptions {
  return { ...(slackApiUrl ? { slackApiUrl } : {}), retryConfig: slackRetryConfig };
}

/** The one place the bot makes a Web API client: cards, the user directory and the token check use it. */
export function createSlackWebClient(token: string, slackApiUrl?: string): WebClient {
  return new WebClient(token, slackClientOptions(slackApiUrl));
}
