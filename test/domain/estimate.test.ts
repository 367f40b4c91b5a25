import { describe, expect, it } from 'vitest';
import { estimateRestore } from '../../src/domain/estimate.js';
import type { StepName } from '../../src/domain/steps.js';
import { examplePolicy } from '../helpers/simulated-environment.js';

const policy = examplePolicy();
const plain: StepName[] = ['restore', 'create-writer-instance', 'validate'];
const replaceFromShared: StepName[] = [
  'rename-existing-target',
  'copy-shared-snapshot',
  'restore',
  'create-writer-instance',
  'validate',
  'delete-replaced-target',
];

describe('estimateRestore', () => {
  it("counts a replace's copy, rename and delete on top of the restore itself", () => {
    const restoreOnly = estimateRestore('aurora-cluster', 200, plain, policy);
    const replace = estimateRestore('aurora-cluster', 200, replaceFromShared, policy);
    expect(restoreOnly.basis).toBe('policy');
    // The copy and the final snapshot move the data again: 10 + 5 + 5 minutes, and the size twice more.
    const perSize = (200 / 100) * policy.estimates.minutesPer100GiB;
    expect(replace.minutes - restoreOnly.minutes).toBe(Math.round(20 + 2 * perSize));
    expect(replace.minutes).toBeGreaterThanOrEqual(2 * restoreOnly.minutes - 10);
  });

  it('learns from past restores with the same steps and a similar size only', () => {
    const history = [
      { sizeGiB: 210, minutes: 31, steps: plain },
      { sizeGiB: 190, minutes: 62, steps: replaceFromShared },
      { sizeGiB: 200, minutes: 58, steps: replaceFromShared },
      { sizeGiB: 900, minutes: 150, steps: replaceFromShared },
    ];
    expect(estimateRestore('aurora-cluster', 200, replaceFromShared, policy, history)).toEqual({
      minutes: 60,
      basis: 'history',
    });
    expect(estimateRestore('aurora-cluster', 200, plain, policy, history)).toEqual({ minutes: 31, basis: 'history' });
  });

  it('takes a restore recorded without its steps for a plain one', () => {
    const history = [{ sizeGiB: 200, minutes: 33 }];
    expect(estimateRestore('aurora-cluster', 200, plain, policy, history).minutes).toBe(33);
    expect(estimateRestore('aurora-cluster', 200, replaceFromShared, policy, history).basis).toBe('policy');
  });
});
