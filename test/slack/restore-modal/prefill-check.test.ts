import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseDriver } from '../../../src/domain/ports/database-driver.js';
import { prefillProblem } from '../../../src/slack/restore-modal/prefill-check.js';
import type { RestoreModalState } from '../../../src/slack/restore-modal/state.js';

const state = {
  kind: 'aurora-cluster',
  source: { environment: 'production', identifier: 'orders' },
  restorePointType: 'latest',
} as RestoreModalState;

function depsWith(describeSource: DatabaseDriver['describeSource']) {
  const log = vi.fn();
  return { log, driverFor: () => ({ describeSource }) as unknown as DatabaseDriver };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('prefillProblem', () => {
  it('lets the modal open when AWS does not answer in time (the submission checks again)', async () => {
    vi.useFakeTimers();
    const deps = depsWith(() => new Promise(() => undefined));
    const problem = prefillProblem(deps, state);
    await vi.advanceTimersByTimeAsync(1_500);
    await expect(problem).resolves.toBeUndefined();
  });

  it('lets the modal open when AWS cannot say, and logs why', async () => {
    const deps = depsWith(() => Promise.reject(new Error('Rate exceeded')));
    await expect(prefillProblem(deps, state)).resolves.toBeUndefined();
    expect(deps.log).toHaveBeenCalledWith('prefill not checked', expect.objectContaining({ error: 'Rate exceeded' }));
  });
});
