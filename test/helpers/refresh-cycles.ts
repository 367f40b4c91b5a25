import type { RefreshCycle, RefreshDatabase } from '../../src/domain/refresh/cycle.js';

const HOUR = 3_600_000;

/** Production's `orders` Aurora cluster refreshing acceptance's `orders-acc`, as the demo accounts have them. */
export const ORDERS_REFRESH: RefreshDatabase = {
  kind: 'aurora-cluster',
  source: { environment: 'production', identifier: 'orders' },
  target: { environment: 'acceptance', identifier: 'orders-acc' },
  engine: 'aurora-postgresql',
  parameters: { latest: 'aurora_latest_snapshot_id', current: 'aurora_current_snapshot_id' },
};

/** Production's `catalog` DocumentDB cluster refreshing acceptance's `catalog-acc`: shared snapshots are copied in first. */
export const CATALOG_REFRESH: RefreshDatabase = {
  kind: 'docdb-cluster',
  source: { environment: 'production', identifier: 'catalog' },
  target: { environment: 'acceptance', identifier: 'catalog-acc' },
  engine: 'docdb',
  parameters: { latest: 'documentdb_latest_snapshot_id', current: 'documentdb_current_snapshot_id' },
};

/** A fortnightly 02:00 Amsterdam cycle of `orders-acc`, announced a day ahead, in mode pipeline. */
export function sampleCycle(overrides: Partial<RefreshCycle> = {}): RefreshCycle {
  return {
    name: 'acceptance-refresh',
    channelId: 'C0RESTORES',
    cadence: { everyDays: 14, anchor: '2030-01-01', at: '02:00', timeZone: 'Europe/Amsterdam' },
    announceBeforeMs: 24 * HOUR,
    remindBeforeMs: HOUR / 2,
    postponeByMs: 24 * HOUR,
    mode: 'pipeline',
    approvalRequired: false,
    whenNothingNew: 'skip',
    pipeline: { nameParameter: 'main_cicd_name' },
    databases: [ORDERS_REFRESH],
    ...overrides,
  };
}
