import { describe, expect, it } from 'vitest';
import { parseLocalEnv } from '../../dev/env.js';
import { ConfigurationError } from '../../src/config/errors.js';

describe('parseLocalEnv', () => {
  it('defaults to the local demo: simulated AWS, port 3000, the example policy', () => {
    const env = parseLocalEnv({});

    expect(env).toMatchObject({
      PORT: 3000,
      RESTORE_BOT_AWS: 'simulated',
      SIMULATED_AWS_MINUTES_PER_SECOND: 1,
      DATA_DIR: '.data',
      WORKER_TICK_SECONDS: 3,
      POLICY_FILE: 'policy.example.yml',
      SANDBOX_REFRESH_IN: '5m',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ RESTORE_BOT_AWS: 'yes' }, 'RESTORE_BOT_AWS'],
    [{ SIMULATED_AWS_MINUTES_PER_SECOND: '0' }, 'SIMULATED_AWS_MINUTES_PER_SECOND'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token' }, 'SLACK_BOT_TOKEN'],
    [{ SANDBOX_REFRESH_IN: 'soon' }, 'SANDBOX_REFRESH_IN'],
  ])('refuses %j naming the variable, the product variables too', (source, expected) => {
    expect(() => parseLocalEnv(source)).toThrow(ConfigurationError);
    expect(() => parseLocalEnv(source)).toThrow(expected);
  });
});
