import { describe, expect, it } from 'vitest';
import { isReferenceTo, snapshotReference } from '../../src/domain/snapshot-reference.js';

const short = { id: 'orders-2026-11-21', arn: 'arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:orders-2026-11-21' };
const long = {
  id: `orders-${'x'.repeat(150)}`,
  arn: `arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:orders-${'x'.repeat(150)}`,
};
const other = {
  id: `orders-${'y'.repeat(150)}`,
  arn: `arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:orders-${'y'.repeat(150)}`,
};

describe('snapshotReference', () => {
  it('is the name itself when it fits, else a stable digest that fits', () => {
    expect(snapshotReference(short.arn, 150)).toBe(short.arn);
    expect(snapshotReference(long.arn, 150)).toMatch(/^sha256:[0-9a-f]{40}$/);
    expect(snapshotReference(long.arn, 150)).toBe(snapshotReference(long.arn, 150));
    expect(snapshotReference(long.arn, 150)).not.toBe(snapshotReference(other.arn, 150));
  });
});

describe('isReferenceTo', () => {
  it('knows a snapshot by its id, its ARN, or the digest of either', () => {
    for (const reference of [long.id, long.arn, snapshotReference(long.arn, 150), snapshotReference(long.id, 150)]) {
      expect(isReferenceTo(reference, long)).toBe(true);
      expect(isReferenceTo(reference, other)).toBe(false);
    }
    expect(isReferenceTo('sha256:0000', short)).toBe(false);
  });
});
