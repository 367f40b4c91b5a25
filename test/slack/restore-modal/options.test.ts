import { checkOptionsResponse } from '@db-restore-bot/slack-sandbox';
import { describe, expect, it } from 'vitest';
import { isReferenceTo } from '../../../src/domain/snapshot-reference.js';
import type { RestoreCandidate } from '../../../src/domain/source.js';
import {
  parseSourceOptionValue,
  snapshotOptions,
  snapshotOptionValue,
  sourceOptions,
} from '../../../src/slack/restore-modal/options.js';

function candidate(id: string, overrides: Partial<RestoreCandidate> = {}): RestoreCandidate {
  return {
    kind: 'aurora-cluster',
    id,
    arn: `arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:${id}`,
    sourceIdentifier: 'orders',
    createdAt: new Date('2026-11-21T03:00:00Z'),
    status: 'available',
    engine: 'aurora-postgresql',
    engineVersion: '15.4',
    ownerAccountId: '111111111111',
    shared: false,
    origin: 'manual',
    encrypted: true,
    ...overrides,
  };
}

describe('sourceOptions', () => {
  it('labels with environment and engine; the value is environment/identifier', () => {
    const options = sourceOptions([
      { environment: 'production', identifier: 'orders', engine: 'aurora-postgresql', engineVersion: '15.4' },
      { environment: 'acceptance', identifier: 'sessions', engine: 'dynamodb', engineVersion: '' },
    ]);

    expect(options).toEqual([
      {
        text: { type: 'plain_text', text: 'orders · production · aurora-postgresql 15.4' },
        value: 'production/orders',
      },
      { text: { type: 'plain_text', text: 'sessions · acceptance · dynamodb' }, value: 'acceptance/sessions' },
    ]);
  });

  it('caps at 100 options, labels at 75 and values at 150 characters', () => {
    const sources = Array.from({ length: 150 }, (_, index) => ({
      environment: 'production',
      identifier: `${'x'.repeat(index === 0 ? 200 : 90)}-${index}`,
      engine: 'postgres',
      engineVersion: '16.3',
    }));

    const options = sourceOptions(sources);

    expect(options).toHaveLength(100);
    expect(options.every((option) => option.text.text.length <= 75 && (option.value ?? '').length <= 150)).toBe(true);
    // The one whose value could not fit is left out rather than cut (a cut value names another database).
    expect(options[0]?.value).toBe(`production/${'x'.repeat(90)}-1`);
    expect(options[0]?.text.text).toMatch(/… · production · postgres 16\.3$/);
    expect(checkOptionsResponse({ options })).toEqual([]);
  });
});

describe('parseSourceOptionValue', () => {
  it('splits at the first slash: identifiers (ARNs of tables) may hold more', () => {
    expect(parseSourceOptionValue('production/orders')).toEqual({ environment: 'production', identifier: 'orders' });
    expect(parseSourceOptionValue('production/arn:aws:dynamodb:eu-west-1:1:table/orders')).toEqual({
      environment: 'production',
      identifier: 'arn:aws:dynamodb:eu-west-1:1:table/orders',
    });
  });

  it('refuses values without both parts', () => {
    expect(['orders', '/orders', 'production/', ''].map(parseSourceOptionValue)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('snapshotOptions', () => {
  it('lists newest first with origin, version and UTC time; the value is the ARN', () => {
    const options = snapshotOptions([
      candidate('orders-2026-11-20', { createdAt: new Date('2026-11-20T03:00:00Z'), origin: 'automated' }),
      candidate('orders-2026-11-21', { shared: true, origin: 'shared' }),
    ]);

    expect(options.map((option) => option.text.text)).toEqual([
      'orders-2026-11-21 · shared · 15.4 · 2026-11-21 03:00 UTC',
      'orders-2026-11-20 · automated · 15.4 · 2026-11-20 03:00 UTC',
    ]);
    expect(options[0]?.value).toBe('arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:orders-2026-11-21');
  });

  it('caps at 100, keeps labels within 75 and values within 150 characters', () => {
    const candidates = Array.from({ length: 130 }, (_, index) =>
      candidate(`${'snap'.repeat(40)}-${index}`, { createdAt: new Date(Date.UTC(2026, 0, 1) + index * 3_600_000) }),
    );

    const options = snapshotOptions(candidates);

    expect(options).toHaveLength(100);
    expect(options[0]?.text.text).toMatch(/… · manual · 15\.4 · 2026-01-06 09:00 UTC$/);
    expect(options.every((option) => option.text.text.length <= 75 && (option.value ?? '').length <= 150)).toBe(true);
    expect(checkOptionsResponse({ options })).toEqual([]);
  });
});

describe('snapshotOptionValue', () => {
  const short = candidate('orders-2026-11-21');
  const long = candidate(`orders-${'x'.repeat(150)}`);
  const other = candidate(`orders-${'y'.repeat(150)}`);

  it('uses the ARN when it fits, else a stable digest', () => {
    expect(snapshotOptionValue(short)).toBe(short.arn);
    expect(snapshotOptionValue(long)).toMatch(/^sha256:[0-9a-f]{40}$/);
    expect(snapshotOptionValue(long)).toBe(snapshotOptionValue({ arn: long.arn }));
    expect(snapshotOptionValue(long)).not.toBe(snapshotOptionValue(other));
  });

  it('is a value the domain knows the snapshot by, whether it is the ARN or the digest', () => {
    expect(isReferenceTo(snapshotOptionValue(long), long)).toBe(true);
    expect(isReferenceTo(snapshotOptionValue(long), other)).toBe(false);
    expect(isReferenceTo(snapshotOptionValue(short), short)).toBe(true);
  });
});
