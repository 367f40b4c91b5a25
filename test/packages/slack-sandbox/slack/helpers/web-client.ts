import { type Logger, LogLevel, WebClient } from '@slack/web-api';
import { isRecord } from '../../../../../packages/slack-sandbox/src/slack/json.js';

/** @slack/web-api as the bot builds it, pointed at the stand-in, failing fast instead of retrying for minutes. */
export function standInClient(url: string, token: string): WebClient {
  return new WebClient(token, {
    slackApiUrl: `${url}/api/`,
    retryConfig: { retries: 0 },
    // The client logs every refusal's messages at ERROR; the tests assert them instead.
    logger: silentLogger(),
  });
}

function silentLogger(): Logger {
  const ignore = () => undefined;
  return {
    debug: ignore,
    info: ignore,
    warn: ignore,
    error: ignore,
    setLevel: ignore,
    getLevel: () => LogLevel.ERROR,
    setName: ignore,
  };
}

/** The Web API error body a rejected call carried (`error.data`). */
export async function apiError(call: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await call;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'data' in error && isRecord(error.data)) return error.data;
    throw error;
  }
  throw new Error('expected the call to fail');
}
