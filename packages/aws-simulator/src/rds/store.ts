import { PerRegion } from '../per-region.js';
import type { SimulatedTarget } from '../types.js';
import type { SimulatedWorld } from '../world.js';
import type { GlobalClusterRecord } from './global-clusters.js';
import { existsAt, type Lifecycle, statusAt } from './lifecycle.js';
import { DEFAULT_SUBNET_GROUP, DEFAULT_VPC_ID, snapshotStamp } from './names.js';
import { type ClusterRecord, type InstanceRecord, RegionState } from './records.js';
import { snapshotOf } from './snapshot-records.js';

const DAY_MS = 24 * 60 * 60_000;
/** Automated backups start at the beginning of the backup window, 03:00 UTC. */
const BACKUP_HOUR_UTC = 3;

/** Every account and region the simulation has seen, and the bookkeeping that time moving on implies. */
export class RdsStore {
  private readonly states = new PerRegion((owner) => {
    const state = new RegionState(owner);
    state.subnetGroups.set(DEFAULT_SUBNET_GROUP, DEFAULT_VPC_ID);
    return state;
  });
  /** Global databases by `<account>/<id>`: they span the account's regions. */
  readonly globalClusters = new Map<string, GlobalClusterRecord>();
  private sequence = 0;

  constructor(readonly world: SimulatedWorld) {}

  state(target: SimulatedTarget): RegionState {
    return this.states.region(target);
  }

  /** The state of an account and region the simulation already holds, without creating it. */
  existing(target: SimulatedTarget): RegionState | undefined {
    return this.states.existing(target);
  }

  /** Every account's state in `region`: where snapshots shared with the caller live. */
  statesIn(region: string): RegionState[] {
    return [...this.states.all()].filter((state) => state.owner.region === region);
  }

  nextSequence(): number {
    this.sequence += 1;
    return this.sequence;
  }

  /**
   * Brings every account up to now: drops what finished deleting (so its identifier is free again),
   * takes the daily automated snapshots that fell due and expires those past their retention.
   */
  settle(): void {
    const now = this.world.now();
    for (const state of this.states.all()) {
      dropGone(state.instances, now);
      dropGone(state.clusters, now);
      dropGone(state.instanceSnapshots, now);
      dropGone(state.clusterSnapshots, now);
      for (const instance of state.instances.values()) {
        if (!instance.clusterId) this.takeAutomatedSnapshots(state, { kind: 'instance', record: instance }, now);
      }
      for (const cluster of state.clusters.values()) {
        this.takeAutomatedSnapshots(state, { kind: 'cluster', record: cluster }, now);
      }
      expireAutomatedSnapshots(state, now);
    }
  }

  private takeAutomatedSnapshots(
    state: RegionState,
    source: { kind: 'instance'; record: InstanceRecord } | { kind: 'cluster'; record: ClusterRecord },
    now: Date,
  ): void {
    const { record } = source;
    if (record.backupRetentionDays <= 0) return;
    const snapshots = state.snapshots(source.kind);
    const taken = new Set(
      [...snapshots.values()]
        .filter((snapshot) => snapshot.type === 'automated' && snapshot.sourceResourceId === record.resourceId)
        .map((snapshot) => snapshot.createdAt.getTime()),
    );
    // A snapshot exactly the retention period old has just expired, so the window excludes its start.
    const windowStart = Math.max(record.createdAt.getTime(), now.getTime() - record.backupRetentionDays * DAY_MS + 1);
    for (let at = firstBackupAtOrAfter(windowStart); at <= now.getTime(); at += DAY_MS) {
      const when = new Date(at);
      const status = statusAt(record.lifecycle, when);
      if (status === 'creating' || status === 'deleting') continue;
      const id = `rds:${record.id}-${snapshotStamp(when)}`;
      if (taken.has(at) || snapshots.has(id)) continue;
      snapshots.set(
        id,
        snapshotOf(state, source, {
          id,
          type: 'automated',
          at: when,
          durationMs: this.world.durations.createSnapshotMs,
        }),
      );
    }
  }
}

function dropGone<T extends { lifecycle: Lifecycle }>(records: Map<string, T>, now: Date): void {
  for (const [id, record] of records) {
    if (!existsAt(record.lifecycle, now)) records.delete(id);
  }
}

/** Automated snapshots live as long as their source and its retention period. */
function expireAutomatedSnapshots(state: RegionState, now: Date): void {
  const sources = new Set([
    ...[...state.instances.values()].map((instance) => instance.resourceId),
    ...[...state.clusters.values()].map((cluster) => cluster.resourceId),
  ]);
  for (const snapshots of [state.instanceSnapshots, state.clusterSnapshots]) {
    for (const [id, snapshot] of snapshots) {
      if (snapshot.type !== 'automated') continue;
      const expired = snapshot.createdAt.getTime() <= now.getTime() - snapshot.backupRetentionDays * DAY_MS;
      if (expired || !sources.has(snapshot.sourceResourceId)) snapshots.delete(id);
    }
  }
}

function firstBackupAtOrAfter(time: number): number {
  const day = new Date(time);
  const candidate = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), BACKUP_HOUR_UTC);
  return candidate >= time ? candidate : candidate + DAY_MS;
}
