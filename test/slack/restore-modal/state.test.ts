import { describe, expect, it } from 'vitest';
import type { RestoreModalMetadata } from '../../../src/slack/restore-modal/metadata.js';
import { modalChoices } from '../../../src/slack/restore-modal/state.js';
import { examplePolicy } from '../../helpers/simulated-environment.js';

const METADATA: RestoreModalMetadata = {
  channelId: 'C0RESTORES',
  timeZone: 'UTC',
  kind: 'aurora-cluster',
  source: { environment: 'production', identifier: 'orders' },
  targetEnvironment: 'production',
  restorePointType: 'time',
};

describe('modalChoices', () => {
  it('reads the form over what the metadata remembers', () => {
    const choices = modalChoices(
      { sourceValue: 'acceptance/orders-acc', targetEnvironment: 'acceptance', restorePointType: 'snapshot' },
      METADATA,
      examplePolicy(),
    );

    expect(choices).toEqual({
      kind: 'aurora-cluster',
      source: { environment: 'acceptance', identifier: 'orders-acc' },
      targetEnvironment: 'acceptance',
      restorePointType: 'snapshot',
    });
  });

  it('keeps what the metadata remembers when the form sends nothing', () => {
    expect(modalChoices({}, METADATA, examplePolicy())).toEqual({
      kind: 'aurora-cluster',
      source: METADATA.source,
      targetEnvironment: 'production',
      restorePointType: 'time',
    });
  });

  it('drops the source once the kind changed, and restores into the source environment by default', () => {
    const { targetEnvironment: _target, ...metadata } = METADATA;

    expect(modalChoices({ kind: 'docdb-cluster' }, metadata, examplePolicy())).toEqual({
      kind: 'docdb-cluster',
      restorePointType: 'time',
    });
    expect(modalChoices({}, metadata, examplePolicy()).targetEnvironment).toBe('production');
  });

  it('refuses a source in an environment the policy does not have, naming the field', () => {
    expect(() => modalChoices({ sourceValue: 'staging/orders' }, METADATA, examplePolicy())).toThrow(
      expect.objectContaining({ field: 'sourceEnvironment' }),
    );
  });
});
