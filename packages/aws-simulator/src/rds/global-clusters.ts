import type { DescribeGlobalClustersMessage, FailoverGlobalClusterMessage, GlobalCluster } from '@aws-sdk/client-rds';
import { fault } from '../errors.js';
import type { ServiceHandlers, SimulatedTarget } from '../types.js';
import type { RdsContext } from './context.js';
import { transition } from './lifecycle.js';
import { parseRdsArn, rdsArn } from './names.js';

/** One member of a global database: a cluster in one region of the account. */
export interface GlobalMember {
  target: SimulatedTarget;
  clusterId: string;
}

/**
 * A global database (Aurora or DocumentDB): a primary cluster and secondaries in other regions of
 * one account, replicated at the storage layer. Failover or switchover makes a secondary the writer
 * after `globalFailoverMs`.
 */
export interface GlobalClusterRecord {
  id: string;
  accountId: string;
  engine: string;
  engineVersion: string;
  members: GlobalMember[];
  /** Index of the member that takes writes. */
  writer: number;
  failover?: { to: number; from: number; startedAt: Date; allowDataLoss: boolean };
}

function globalClusterArn(record: Pick<GlobalClusterRecord, 'accountId' | 'id'>): string {
  return `arn:aws:rds::${record.accountId}:global-cluster:${record.id}`;
}

function memberArn(member: GlobalMember): string {
  return rdsArn(member.target, 'cluster', member.clusterId);
}

/** Each member cluster knows whether it takes writes (its DescribeDBClusters says so). */
export function markRoles(ctx: RdsContext, record: GlobalClusterRecord): void {
  for (const [index, member] of record.members.entries()) {
    const cluster = ctx.store.state(member.target).clusters.get(member.clusterId);
    if (!cluster) continue;
    cluster.globalClusterId = record.id;
    cluster.globalRole = index === record.writer ? 'primary' : 'secondary';
  }
}

/** Finishes failovers whose time has come: the target member takes writes. */
export function settleGlobalClusters(ctx: RdsContext): void {
  for (const record of ctx.store.globalClusters.values()) {
    const failover = record.failover;
    if (failover && ctx.world.elapsed(failover.startedAt, ctx.world.durations.globalFailoverMs)) {
      record.writer = failover.to;
      record.failover = undefined;
      markRoles(ctx, record);
    }
  }
}

function shape(record: GlobalClusterRecord): GlobalCluster {
  const failover = record.failover;
  return {
    GlobalClusterIdentifier: record.id,
    GlobalClusterResourceId: `cluster-${record.id}`,
    GlobalClusterArn: globalClusterArn(record),
    Status: failover ? (failover.allowDataLoss ? 'failing-over' : 'switching-over') : 'available',
    Engine: record.engine,
    EngineVersion: record.engineVersion,
    StorageEncrypted: true,
    DeletionProtection: false,
    GlobalClusterMembers: record.members.map((member, index) => ({
      DBClusterArn: memberArn(member),
      IsWriter: index === record.writer,
      Readers: index === record.writer ? record.members.filter((_, i) => i !== index).map(memberArn) : [],
      SynchronizationStatus: 'connected',
      ...(index !== record.writer && { GlobalWriteForwardingStatus: 'disabled' }),
    })),
    ...(failover && {
      FailoverState: {
        Status: 'failing-over',
        FromDbClusterArn: memberArn(record.members[failover.from] as GlobalMember),
        ToDbClusterArn: memberArn(record.members[failover.to] as GlobalMember),
        IsDataLossAllowed: failover.allowDataLoss,
      },
    }),
  };
}

/** DescribeGlobalClusters and FailoverGlobalCluster (a failover with AllowDataLoss, else a switchover). */
export function globalClusterHandlers(ctx: RdsContext): ServiceHandlers {
  const find = (accountId: string, id: string | undefined) => {
    const record = ctx.store.globalClusters.get(`${accountId}/${(id ?? '').toLowerCase()}`);
    if (!record) throw fault('GlobalClusterNotFoundFault', `Global cluster ${id} not found.`);
    return record;
  };
  return {
    DescribeGlobalClusters: (request) => {
      const input: DescribeGlobalClustersMessage = request.input;
      settleGlobalClusters(ctx);
      const all = input.GlobalClusterIdentifier
        ? [find(request.accountId, input.GlobalClusterIdentifier)]
        : [...ctx.store.globalClusters.values()].filter((record) => record.accountId === request.accountId);
      return { GlobalClusters: all.map((record) => shape(record)) };
    },

    FailoverGlobalCluster: (request) => {
      const input: FailoverGlobalClusterMessage = request.input;
      settleGlobalClusters(ctx);
      const record = find(request.accountId, input.GlobalClusterIdentifier);
      if (record.failover) {
        throw fault('InvalidGlobalClusterStateFault', `Global cluster ${record.id} is already failing over.`);
      }
      const target = input.TargetDbClusterIdentifier ?? '';
      const parsed = parseRdsArn(target);
      const to = record.members.findIndex((member) => memberArn(member) === target || member.clusterId === parsed?.id);
      if (to < 0) {
        throw fault('DBClusterNotFoundFault', `DBCluster ${target} is not a member of global cluster ${record.id}.`);
      }
      if (to === record.writer) {
        throw fault('InvalidDBClusterStateFault', `DBCluster ${target} is already the primary of ${record.id}.`);
      }
      const allowDataLoss = input.AllowDataLoss === true;
      if (allowDataLoss && input.Switchover) {
        throw fault('InvalidParameterCombination', 'AllowDataLoss and Switchover cannot both be set.');
      }
      const now = ctx.world.now();
      record.failover = { to, from: record.writer, startedAt: now, allowDataLoss };
      const member = record.members[to] as GlobalMember;
      const cluster = ctx.store.state(member.target).clusters.get(member.clusterId);
      if (cluster) transition(cluster.lifecycle, now, 'failing-over', ctx.world.durations.globalFailoverMs);
      return { GlobalCluster: shape(record) };
    },
  };
}
