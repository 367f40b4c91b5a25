import { describe, expect, it } from 'vitest';
import { retryInBackground } from '../../src/util/retry-in-background.js';

describe('retryInBackground', () => {
  it('tries again after a doubling wait, capped, until an attempt succeeds', async () => {
    // Prepare: three failures, then success
    let attempts = 0;
    const waits: (number | undefined)[] = [];

    // Act
    const retry = retryInBackground(
      async () => {
        attempts += 1;
        if (attempts <= 3) throw new Error(`down ${attempts}`);
      },
      { schedule: { firstDelayMs: 1, maxDelayMs: 3 }, onFailure: (_error, retryInMs) => waits.push(retryInMs) },
    );
    await retry.done;

    // Assess
    expect(attempts).toBe(4);
    expect(waits).toEqual([1, 2, 3]);
  });

  it('stops at an error no retry can cure, and never rejects', async () => {
    let attempts = 0;
    const waits: (number | undefined)[] = [];
    const retry = retryInBackground(
      async () => {
        attempts += 1;
        throw new Error('refused');
      },
      {
        schedule: { firstDelayMs: 1, maxDelayMs: 1 },
        retryable: (error) => (error as Error).message !== 'refused',
        onFailure: (_error, retryInMs) => waits.push(retryInMs),
      },
    );
    await retry.done;
    expect([attempts, waits]).toEqual([1, [undefined]]);
  });

  it('makes no further attempt once stopped', async () => {
    let attempts = 0;
    const retry = retryInBackground(
      async () => {
        attempts += 1;
        throw new Error('down');
      },
      { schedule: { firstDelayMs: 5, maxDelayMs: 5 }, onFailure: () => retry.stop() },
    );
    await retry.done;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(attempts).toBe(1);
  });
});
