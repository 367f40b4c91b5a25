import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
import { ConfigurationError } from '../../src/config/errors.js';

describe('parseEnv', () => {
  it('defaults to the example policy, and knows nothing of the local run', () => {
    const env = parseEnv({ PORT: '8080', RESTORE_BOT_AWS: 'real', DATA_DIR: '/tmp/x' });
    expect(env).toMatchObject({ POLICY_FILE: 'policy.example.yml' });
    expect(env.SLACK_BOT_TOKEN).toBeUndefined();
    // The local run's settings are dev/env.ts's: the product on Lambda never reads them.
    for (const local of [
      'PORT',
      'RESTORE_BOT_AWS',
      'SIMULATED_AWS_MINUTES_PER_SECOND',
      'DATA_DIR',
      'WORKER_TICK_SECONDS',
    ])
      expect(env).not.toHaveProperty(local);
  });

  it('treats blank values as unset', () => {
    expect(parseEnv({ SLACK_BOT_TOKEN: '  ', JOBS_TABLE: '' })).toMatchObject({
      SLACK_BOT_TOKEN: undefined,
      JOBS_TABLE: undefined,
    });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token' }, 'SLACK_BOT_TOKEN: must be a bot token starting with xoxb-'],
    [{ SLACK_APP_TOKEN: 'xoxb-1' }, 'SLACK_APP_TOKEN: must be an app-level token'],
    [{ SLACK_API_URL: 'not a url' }, 'SLACK_API_URL'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
  ])('refuses %j naming the variable', (source, expected) => {
    expect(() => parseEnv(source)).toThrow(ConfigurationError);
    expect(() => parseEnv(source)).toThrow(expected);
  });

  it('reads LOG_LEVEL, INFO unless set', () => {
    expect(parseEnv({}).LOG_LEVEL).toBe('INFO');
    expect(parseEnv({ LOG_LEVEL: 'DEBUG' }).LOG_LEVEL).toBe('DEBUG');
  });

  it('does not judge NODE_ENV, which the bot never reads (Express does, for its error pages)', () => {
    expect(() => parseEnv({ NODE_ENV: 'staging' })).not.toThrow();
    expect(parseEnv({ NODE_ENV: 'production' })).not.toHaveProperty('NODE_ENV');
  });
});
