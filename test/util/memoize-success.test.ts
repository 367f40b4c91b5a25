import { describe, expect, it } from 'vitest';
import { memoizeSuccess } from '../../src/util/memoize-success.js';

describe('memoizeSuccess', () => {
  it('starts once and shares the result, concurrent callers included', async () => {
    let starts = 0;
    const get = memoizeSuccess(async () => {
      starts += 1;
      return { built: starts };
    });

    const [first, second] = await Promise.all([get(), get()]);

    expect(first).toBe(second);
    expect(await get()).toBe(first);
    expect(starts).toBe(1);
  });

  it('forgets a failure, so the next call starts again', async () => {
    let starts = 0;
    const get = memoizeSuccess(async () => {
      starts += 1;
      if (starts === 1) throw new Error('throttled');
      return 'ready';
    });

    await expect(get()).rejects.toThrow('throttled');
    expect(await get()).toBe('ready');
    expect(await get()).toBe('ready');
    expect(starts).toBe(2);
  });
});
