import { JobTransitionError } from '../job/errors.js';
import type { DatabaseKind } from '../kinds.js';
import { policyDuration } from '../policy.js';
import { isListed, type Principal } from '../policy-rules.js';
import type { RecoveryPlanPolicy } from './dr-schema.js';
import type { RecoveryPath } from './recovery-path.js';

/**
 * One disaster-recovery run (or drill) of one production database, from the request in an incident
 * channel to the switch (and perhaps the switch back). Every change is a conditional write on
 * `version`, as for jobs; the worker drives it, claimed, one step a tick.
 */
export interface DrRun {
  id: string;
  /** A rehearsal: everything but the switch, then the copy expires and a scorecard is posted. */
  drill: boolean;
  /** The production environment and the one in the DR Region the plan recovers into. */
  environment: string;
  drEnvironment: string;
  drRegion: string;
  database: { kind: DatabaseKind; identifier: string; restoreAs: string };
  channelId: string;
  requestedBy: string;
  /** `--at`: the point asked for; latest when absent. */
  at?: Date;
  path: RecoveryPath;
  recoversTo: Date;
  why: string;
  rpoNature: string;
  estimateMinutes: number;
  phase: DrPhase;
  /** The restore job (restoring paths): its id is the run's, so a retried start finds it. */
  jobId?: string;
  /** Global database: FailoverGlobalCluster was called (once). */
  failoverRequested?: boolean;
  /** What the switch points at: the recovered database's endpoint (or the table's ARN). */
  endpoint?: string;
  switches: EndpointSwitch[];
  timeline: TimelineEntry[];
  outcome?: string;
  createdAt: Date;
  updatedAt: Date;
  finishedAt?: Date;
  version: number;
}

/**
 * awaiting-approval: the plan card is up; recovering: restore (or failover) to validation;
 * awaiting-switch: validated, the switch waits for its own approval; switching; switched (Switch back
 * stays possible); switching-back; then the ends.
 */
export type DrPhase =
  | 'awaiting-approval'
  | 'recovering'
  | 'awaiting-switch'
  | 'switching'
  | 'switched'
  | 'switching-back'
  | 'switched-back'
  | 'discarding'
  | 'discarded'
  | 'drilled'
  | 'failed'
  | 'rejected';

/** An SSM parameter or a Route 53 record the switch overwrites, with what it held before (for Switch back). */
export interface EndpointSwitch {
  type: 'parameter' | 'record';
  name: string;
  hostedZoneId?: string;
  ttl?: number;
  /** Read before the first write, so Switch back can put it back. */
  previous?: string;
  /** The write is done (and, for a record, Route 53 reported INSYNC). */
  switched: boolean;
  /** Route 53's change id while it propagates. */
  changeId?: string;
  switchedBack?: boolean;
}

export type TimelineEvent =
  | 'declared'
  | 'requested'
  | 'approved'
  | 'restore-started'
  | 'available'
  | 'validated'
  | 'switch-approved'
  | 'switched'
  | 'switch-back-requested'
  | 'switched-back'
  | 'copy-expired'
  | 'discarded'
  | 'rejected'
  | 'failed';

export interface TimelineEntry {
  event: TimelineEvent;
  at: Date;
  by?: string;
  detail?: string;
}

const ENDED: ReadonlySet<DrPhase> = new Set(['switched-back', 'discarded', 'drilled', 'failed', 'rejected']);

export function isDrRunEnded(run: Pick<DrRun, 'phase'>): boolean {
  return ENDED.has(run.phase);
}

export interface NewDrRun
  extends Omit<DrRun, 'phase' | 'switches' | 'timeline' | 'createdAt' | 'updatedAt' | 'version'> {
  /** When the incident began (the incident channel's creation); a drill has none. */
  declaredAt?: Date;
  switchTargets: RecoveryPlanPolicy['databases'][number]['switch'];
  now: Date;
}

/**
 * The run as first written: it waits for its first approval, or starts at once where on-call may
 * (or where a drill schedule of the policy runs without approval: `approvedByPolicy` says so).
 */
