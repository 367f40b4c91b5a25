import { JobConflictError, JobTransitionError } from '../../domain/job/errors.js';
import type { Policy } from '../../domain/policy.js';
import type { Principal } from '../../domain/policy-rules.js';
import type { Clock } from '../../domain/ports/clock.js';
import type { CycleRunRepository } from '../../domain/ports/cycle-runs.js';
import { nextOccurrence, occurrenceAt } from '../../domain/refresh/cadence.js';
import type { RefreshCycle } from '../../domain/refresh/cycle.js';
import { type CycleRun, type DecisionContext, isEnded, newCycleRun, runNow } from '../../domain/refresh/cycle-run.js';

export interface RunDecisionDeps {
  runs: CycleRunRepository;
  policy: Pick<Policy, 'environments'>;
  clock: Clock;
}

const approversIn = (policy: RunDecisionDeps['policy']) => (environment: string) =>
  policy.environments[environment]?.approvers;

/** A decision that keeps meeting newer versions of the run is given up after this many tries. */
const ATTEMPTS = 3;

/**
 * A person's decision on a run (Skip, Run now, Postpone, Approve): the domain decides whether they
 * may, one conditional write records it, and a write that met a newer version is re-applied to that
 * one, so a click racing the worker still lands (or is refused for the run as it now stands).
 */
export async function decideOnRun(
  deps: RunDecisionDeps,
  stored: CycleRun,
  cycle: RefreshCycle,
  principal: Principal,
  decide: (run: CycleRun, context: DecisionContext) => CycleRun,
): Promise<CycleRun> {
  const approversOf = approversIn(deps.policy);
  let run: CycleRun | undefined = stored;
  for (let attempt = 0; attempt < ATTEMPTS && run; attempt += 1) {
    try {
      return await deps.runs.save(decide(run, { cycle, principal, approversOf, now: deps.clock.now() }));
    } catch (error) {
      if (!(error instanceof JobConflictError)) throw error;
      run = await deps.runs.get(stored.id);
    }
  }
  throw new JobTransitionError('too many changes at once on this refresh: nothing was changed, press again');
}

/**
 * `/restore refresh <cycle> now`: the cycle's open run, or else its next occurrence's (made now,
 * as a worker would make it a day ahead), is brought forward to now, with the same approvals as
 * Run now on the card. Whether the person may is checked before any run is made for them.
 */
export async function runCycleNow(deps: RunDecisionDeps, cycle: RefreshCycle, principal: Principal): Promise<CycleRun> {
  const now = deps.clock.now();
  const next = nextOccurrence(cycle, now);
  const approversOf = approversIn(deps.policy);
  runNow(newCycleRun(cycle, next.at, now), { cycle, principal, approversOf, now });
  const open = (await deps.runs.listOpen()).find((run) => run.cycle === cycle.name);
  const run = open ?? (await firstOpenOccurrence(deps, cycle, next.index, now));
  return decideOnRun(deps, run, cycle, principal, runNow);
}

/** The next occurrence's run, or the one after when that one already ran (brought forward before). */
async function firstOpenOccurrence(
  deps: RunDecisionDeps,
  cycle: RefreshCycle,
  index: number,
  now: Date,
): Promise<CycleRun> {
  const run = await deps.runs.create(newCycleRun(cycle, occurrenceAt(cycle, index), now));
  if (!isEnded(run)) return run;
  return deps.runs.create(newCycleRun(cycle, occurrenceAt(cycle, index + 1), now));
}
