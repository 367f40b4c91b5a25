import { JobTransitionError } from '../job/errors.js';
import type { Principals } from '../policy.js';
import { isListed, type Principal } from '../policy-rules.js';
import type { RefreshCycle } from './cycle.js';

/**
 * One occurrence of a refresh cycle, from its discovery to its report. There is one per cycle and
 * occurrence (its id says which), so however many workers, ticks and retries there are, an occurrence
 * runs once; every change is a conditional write on `version`, as for jobs.
 */
export interface CycleRun {
  /** `acceptance-refresh#2027-01-18T01:00:00.000Z`: the cycle and the occurrence's instant. */
  id: string;
  cycle: string;
  occurrence: Date;
  /** When it runs: the occurrence, or later after Postpone, or now after Run now. */
  runAt: Date;
  phase: CyclePhase;
  /** Per database (in the cycle's order): the snapshot found for it, or why there is none. */
  databases: DatabasePick[];
  decisions: CycleDecision[];
  /** The reminder before the run was posted (reset by Postpone). */
  reminded: boolean;
  /** Mode pipeline: the execution started for this run. */
  pipelineExecutionId?: string;
  /** The `current` parameters were written: after each restore (mode restore), or on the pipeline's start. */
  currentWritten: boolean;
  /** Why the run failed or was skipped, for the card. */
  outcome?: string;
  createdAt: Date;
  updatedAt: Date;
  finishedAt?: Date;
  version: number;
}

/**
 * discovering: snapshots are being looked up (and DocumentDB's copied in); announced: the card is up,
 * the run waits for its time; running; then one of the three ends.
 */
export type CyclePhase = 'discovering' | 'announced' | 'running' | 'succeeded' | 'failed' | 'skipped';

/** What was found for one database. `snapshotId` is what the run restores; `problem` why there is nothing to. */
export interface DatabasePick {
  /** The target's identifier: the database being refreshed. */
  target: string;
  snapshotId?: string;
  takenAt?: Date;
  /** DocumentDB (and an encrypted RDS snapshot): the shared snapshot the copy was made from. */
  copiedFrom?: string;
  /** The copy being made, by name: the run waits for it before it is announced. */
  copying?: string;
  /** The snapshot is the one acceptance already runs on (`current`). */
  unchanged?: boolean;
  problem?: string;
  /** Mode restore: the replace job the run started for this database, and how it ended. */
  jobId?: string;
  result?: RestoreResult;
}

/** How a database's replace ended, for the report: the validation's summary, or why it failed. */
export interface RestoreResult {
  outcome: 'refreshed' | 'failed';
  detail: string;
  /** From the restore's start to its end. */
  durationMs?: number;
}

export interface CycleDecision {
  type: 'skip' | 'run-now' | 'postpone' | 'approve';
  userId: string;
  at: Date;
}

const ENDED: ReadonlySet<CyclePhase> = new Set(['succeeded', 'failed', 'skipped']);

export function cycleRunId(cycle: string, occurrence: Date): string {
  return `${cycle}#${occurrence.toISOString()}`;
}

export function isEnded(run: Pick<CycleRun, 'phase'>): boolean {
  return ENDED.has(run.phase);
}

