import { beforeAll, describe, expect, it } from 'vitest';
import { pickSnapshot } from '../../../src/domain/refresh/discovery.js';
import type { RestoreCandidate } from '../../../src/domain/source.js';
import { ORDERS_REFRESH } from '../../helpers/refresh-cycles.js';
import { createSimulatedEnvironment } from '../../helpers/simulated-environment.js';

const PRODUCTION = '111111111111';
const orders = ORDERS_REFRESH;

let candidates: RestoreCandidate[];
let shared: RestoreCandidate[];

beforeAll(async () => {
  // What the acceptance account sees on the simulated account: its own snapshots and production's shared ones.
  const env = createSimulatedEnvironment();
  candidates = await env.driverFor('aurora-cluster', 'acceptance').listRestoreCandidates({ includeShared: true });
  shared = candidates
    .filter((candidate) => candidate.shared && candidate.sourceIdentifier === 'orders')
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
});

const pick = (overrides: Partial<Parameters<typeof pickSnapshot>[0]> = {}) =>
  pickSnapshot({ database: orders, candidates, productionAccountId: PRODUCTION, ...overrides });

describe('pickSnapshot', () => {
  it("takes production's newest shared snapshot of the cycle's engine", () => {
    const newest = shared.find((candidate) => candidate.engineVersion !== '14.9');
    expect(pick()).toEqual({ target: 'orders-acc', snapshotId: newest?.arn, takenAt: newest?.createdAt });
  });

  it('takes an older one when the cycle pins the engine version', () => {
    expect(pick({ database: { ...orders, engineVersion: '14.9' } }).snapshotId).toMatch(/orders-pre-upgrade$/);
  });

  it('says so when the snapshot is the one acceptance already runs on', () => {
    const newest = pick().snapshotId;
    expect(pick({ latest: newest, current: newest })).toMatchObject({ snapshotId: newest, unchanged: true });
  });

  it('honours a snapshot a person pinned in latest', () => {
    const newest = pick().snapshotId;
    const pinned = shared.find((candidate) => candidate.engineVersion !== '14.9' && candidate.arn !== newest);
    expect(pinned).toBeDefined();
    expect(pick({ latest: pinned?.id, current: newest }).snapshotId).toBe(pinned?.arn);
  });

  it.each([
    [
      'of another engine',
      { database: { ...orders, engine: 'aurora-mysql' } },
      /is of aurora-postgresql, not aurora-mysql/,
    ],
    [
      'pinned but not there',
      { latest: 'orders-share-nope', current: 'x' },
      /latest names orders-share-nope, which acceptance cannot see/,
    ],
    [
      'of a source production shares nothing of',
      { database: { ...orders, source: { environment: 'production', identifier: 'sessions-nope' } } },
      /production has shared no snapshot of sessions-nope/,
    ],
    [
      'shared by another account',
      { productionAccountId: '999999999999' },
      /production has shared no snapshot of orders/,
    ],
  ])('refuses a snapshot %s, saying why', (_case, overrides, problem) => {
    const result = pick(overrides);
    expect(result.snapshotId).toBeUndefined();
    expect(result.problem).toMatch(problem);
  });

  it('waits for one still being copied', () => {
    const copying = candidates.map((candidate) => (candidate.shared ? { ...candidate, status: 'copying' } : candidate));
    expect(pick({ candidates: copying }).problem).toMatch(/is copying, not yet available/);
  });
});
