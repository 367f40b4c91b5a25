import { describe, expect, it } from 'vitest';
import { chooseRecoveryPath, type PathContext, type RecoveryFacts } from '../../../src/domain/dr/recovery-path.js';
import type { RestoreCandidate } from '../../../src/domain/source.js';
import { ManualClock } from '../../helpers/manual-clock.js';

const clock = new ManualClock();
const now = clock.now();
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

function context(overrides: Partial<PathContext> = {}): PathContext {
  return {
    kind: 'aurora-cluster',
    identifier: 'orders',
    drRegion: 'us-west-2',
    now,
    drill: false,
    copyInterval: '1d',
    ...overrides,
  };
}

function copy(id: string, takenMinutesAgo: number, status = 'available'): RestoreCandidate {
  return {
    kind: 'aurora-cluster',
    id,
    arn: `arn:aws:rds:us-west-2:111111111111:cluster-snapshot:${id}`,
    sourceIdentifier: 'orders',
    createdAt: minutesAgo(takenMinutesAgo),
    status,
    engine: 'aurora-postgresql',
    engineVersion: '15.4',
    ownerAccountId: '111111111111',
    shared: false,
    origin: 'manual',
    encrypted: true,
  };
}

const secondary = {
  globalClusterId: 'orders-global',
  clusterArn: 'arn:aws:rds:us-west-2:111111111111:cluster:orders-dr',
  clusterIdentifier: 'orders-dr',
  isWriter: false,
  status: 'available',
};

describe('chooseRecoveryPath', () => {
  it('fails an Aurora global database over in an incident, recovering to now', () => {
    // Act
    const choice = chooseRecoveryPath(
      { snapshotCopies: [copy('orders-dr-1', 600)], globalSecondary: secondary },
      context(),
    );

    // Assess
    expect(choice.path?.type).toBe('global-failover');
    expect(choice.path && choice.recoversTo).toEqual(now);
    expect(choice.path && choice.rpoNature).toBe('seconds (storage-level replication)');
  });

  it('restores the newest available snapshot copy in a drill of a global database: a drill never moves production', () => {
    // Act
    const choice = chooseRecoveryPath(
      {
        snapshotCopies: [
          copy('orders-dr-old', 2000),
          copy('orders-dr-new', 600),
          copy('orders-dr-making', 5, 'creating'),
        ],
        globalSecondary: secondary,
      },
      context({ drill: true }),
    );

    // Assess
    expect(choice.path).toMatchObject({ type: 'snapshot-copy', snapshot: { id: 'orders-dr-new' } });
    expect(choice.path && choice.why).toContain('a drill never fails the global database over');
  });

  it('takes the newest copy from before --at, and says when none is that old', () => {
    // Arrange
    const facts: RecoveryFacts = { snapshotCopies: [copy('a', 100), copy('b', 10)] };

    // Act
    const before = chooseRecoveryPath(facts, context({ at: minutesAgo(50) }));
    const tooEarly = chooseRecoveryPath(facts, context({ at: minutesAgo(500) }));

    // Assess
    expect(before.path).toMatchObject({ type: 'snapshot-copy', snapshot: { id: 'a' } });
    expect(tooEarly.path).toBeUndefined();
    expect(!tooEarly.path && tooEarly.problem).toMatch(
      /orders cannot be recovered in us-west-2: no snapshot copy there is from before/,
    );
  });

  it('says why an Aurora cluster has no path: Aurora has no cross-Region automated backups', () => {
    // Act
    const choice = chooseRecoveryPath({ snapshotCopies: [] }, context());

    // Assess
    expect(!choice.path && choice.problem).toContain('Aurora has no cross-Region automated backups');
  });

  it('restores an RDS instance from its replicated backups, at --at inside their window, refusing one outside it', () => {
    // Arrange
    const facts: RecoveryFacts = {
      snapshotCopies: [],
      replicatedBackups: {
        arn: 'arn:aws:rds:us-west-2:111111111111:auto-backup:ab-x',
        window: { earliest: minutesAgo(600), latest: minutesAgo(5) },
      },
    };
    const instance = { kind: 'rds-instance' as const, identifier: 'orders-db' };

    // Act
    const latest = chooseRecoveryPath(facts, context(instance));
    const inside = chooseRecoveryPath(facts, context({ ...instance, at: minutesAgo(30) }));
    const outside = chooseRecoveryPath(facts, context({ ...instance, at: minutesAgo(900) }));

    // Assess
    expect(latest.path?.type).toBe('replicated-backups');
    expect(latest.path && latest.recoversTo).toEqual(minutesAgo(5));
    expect(inside.path && inside.recoversTo).toEqual(minutesAgo(30));
    expect(!outside.path && outside.problem).toContain('is outside the replicated restore window');
  });

  it('switches to a DynamoDB global table’s replica, or restores by point in time where there is none', () => {
    // Arrange
    const window = { earliest: minutesAgo(6000), latest: minutesAgo(5) };
    const table = { kind: 'dynamodb-table' as const, identifier: 'carts' };

    // Act
    const replica = chooseRecoveryPath(
      {
        snapshotCopies: [],
        tableReplica: { arn: 'arn:aws:dynamodb:us-west-2:111111111111:table/carts', status: 'ACTIVE' },
        pointInTime: window,
      },
      context(table),
    );
    const pitr = chooseRecoveryPath({ snapshotCopies: [], pointInTime: window }, context(table));
    const none = chooseRecoveryPath({ snapshotCopies: [] }, context(table));

    // Assess
    expect(replica.path?.type).toBe('global-replica');
    expect(pitr.path?.type).toBe('point-in-time');
    expect(!none.path && none.problem).toContain('point-in-time recovery is off');
  });
});
