import { BLOCK_KIT_LIMITS as VALIDATOR_LIMITS } from '@db-restore-bot/slack-sandbox';
import { describe, expect, it } from 'vitest';
import { BLOCK_KIT_LIMITS } from '../../src/slack/block-kit-limits.js';

describe('the Block Kit limits the builders size with', () => {
  it('are the limits the validator (packages/slack-sandbox) rejects payloads over', () => {
    // Prepare
    const names = Object.keys(BLOCK_KIT_LIMITS) as (keyof typeof BLOCK_KIT_LIMITS)[];

    // Act
    const differing = names.filter((name) => BLOCK_KIT_LIMITS[name] !== VALIDATOR_LIMITS[name]);

    // Assess
    expect(names.length).toBeGreaterThan(0);
    expect(differing).toEqual([]);
  });
});