export function newDrRun(
  input: NewDrRun,
  plan: RecoveryPlanPolicy,
  requester: Principal,
  options: { approvedByPolicy?: string } = {},
): DrRun {
  const { declaredAt, switchTargets, now, ...fields } = input;
  const switches: EndpointSwitch[] = [];
  if (!input.drill && switchTargets.parameter) {
    switches.push({ type: 'parameter', name: switchTargets.parameter, switched: false });
  }
  if (!input.drill && switchTargets.record) {
    const { hostedZoneId, name, ttl } = switchTargets.record;
    switches.push({ type: 'record', name, hostedZoneId, ttl, switched: false });
  }
  const timeline: TimelineEntry[] = [
    ...(declaredAt && declaredAt <= now ? [{ event: 'declared' as const, at: declaredAt }] : []),
    { event: 'requested', at: now, by: requester.userId },
  ];
  const run: DrRun = {
    ...fields,
    phase: 'awaiting-approval',
    switches,
    timeline,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  if (options.approvedByPolicy) {
    return stamped({ ...run, phase: 'recovering' }, 'approved', now, undefined, options.approvedByPolicy);
  }
  const startsAtOnce =
    !input.drill && declaredAt !== undefined && plan.onCallStartsWithoutApproval && isListed(plan.onCall, requester);
  if (!startsAtOnce) return run;
  return stamped(
    { ...run, phase: 'recovering' },
    'approved',
    now,
    requester.userId,
    'on-call starts without approval in a declared incident (onCallStartsWithoutApproval)',
  );
}

/** Who may ask for a DR run or drill of a plan: its on-call and its approvers. */
export function assertMayRequestDr(plan: RecoveryPlanPolicy, environment: string, principal: Principal): void {
  if (isListed(plan.onCall, principal) || isListed(plan.approvers, principal)) return;
  throw new JobTransitionError(
    `only ${environment}'s on-call and DR approvers may ask for a DR run: ask to be added to disasterRecovery.environments.${environment}.onCall`,
    plan.approvers,
  );
}

/** The first approval: the restore (or failover) starts. Never the requester's own. */
export function approveRecovery(run: DrRun, plan: RecoveryPlanPolicy, principal: Principal, now: Date): DrRun {
  assertApprover(run, plan, principal, run.drill ? 'approve this drill' : 'approve this recovery');
  if (run.phase !== 'awaiting-approval')
    throw new JobTransitionError(`this ${noun(run)} is already ${phaseWords(run)}`);
  return stamped({ ...run, phase: 'recovering' }, 'approved', now, principal.userId);
}

export function rejectRecovery(run: DrRun, plan: RecoveryPlanPolicy, principal: Principal, now: Date): DrRun {
  assertApprover(run, plan, principal, `reject this ${noun(run)}`);
  if (run.phase !== 'awaiting-approval')
    throw new JobTransitionError(`this ${noun(run)} is already ${phaseWords(run)}`);
  return finishDr(stamped(run, 'rejected', now, principal.userId), 'rejected', `rejected by ${principal.userId}`, now);
}

/** The second approval: the endpoints are pointed at the recovered database. Never the requester's. */
export function approveSwitch(run: DrRun, plan: RecoveryPlanPolicy, principal: Principal, now: Date): DrRun {
  if (run.drill) throw new JobTransitionError('a drill never switches anything');
  assertApprover(run, plan, principal, 'approve the switch');
  if (run.phase !== 'awaiting-switch') {
    throw new JobTransitionError(
      run.phase === 'awaiting-approval' || run.phase === 'recovering'
        ? 'the recovered database is not validated yet: the switch can be approved once it is'
        : `this recovery is already ${phaseWords(run)}`,
    );
  }
  return stamped({ ...run, phase: 'switching' }, 'switch-approved', now, principal.userId);
}

/**
 * Switch back: the endpoints get the values they held before the switch. Any of the plan's approvers
 * may, the requester included if listed: it undoes a change, it approves none.
 */
export function switchBack(run: DrRun, plan: RecoveryPlanPolicy, principal: Principal, now: Date): DrRun {
  if (!isListed(plan.approvers, principal)) {
    throw new JobTransitionError(`only a DR approver of ${run.environment} can switch back`, plan.approvers);
  }
  if (run.phase !== 'switched') {
    throw new JobTransitionError(
      run.phase === 'switching'
        ? 'the switch is still being made: switch back once it is done'
        : `this recovery is ${phaseWords(run)}: there is nothing to switch back`,
    );
  }
  return stamped({ ...run, phase: 'switching-back' }, 'switch-back-requested', now, principal.userId);
}

/**
 * Discard: the recovery is not switched to after all (the primary came back); the recovered database
 * is deleted with its final snapshot, as any copy. Only before the switch, and only for a restore: a
 * global database already failed over cannot be undone by the bot, and a table replica is not its.
 */
export function discardRecovery(run: DrRun, plan: RecoveryPlanPolicy, principal: Principal, now: Date): DrRun {
  if (!isListed(plan.approvers, principal)) {
    throw new JobTransitionError(`only a DR approver of ${run.environment} can discard a recovery`, plan.approvers);
  }
  if (run.phase !== 'awaiting-switch') {
    throw new JobTransitionError(
      run.phase === 'switched' || run.phase === 'switching'
        ? 'the application was switched to it: the bot never deletes a database it switched to'
        : `this ${noun(run)} is ${phaseWords(run)}: there is nothing to discard`,
    );
  }
  if (!run.jobId) {
    throw new JobTransitionError(
      run.path.type === 'global-failover'
        ? 'the global database has failed over: the bot cannot undo that; fail it back by hand'
        : 'nothing was restored for it (a global table replica): there is nothing to discard',
    );
  }
  return stamped({ ...run, phase: 'discarding' }, 'discarded', now, principal.userId);
}

/** Adds `event` to the timeline (once: a retried step does not stamp it again). */
export function stamped(run: DrRun, event: TimelineEvent, at: Date, by?: string, detail?: string): DrRun {
  if (run.timeline.some((entry) => entry.event === event)) return run;
  const entry: TimelineEntry = { event, at, ...(by ? { by } : {}), ...(detail ? { detail } : {}) };
  return { ...run, timeline: [...run.timeline, entry], updatedAt: at };
}

export function stampOf(run: Pick<DrRun, 'timeline'>, event: TimelineEvent): Date | undefined {
  return run.timeline.find((entry) => entry.event === event)?.at;
}

export function finishDr(
  run: DrRun,
  phase: 'switched-back' | 'discarded' | 'drilled' | 'failed' | 'rejected',
  outcome: string,
  now: Date,
): DrRun {
  if (isDrRunEnded(run)) return run;
  return { ...run, phase, outcome, updatedAt: now, finishedAt: now };
}

export function failDr(run: DrRun, why: string, now: Date): DrRun {
  return finishDr(stamped(run, 'failed', now, undefined, why), 'failed', why, now);
}

/** The achieved objectives, green or red: RPO the restored point against the incident (or the request), RTO the request to the switch. */
export interface Achieved {
  rpoMs: number;
  rpoMet: boolean;
  /** Undefined until the switch (a drill: until validation, the RTO it would have had). */
  rtoMs?: number;
  rtoMet?: boolean;
}

export function achievedObjectives(run: DrRun, plan: RecoveryPlanPolicy): Achieved {
  const from = stampOf(run, 'declared') ?? stampOf(run, 'requested') ?? run.createdAt;
  const rpoMs = Math.max(0, from.getTime() - run.recoversTo.getTime());
  const requested = stampOf(run, 'requested') ?? run.createdAt;
  const end = run.drill ? stampOf(run, 'validated') : stampOf(run, 'switched');
  const rtoMs = end ? end.getTime() - requested.getTime() : undefined;
  return {
    rpoMs,
    rpoMet: rpoMs <= policyDuration(plan.objectives.rpo),
    ...(rtoMs === undefined ? {} : { rtoMs, rtoMet: rtoMs <= policyDuration(plan.objectives.rto) }),
  };
}

/** What the worker does next for a run. */
export type DrTask =
  | { type: 'start-recovery' }
  | { type: 'follow-recovery' }
  | { type: 'switch' }
  | { type: 'switch-back' }
  | { type: 'discard' }
  | { type: 'none' };

export function nextDrTask(run: DrRun): DrTask {
  switch (run.phase) {
    case 'recovering':
      return run.jobId || run.failoverRequested || run.path.type === 'global-replica'
        ? { type: 'follow-recovery' }
        : { type: 'start-recovery' };
    case 'switching':
      return { type: 'switch' };
    case 'switching-back':
      return { type: 'switch-back' };
    case 'discarding':
      return { type: 'discard' };
    default:
      return { type: 'none' };
  }
}

function assertApprover(run: DrRun, plan: RecoveryPlanPolicy, principal: Principal, what: string): void {
  if (isDrRunEnded(run)) throw new JobTransitionError(`this ${noun(run)} has ${phaseWords(run)}`);
  if (principal.userId === run.requestedBy) {
    throw new JobTransitionError(`you asked for this ${noun(run)}: another DR approver must ${what}`, plan.approvers);
  }
  if (!isListed(plan.approvers, principal)) {
    throw new JobTransitionError(`only a DR approver of ${run.environment} can ${what}`, plan.approvers);
  }
}

function noun(run: Pick<DrRun, 'drill'>): string {
  return run.drill ? 'drill' : 'recovery';
}

function phaseWords(run: Pick<DrRun, 'phase'>): string {
  const words: Record<DrPhase, string> = {
    'awaiting-approval': 'waiting for approval',
    recovering: 'recovering',
    'awaiting-switch': 'validated and waiting for the switch approval',
    switching: 'switching',
    switched: 'switched',
    'switching-back': 'switching back',
    'switched-back': 'been switched back',
    discarding: 'being discarded',
    discarded: 'been discarded',
    drilled: 'ended (the drill is done)',
    failed: 'failed',
    rejected: 'been rejected',
  };
  return words[run.phase];
}
