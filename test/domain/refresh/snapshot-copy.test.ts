import { describe, expect, it } from 'vitest';
import { pickOfCopy, refreshCopyIdentifier } from '../../../src/domain/refresh/snapshot-copy.js';
import type { RestoreCandidate } from '../../../src/domain/source.js';

const takenAt = new Date('2030-01-01T03:00:00Z');
const shared: RestoreCandidate = {
  kind: 'docdb-cluster',
  id: 'catalog-share-2030-01-01',
  arn: 'arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:catalog-share-2030-01-01',
  origin: 'shared',
  sourceIdentifier: 'catalog',
  createdAt: takenAt,
  engine: 'docdb',
  engineVersion: '5.0.0',
  status: 'available',
  shared: true,
  ownerAccountId: '111111111111',
  encrypted: true,
};

const copyWith = (status: string): RestoreCandidate => ({
  ...shared,
  id: 'catalog-share-2030-01-01-refresh-copy',
  arn: 'arn:aws:rds:eu-west-1:222222222222:cluster-snapshot:catalog-share-2030-01-01-refresh-copy',
  shared: false,
  origin: 'manual',
  ownerAccountId: '222222222222',
  status,
});

describe('refreshCopyIdentifier', () => {
  it('names the copy after the shared snapshot, as a valid snapshot identifier', () => {
    expect(refreshCopyIdentifier(shared)).toBe('catalog-share-2030-01-01-refresh-copy');
    expect(refreshCopyIdentifier({ id: 'rds:Catalog--2030_01_01' })).toBe('rds-catalog-2030-01-01-refresh-copy');
    expect(refreshCopyIdentifier({ id: '2030-snap' })).toBe('s-2030-snap-refresh-copy');
    const long = refreshCopyIdentifier({ id: 'a'.repeat(300) });
    expect(long.length).toBeLessThanOrEqual(255);
    expect(long).toMatch(/^[a-z][a-z0-9-]*[a-z0-9]$/);
  });
});

describe('pickOfCopy', () => {
  const target = 'catalog-acc';

  it('waits while the copy is not made or still being made', () => {
    const waiting = { target, takenAt, copiedFrom: shared.arn, copying: 'catalog-share-2030-01-01-refresh-copy' };
    expect(pickOfCopy({ target, shared, copy: undefined })).toEqual(waiting);
    expect(pickOfCopy({ target, shared, copy: copyWith('creating') })).toEqual(waiting);
  });

  it('restores the copy once it is available, and knows when acceptance already runs on it', () => {
    const copy = copyWith('available');
    expect(pickOfCopy({ target, shared, copy })).toEqual({
      target,
      takenAt,
      copiedFrom: shared.arn,
      snapshotId: copy.arn,
    });
    expect(pickOfCopy({ target, shared, copy, current: copy.arn }).unchanged).toBe(true);
  });

  it('says what to do about a copy that failed', () => {
    expect(pickOfCopy({ target, shared, copy: copyWith('failed') })).toEqual({
      target,
      problem:
        'the copy catalog-share-2030-01-01-refresh-copy of catalog-share-2030-01-01 is failed: delete it to try again',
    });
  });
});
