import { WebAPIPlatformError, type WebClient } from '@slack/web-api';
import { type BackgroundRetry, type BackoffSchedule, retryInBackground } from '../util/retry-in-background.js';

/** Who the bot is in the workspace, once auth.test has answered. */
export interface BotIdentity {
  botUserId?: string;
  botId?: string;
}

/** Slack being down: check again after 5 s, then waiting twice as long each time, up to 5 minutes. */
export const TOKEN_CHECK_BACKOFF: BackoffSchedule = { firstDelayMs: 5_000, maxDelayMs: 300_000 };

/** auth.test answers that no retry can cure: the token itself is refused. */
const REFUSED_TOKEN = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

export interface TokenCheck {
  /** The bot's identity, when a check has succeeded; empty until then. */
  identity(): BotIdentity;
  /** Resolves when the checks are over (succeeded, refused, or stopped). */
  readonly done: Promise<void>;
  stop(): void;
}

export interface TokenCheckOptions {
  /** A Web API client holding the bot token. */
  client: WebClient;
  log(message: string, detail?: object): void;
  schedule?: BackoffSchedule;
}

/**
 * Checks the bot token with auth.test in the background, as Bolt would in its constructor, but
 * without ever failing the bot: Slack unreachable or answering 5xx is logged and checked again
 * later while the bot keeps serving (a request needs only the token). A refused token is logged
 * once, plainly, and not checked again.
 */
export function startTokenCheck(options: TokenCheckOptions): TokenCheck {
  let identity: BotIdentity = {};
  const retry: BackgroundRetry = retryInBackground(
    async () => {
      const answer = await options.client.auth.test();
      identity = {
        ...(answer.user_id ? { botUserId: answer.user_id } : {}),
        ...(answer.bot_id ? { botId: answer.bot_id } : {}),
      };
      options.log('Slack bot token verified', { team: answer.team, botUserId: answer.user_id });
    },
    {
      schedule: options.schedule ?? TOKEN_CHECK_BACKOFF,
      retryable: (error) => !(error instanceof WebAPIPlatformError && REFUSED_TOKEN.has(error.data.error)),
      onFailure: (error, retryInMs) => {
        if (retryInMs === undefined) {
          const code = error instanceof WebAPIPlatformError ? error.data.error : String(error);
          options.log('Slack refused the bot token (auth.test): check SLACK_BOT_TOKEN', { error: code });
          return;
        }
        options.log('Slack Web API not reachable (auth.test); serving anyway, checking again later', {
          error: (error as Error).message,
          retryInSeconds: retryInMs / 1000,
        });
      },
    },
  );
  return { identity: () => identity, done: retry.done, stop: retry.stop };
}
