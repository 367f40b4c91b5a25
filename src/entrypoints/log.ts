import { Logger } from '@aws-lambda-powertools/logger';
import type { Env } from '../config/env.js';

/** How the bot logs: a sentence, and the facts that go with it. */
export type Log = (message: string, detail?: object) => void;

/**
 * The bot's log, through Powertools' Logger: one JSON line per entry (level, message, timestamp,
 * service and the detail's keys), to stdout on Lambda (CloudWatch) and locally, and only at or
 * above LOG_LEVEL. An entry that carries an `error` is a warning: the bot survived it and goes on
 * (a card not drawn, a kick lost), but someone may need to look; everything else is information.
 */
export function createLog(level: Env['LOG_LEVEL'], logger?: Logger): Log {
  const target = logger ?? new Logger({ serviceName: 'db-restore-bot', logLevel: level });
  return (message, detail) => {
    if (detail && 'error' in detail) target.warn(message, { ...detail });
    else target.info(message, { ...detail });
  };
}
