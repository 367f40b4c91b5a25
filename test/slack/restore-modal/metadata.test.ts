import { describe, expect, it } from 'vitest';
import { ModalMetadataError } from '../../../src/slack/blocks/errors.js';
import { readRestoreModalMetadata, restoreModalMetadata } from '../../../src/slack/restore-modal/metadata.js';
import type { RestoreModalState } from '../../../src/slack/restore-modal/state.js';

const BASE: RestoreModalState = {
  environments: ['production', 'acceptance'],
  restorePointType: 'latest',
  ifTargetExists: 'fail',
  expiry: '3d',
  expiryChoices: ['1d', '3d', '7d', '14d', '30d', 'never'],
  timeZone: 'Europe/Amsterdam',
  channelId: 'C0RESTORES',
};

const FILLED: RestoreModalState = {
  ...BASE,
  kind: 'aurora-cluster',
  source: { environment: 'production', identifier: 'orders' },
  targetEnvironment: 'acceptance',
  target: 'orders-20261122-1000',
};

describe('readRestoreModalMetadata', () => {
  it('reads back what the modal stored', () => {
    const metadata = restoreModalMetadata({ ...FILLED, restorePointType: 'time' });

    expect(readRestoreModalMetadata(metadata)).toEqual({
      channelId: 'C0RESTORES',
      timeZone: 'Europe/Amsterdam',
      kind: 'aurora-cluster',
      source: { environment: 'production', identifier: 'orders' },
      targetEnvironment: 'acceptance',
      restorePointType: 'time',
    });
  });

  it('leaves out what the state does not have', () => {
    expect(readRestoreModalMetadata(restoreModalMetadata(BASE))).toEqual({
      channelId: 'C0RESTORES',
      timeZone: 'Europe/Amsterdam',
      restorePointType: 'latest',
    });
  });

  it('refuses what it did not write', () => {
    expect(() => readRestoreModalMetadata('not json')).toThrow(ModalMetadataError);
    expect(() => readRestoreModalMetadata('{"channelId":"C1"}')).toThrow(/timeZone/);
    expect(() => readRestoreModalMetadata('{"channelId":"C1","timeZone":"UTC","kind":"mongo"}')).toThrow(/kind/);
  });
});
