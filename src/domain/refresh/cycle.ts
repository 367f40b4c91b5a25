import type { Policy } from '../policy.js';
import { policyDuration } from '../policy.js';
import type { RefreshCycleInput } from './cycle-schema.js';

/** One database a cycle refreshes: production's source, acceptance's target, the SSM parameters that name its snapshots. */
export type RefreshDatabase = RefreshCycleInput['databases'][number];

/** A refresh cycle from the policy, its lead times in milliseconds. */
export interface RefreshCycle {
  name: string;
  channelId: string;
  cadence: RefreshCycleInput['cadence'];
  announceBeforeMs: number;
  remindBeforeMs: number;
  postponeByMs: number;
  mode: 'pipeline' | 'restore';
  approvalRequired: boolean;
  whenNothingNew: 'skip' | 'restore-again';
  pipeline?: { name?: string; nameParameter?: string };
  databases: RefreshDatabase[];
}

/** The policy's refresh cycles, ready for the cadence and the runner. */
export function refreshCyclesOf(policy: Pick<Policy, 'refreshCycles'>): RefreshCycle[] {
  return policy.refreshCycles.map((cycle) => ({
    name: cycle.name,
    channelId: cycle.channel,
    cadence: cycle.cadence,
    announceBeforeMs: policyDuration(cycle.announceBefore),
    remindBeforeMs: policyDuration(cycle.remindBefore),
    postponeByMs: policyDuration(cycle.postponeBy),
    mode: cycle.mode,
    approvalRequired: cycle.approvalRequired,
    whenNothingNew: cycle.whenNothingNew,
    ...(cycle.pipeline ? { pipeline: cycle.pipeline } : {}),
    databases: cycle.databases,
  }));
}