/** The run of `occurrence`, as it is first written (by whichever worker gets there first). */
export function newCycleRun(cycle: RefreshCycle, occurrence: Date, now: Date): CycleRun {
  return {
    id: cycleRunId(cycle.name, occurrence),
    cycle: cycle.name,
    occurrence,
    runAt: occurrence,
    phase: 'discovering',
    databases: [],
    decisions: [],
    reminded: false,
    currentWritten: false,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
}

/** Who may Skip, Run now, Postpone or approve a run: an approver of every environment it replaces databases in. */
export function cycleApprovers(cycle: RefreshCycle, approversOf: (environment: string) => Principals | undefined) {
  return [...new Set(cycle.databases.map((database) => database.target.environment))].map((environment) => ({
    environment,
    approvers: approversOf(environment),
  }));
}

export interface DecisionContext {
  cycle: RefreshCycle;
  principal: Principal;
  approversOf(environment: string): Principals | undefined;
  now: Date;
}

/**
 * The snapshots are known: the card goes up. Whether there is anything to run is the runner's to
 * judge. While a copy is still being made, the run stays discovering and the card says so.
 */
export function recordDiscovery(run: CycleRun, databases: DatabasePick[], now: Date): CycleRun {
  if (run.phase !== 'discovering') return run;
  if (databases.some((pick) => pick.copying)) {
    return JSON.stringify(databases) === JSON.stringify(run.databases) ? run : { ...run, databases, updatedAt: now };
  }
  return { ...run, databases, phase: 'announced', updatedAt: now };
}

/** Skip this run: nothing is restored, the next occurrence comes as planned. */
export function skipRun(run: CycleRun, context: DecisionContext): CycleRun {
  assertMayDecide(run, context, 'skip');
  // Who skipped it is the decision's: the card names them its own way.
  return finish(decided(run, context, 'skip'), 'skipped', 'skipped on request', context.now);
}

/**
 * Run now: the run starts at the next tick (and, where approval is required, this is it). A run
 * still finding its snapshots (`/restore refresh <cycle> now` makes one) starts once they are found.
 */
export function runNow(run: CycleRun, context: DecisionContext): CycleRun {
  assertMayDecide(run, context, 'run now');
  return { ...decided(run, context, 'run-now'), runAt: context.now };
}

/** Postpone by the cycle's `postponeBy`: the run and its reminder move that much later. */
export function postponeRun(run: CycleRun, context: DecisionContext): CycleRun {
  assertMayDecide(run, context, 'postpone');
  const from = run.runAt > context.now ? run.runAt : context.now;
  return {
    ...decided(run, context, 'postpone'),
    runAt: new Date(from.getTime() + context.cycle.postponeByMs),
    reminded: false,
  };
}

/** Approve the run, where the cycle requires a person to. */
export function approveRun(run: CycleRun, context: DecisionContext): CycleRun {
  if (!context.cycle.approvalRequired) throw new JobTransitionError('this cycle runs without approval');
  assertMayDecide(run, context, 'approve');
  if (isApproved(run)) throw new JobTransitionError('this run is already approved');
  return decided(run, context, 'approve');
}

export function isApproved(run: Pick<CycleRun, 'decisions'>): boolean {
  return run.decisions.some((decision) => decision.type === 'approve' || decision.type === 'run-now');
}

export function markReminded(run: CycleRun, now: Date): CycleRun {
  return { ...run, reminded: true, updatedAt: now };
}

export function startRun(run: CycleRun, now: Date): CycleRun {
  if (run.phase !== 'announced') return run;
  return { ...run, phase: 'running', updatedAt: now };
}

/** The run ends: succeeded, failed (with why) or skipped (nothing new, with why). */
export function finish(
  run: CycleRun,
  phase: 'succeeded' | 'failed' | 'skipped',
  outcome: string | undefined,
  now: Date,
): CycleRun {
  if (isEnded(run)) return run;
  return { ...run, phase, ...(outcome ? { outcome } : {}), updatedAt: now, finishedAt: now };
}

/** What the runner does next for a run. */
export type CycleTask =
  | { type: 'discover' }
  | { type: 'remind' }
  | { type: 'start' }
  | { type: 'await-approval' }
  | { type: 'follow' }
  | { type: 'none' };

export function nextCycleTask(run: CycleRun, cycle: RefreshCycle, now: Date): CycleTask {
  switch (run.phase) {
    case 'discovering':
      return { type: 'discover' };
    case 'announced': {
      if (now >= run.runAt)
        return cycle.approvalRequired && !isApproved(run) ? { type: 'await-approval' } : { type: 'start' };
      if (!run.reminded && now.getTime() >= run.runAt.getTime() - cycle.remindBeforeMs) return { type: 'remind' };
      return { type: 'none' };
    }
    case 'running':
      return { type: 'follow' };
    default:
      return { type: 'none' };
  }
}

function decided(run: CycleRun, context: DecisionContext, type: CycleDecision['type']): CycleRun {
  const decision = { type, userId: context.principal.userId, at: context.now };
  return { ...run, decisions: [...run.decisions, decision], updatedAt: context.now };
}

function assertMayDecide(run: CycleRun, context: DecisionContext, what: string): void {
  if (isEnded(run)) throw new JobTransitionError(`this run has already ${endedWords(run)}`);
  if (run.phase === 'running') throw new JobTransitionError(`this run is already running: too late to ${what}`);
  for (const { environment, approvers } of cycleApprovers(context.cycle, context.approversOf)) {
    if (!approvers || !isListed(approvers, context.principal)) {
      throw new JobTransitionError(`only an approver for ${environment} can ${what} a refresh`, approvers);
    }
  }
}

function endedWords(run: CycleRun): string {
  return run.phase === 'skipped' ? 'been skipped' : run.phase === 'failed' ? 'failed' : 'run';
}
