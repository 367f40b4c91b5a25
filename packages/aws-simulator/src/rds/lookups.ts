import { fault } from '../errors.js';
import type { SimulatedTarget } from '../types.js';
import { parameterGroupFamily } from './engines.js';
import { existsAt } from './lifecycle.js';
import { refersToOwn, toRef } from './names.js';
import type { ClusterRecord, InstanceRecord, RegionState, SnapshotKind, SnapshotRecord } from './records.js';
import type { RdsStore } from './store.js';

/** An instance of the caller's account and region, named by identifier or ARN. */
function findInstance(state: RegionState, name: string): InstanceRecord | undefined {
  const ref = toRef(name);
  return refersToOwn(ref, state.owner, 'db') ? state.instances.get(ref.id) : undefined;
}

export function requireInstance(state: RegionState, name: string | undefined): InstanceRecord {
  const instance = name ? findInstance(state, name) : undefined;
  if (!instance) throw fault('DBInstanceNotFoundFault', `DBInstance ${name ?? ''} not found.`);
  return instance;
}

function findCluster(state: RegionState, name: string): ClusterRecord | undefined {
  const ref = toRef(name);
  return refersToOwn(ref, state.owner, 'cluster') ? state.clusters.get(ref.id) : undefined;
}

export function requireCluster(state: RegionState, name: string | undefined): ClusterRecord {
  const cluster = name ? findCluster(state, name) : undefined;
  if (!cluster) throw fault('DBClusterNotFoundFault', `DBCluster ${name ?? ''} not found.`);
  return cluster;
}

const SNAPSHOT_ARN_TYPES = { instance: 'snapshot', cluster: 'cluster-snapshot' } as const;

export const SNAPSHOT_NOT_FOUND = { instance: 'DBSnapshotNotFoundFault', cluster: 'DBClusterSnapshotNotFoundFault' };

/** Manual snapshots other accounts in `caller`'s region have shared with it. */
export function sharedWithCaller(store: RdsStore, caller: SimulatedTarget, kind: SnapshotKind): SnapshotRecord[] {
  const now = store.world.now();
  return store
    .statesIn(caller.region)
    .filter((state) => state.owner.accountId !== caller.accountId)
    .flatMap((state) => [...state.snapshots(kind).values()])
    .filter((snapshot) => snapshot.sharedWith.has(caller.accountId) && existsAt(snapshot.lifecycle, now));
}

/**
 * A snapshot the caller may use. A plain identifier only ever finds the caller's own snapshots;
 * another account's snapshot must be named by ARN and be shared with the caller, in the same region.
 * `crossRegion` lets the caller's own snapshots in other regions be named by ARN (copies).
 */
export function findSnapshot(
  store: RdsStore,
  caller: SimulatedTarget,
  kind: SnapshotKind,
  name: string,
  crossRegion = false,
): SnapshotRecord | undefined {
  const ref = toRef(name);
  const owner = ref.owner ?? caller;
  if (ref.owner && ref.type !== SNAPSHOT_ARN_TYPES[kind]) return undefined;
  const ownAccount = owner.accountId === caller.accountId;
  if (owner.region !== caller.region && !(crossRegion && ownAccount)) return undefined;
  const snapshot = store.existing(owner)?.snapshots(kind).get(ref.id);
  if (!snapshot || !existsAt(snapshot.lifecycle, store.world.now())) return undefined;
  return ownAccount || snapshot.sharedWith.has(caller.accountId) ? snapshot : undefined;
}

export function requireSnapshot(
  store: RdsStore,
  caller: SimulatedTarget,
  kind: SnapshotKind,
  name: string | undefined,
  crossRegion = false,
): SnapshotRecord {
  const snapshot = name ? findSnapshot(store, caller, kind, name, crossRegion) : undefined;
  if (!snapshot) {
    const label = kind === 'instance' ? 'DBSnapshot' : 'DBClusterSnapshot';
    throw fault(SNAPSHOT_NOT_FOUND[kind], `${label} ${name ?? ''} not found.`);
  }
  return snapshot;
}

/** A subnet group named in a request must exist in the caller's account and region. */
export function checkSubnetGroup(state: RegionState, name: string): void {
  if (!state.subnetGroups.has(name)) {
    throw fault('DBSubnetGroupNotFoundFault', `DBSubnetGroup ${name} not found.`);
  }
}

/** A named parameter group must exist here and belong to the engine's family; `default.<family>` always does. */
export function checkParameterGroup(
  state: RegionState,
  level: 'instance' | 'cluster',
  name: string,
  engine: string,
  engineVersion: string,
): void {
  const wanted = parameterGroupFamily(engine, engineVersion);
  const groups = level === 'instance' ? state.parameterGroups : state.clusterParameterGroups;
  const family = name.startsWith('default.') ? name.slice('default.'.length) : groups.get(name);
  if (family === undefined) {
    throw level === 'instance'
      ? fault('DBParameterGroupNotFoundFault', `DBParameterGroup not found: ${name}`)
      : fault('DBClusterParameterGroupNotFoundFault', `DBClusterParameterGroup not found: ${name}`);
  }
  if (family !== wanted) {
    throw fault(
      'InvalidParameterCombination',
      `The parameter group ${name} with DBParameterGroupFamily ${family} can't be used for this ${level}. Use a parameter group with DBParameterGroupFamily ${wanted}.`,
    );
  }
}
