import { describe, expect, it } from 'vitest';
import { RestoreInputError } from '../../src/domain/errors.js';
import { allowedExpiryChoices, requestedLifetime } from '../../src/domain/expiry-rules.js';
import type { Policy } from '../../src/domain/policy.js';
import { examplePolicy } from '../helpers/simulated-environment.js';

const CHOICES = ['1d', '3d', '7d', '14d', '30d', 'never'];
const DAY = 86_400_000;

function withMaxExpiry(policy: Policy, maxExpiry: string): Policy {
  return { ...policy, maxExpiry };
}

describe('expiry rules', () => {
  it('offer "never" only in an environment whose policy sets allowNeverExpire', () => {
    // Prepare
    const policy = examplePolicy();

    // Act
    const production = allowedExpiryChoices(
      policy,
      { targetEnvironment: 'production', ifTargetExists: 'fail' },
      CHOICES,
    );
    const acceptance = allowedExpiryChoices(
      policy,
      { targetEnvironment: 'acceptance', ifTargetExists: 'fail' },
      CHOICES,
    );

    // Assess
    expect(production).toEqual(['1d', '3d', '7d', '14d', '30d']);
    expect(acceptance).toEqual(CHOICES);
  });

  it('offer no duration longer than maxExpiry', () => {
    const policy = withMaxExpiry(examplePolicy(), '7d');
    expect(allowedExpiryChoices(policy, { targetEnvironment: 'production', ifTargetExists: 'fail' }, CHOICES)).toEqual([
      '1d',
      '3d',
      '7d',
    ]);
  });

  it('read an allowed lifetime, and refuse "never", absurd and too long ones on expiresIn', () => {
    const policy = examplePolicy();
    const production = { targetEnvironment: 'production', ifTargetExists: 'fail' } as const;
    expect(requestedLifetime(policy, production, '3d')).toBe(3 * DAY);
    expect(requestedLifetime(policy, { ...production, targetEnvironment: 'acceptance' }, 'never')).toBe('never');
    for (const asked of ['never', '99999999999999999999d', '31d', 'soon']) {
      const error = (() => {
        try {
          requestedLifetime(policy, production, asked);
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error, asked).toBeInstanceOf(RestoreInputError);
      expect((error as RestoreInputError).field).toBe('expiresIn');
    }
  });
});
