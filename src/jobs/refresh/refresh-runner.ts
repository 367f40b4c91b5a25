import { RestoreInputError } from '../../domain/errors.js';
import { JobConflictError, TargetBusyError } from '../../domain/job/errors.js';
import type { DatabaseKind } from '../../domain/kinds.js';
import type { Policy } from '../../domain/policy.js';
import type { Clock } from '../../domain/ports/clock.js';
import type { CycleRunRepository } from '../../domain/ports/cycle-runs.js';
import type { DatabaseDriver } from '../../domain/ports/database-driver.js';
import {
  type ParameterStore,
  PipelineStartRefusedError,
  type Pipelines,
  type SnapshotCopies,
} from '../../domain/ports/refresh.js';
import { nextOccurrence, occurrenceAt } from '../../domain/refresh/cadence.js';
import type { RefreshCycle } from '../../domain/refresh/cycle.js';
import {
  type CycleRun,
  type DatabasePick,
  finish,
  markReminded,
  newCycleRun,
  nextCycleTask,
  recordDiscovery,
  startRun,
} from '../../domain/refresh/cycle-run.js';
import { pickSnapshot } from '../../domain/refresh/discovery.js';
import {
  refreshApproval,
  refreshOutcome,
  refreshRestoreRequest,
  restoreResultOf,
} from '../../domain/refresh/refresh-restores.js';
import { pickOfCopy, refreshCopyIdentifier, refreshCopyTags } from '../../domain/refresh/snapshot-copy.js';
import { mustCopyFirst } from '../../domain/restore-method.js';
import type { RestoreCandidate } from '../../domain/source.js';
import { jobIdFor } from '../job-id.js';
import type { JobService } from '../job-service.js';

export interface RefreshRunnerDeps {
  cycles: readonly RefreshCycle[];
  runs: CycleRunRepository;
  policy: Pick<Policy, 'environments'>;
  clock: Clock;
  driverFor(kind: DatabaseKind, environment: string): DatabaseDriver;
  parametersIn(environment: string): ParameterStore;
  pipelinesIn(environment: string): Pipelines;
  snapshotCopiesIn(environment: string): SnapshotCopies;
  /** Mode restore: the job service that plans and starts the replaces, and reads how they stand. */
  jobs: Pick<JobService, 'requestScheduled' | 'get'>;
  /** Told of every saved change to a run: the channel's card follows it. */
  runChanged?(run: CycleRun, cycle: RefreshCycle): Promise<void>;
  workerId: string;
  claimMs?: number;
  log?(message: string, detail?: object): void;
}

const DEFAULT_CLAIM_MS = 45_000;
const ENDED_PIPELINE = new Set(['Failed', 'Stopped', 'Superseded', 'Cancelled']);

/**
 * Drives the policy's refresh cycles on the worker's tick: makes each occurrence's run when its
 * announcement is due (once, whoever gets there first), finds its snapshots and writes `latest`,
 * reminds, and at its time (mode pipeline) starts the pipeline with a token of the run's, writes
 * `current`, and follows the execution to its end. A run is claimed before anything is done to it,
 * and each step is idempotent, so a worker killed anywhere leaves the next tick to carry on.
 */
export class RefreshRunner {
  private readonly claimMs: number;

  constructor(private readonly deps: RefreshRunnerDeps) {
    this.claimMs = deps.claimMs ?? DEFAULT_CLAIM_MS;
  }

  async tick(): Promise<void> {
    const now = this.deps.clock.now();
    for (const cycle of this.deps.cycles) await this.createDueRun(cycle, now);
    const open = await this.deps.runs.listOpen();
    for (const run of open) {
      const cycle = this.deps.cycles.find((candidate) => candidate.name === run.cycle);
      if (!cycle) continue;
      await this.advance(run, cycle).catch((error: Error) => {
        this.deps.log?.('refresh run not advanced', { runId: run.id, error: error.message });
      });
    }
  }

  /** The next occurrence's run, once its announcement is due; a late worker still makes the last one's. */
  private async createDueRun(cycle: RefreshCycle, now: Date): Promise<void> {
    const next = nextOccurrence(cycle, now);
    const previous = next.index > 0 ? occurrenceAt(cycle, next.index - 1) : undefined;
    const due = [
      ...(previous && now.getTime() - previous.getTime() < cycle.announceBeforeMs ? [previous] : []),
      ...(now.getTime() >= next.at.getTime() - cycle.announceBeforeMs ? [next.at] : []),
    ];
    for (const occurrence of due) await this.deps.runs.create(newCycleRun(cycle, occurrence, now));
  }

  private async advance(stored: CycleRun, cycle: RefreshCycle): Promise<void> {
    const now = this.deps.clock.now();
    const task = nextCycleTask(stored, cycle, now);
    if (task.type === 'none' || task.type === 'await-approval') return;
    if (!(await this.deps.runs.claim(stored, this.deps.workerId, now, new Date(now.getTime() + this.claimMs)))) return;
    let run = stored;
    switch (task.type) {
      case 'discover':
        run = recordDiscovery(run, await this.discover(cycle), now);
        break;
      case 'remind':
        run = markReminded(run, now);
        break;
      case 'start':
        run = this.startOrEnd(run, cycle, now);
        break;
      case 'follow':
        run = await this.follow(run, cycle, now);
        break;
    }
    if (run === stored) return;
    try {
      const saved = await this.deps.runs.save(run);
      await this.deps.runChanged?.(saved, cycle).catch((error: Error) => {
        this.deps.log?.('refresh card not updated', { runId: saved.id, error: error.message });
      });
    } catch (error) {
      // Someone pressed a button meanwhile: their change stands, the next tick goes on from it.
      if (!(error instanceof JobConflictError)) throw error;
    }
  }

  /**
   * Per database: the snapshot to restore, written to `latest` (a pinned one is kept), or why there
   * is none. A shared snapshot AWS restores only from a copy (DocumentDB's, an encrypted instance's)
   * is copied in first with the environment's key, and the copy is what the run restores.
   */
  private async discover(cycle: RefreshCycle): Promise<DatabasePick[]> {
    const picks = [];
    for (const database of cycle.databases) {
      const environment = database.target.environment;
      const parameters = this.deps.parametersIn(environment);
      const [candidates, latest, current] = await Promise.all([
        this.deps.driverFor(database.kind, environment).listRestoreCandidates({ includeShared: true }),
        parameters.get(database.parameters.latest),
        parameters.get(database.parameters.current),
      ]);
      const productionAccountId = this.deps.policy.environments[database.source.environment]?.accountId ?? '';
      let pick = pickSnapshot({
        database,
        candidates,
        productionAccountId,
        ...(latest ? { latest } : {}),
        ...(current ? { current } : {}),
      });
      const shared = candidates.find((candidate) => candidate.arn === pick.snapshotId);
      if (shared && mustCopyFirst(database.kind, shared)) {
        pick = await this.copyIn(cycle, database, shared, candidates, current);
      }
      if (pick.snapshotId && pick.snapshotId !== latest)
        await parameters.put(database.parameters.latest, pick.snapshotId);
      picks.push(pick);
    }
    return picks;
  }

  private async copyIn(
    cycle: RefreshCycle,
    database: RefreshCycle['databases'][number],
    shared: RestoreCandidate,
    candidates: readonly RestoreCandidate[],
    current: string | undefined,
  ): Promise<DatabasePick> {
    const copyIdentifier = refreshCopyIdentifier(shared);
    const copy = candidates.find((candidate) => !candidate.shared && candidate.id === copyIdentifier);
    const target = database.target.identifier;
    if (!copy) {
      const environment = database.target.environment;
      const kmsKeyId = this.deps.policy.environments[environment]?.restoreDefaults?.[database.kind]?.kmsKeyId;
      if (shared.encrypted && !kmsKeyId) {
        return {
          target,
          problem: `${shared.id} is encrypted: copying it into ${environment} needs restoreDefaults.${database.kind}.kmsKeyId in the policy`,
        };
      }
      await this.deps.snapshotCopiesIn(environment).copyShared({
        kind: database.kind === 'docdb-cluster' ? 'docdb-cluster' : 'rds-instance',
        snapshotArn: shared.arn,
        copyIdentifier,
        ...(shared.encrypted && kmsKeyId ? { kmsKeyId } : {}),
        tags: refreshCopyTags(shared, cycle.name),
      });
    }
    return pickOfCopy({ target, shared, copy, ...(current ? { current } : {}) });
  }

  /** At its time: runs, or ends at once when a database has no snapshot, or nothing is new and the cycle skips then. */
  private startOrEnd(run: CycleRun, cycle: RefreshCycle, now: Date): CycleRun {
    const problems = run.databases.filter((pick) => pick.problem);
    if (problems.length > 0) {
      return finish(run, 'failed', problems.map((pick) => `${pick.target}: ${pick.problem}`).join('; '), now);
    }
    if (cycle.whenNothingNew === 'skip' && run.databases.every((pick) => pick.unchanged)) {
      return finish(run, 'skipped', 'nothing new since the last refresh', now);
    }
    return startRun(run, now);
  }

  private follow(run: CycleRun, cycle: RefreshCycle, now: Date): Promise<CycleRun> {
    return cycle.mode === 'pipeline' ? this.followPipeline(run, cycle, now) : this.followRestores(run, cycle, now);
  }

  /**
   * Mode restore: one replace job per database, under ids the run derives (a retried start finds
   * them), then each one's end: `current` is written for a database once its restore succeeded.
   */
  private async followRestores(run: CycleRun, cycle: RefreshCycle, now: Date): Promise<CycleRun> {
    const { jobs } = this.deps;
    if (run.databases.some((pick) => !pick.jobId)) return this.startRestores(run, cycle, jobs, now);
    const databases = [];
    for (const [index, pick] of run.databases.entries()) {
      const result = pick.result ?? restoreResultOf(await jobs.get(pick.jobId ?? ''));
      const database = cycle.databases[index];
      if (!pick.result && result?.outcome === 'refreshed' && database && pick.snapshotId) {
        await this.deps.parametersIn(database.target.environment).put(database.parameters.current, pick.snapshotId);
      }
      databases.push(result ? { ...pick, result } : pick);
    }
    const changed = databases.some((pick, index) => pick.result !== run.databases[index]?.result);
    if (!changed) return run;
    const updated = {
      ...run,
      databases,
      currentWritten: databases.some((pick) => pick.result?.outcome === 'refreshed'),
      updatedAt: now,
    };
    if (databases.some((pick) => !pick.result)) return updated;
    const { phase, outcome } = refreshOutcome(databases);
    return finish(updated, phase, outcome, now);
  }

  private async startRestores(
    run: CycleRun,
    cycle: RefreshCycle,
    jobs: Pick<JobService, 'requestScheduled'>,
    now: Date,
  ): Promise<CycleRun> {
    const approval = refreshApproval(run, cycle);
    const restores = cycle.databases.map((database, index) => ({
      jobId: refreshJobId(run, index),
      request: refreshRestoreRequest(cycle, database, run.databases[index] ?? { target: '' }, run),
      approval,
    }));
    try {
      const started = await jobs.requestScheduled(restores);
      return {
        ...run,
        databases: run.databases.map((pick, index) => ({ ...pick, jobId: started[index]?.id ?? '' })),
        updatedAt: now,
      };
    } catch (error) {
      // The policy or AWS refuses a replace (a protected target, a snapshot gone, a restore already
      // running there): all are planned before any is made, so the run ends having started none.
      if (!(error instanceof RestoreInputError || error instanceof TargetBusyError)) throw error;
      return finish(run, 'failed', `the replaces could not start: ${error.message}`, now);
    }
  }

  /** Mode pipeline: start it (once, by the run's token), write `current`, then follow the execution. */
  private async followPipeline(run: CycleRun, cycle: RefreshCycle, now: Date): Promise<CycleRun> {
    const environment = cycle.databases[0]?.target.environment ?? '';
    const name = await this.pipelineName(cycle, environment);
    if (!name) {
      return finish(
        run,
        'failed',
        `the parameter ${cycle.pipeline?.nameParameter} that names the pipeline is missing`,
        now,
      );
    }
    const pipelines = this.deps.pipelinesIn(environment);
    if (!run.pipelineExecutionId) {
      let executionId: string;
      try {
        ({ executionId } = await pipelines.start(name, {
          clientRequestToken: pipelineToken(run),
          variables: pipelineVariables(run, cycle),
        }));
      } catch (error) {
        if (!(error instanceof PipelineStartRefusedError)) throw error;
        return finish(run, 'failed', `pipeline ${name} did not start: ${error.message}`, now);
      }
      // `current` changes when the pipeline is started, not before: a run that never starts leaves it as it was.
      const parameters = this.deps.parametersIn(environment);
      for (const [index, database] of cycle.databases.entries()) {
        const snapshotId = run.databases[index]?.snapshotId;
        if (snapshotId) await parameters.put(database.parameters.current, snapshotId);
      }
      return { ...run, pipelineExecutionId: executionId, currentWritten: true, updatedAt: now };
    }
    const execution = await pipelines.execution(name, run.pipelineExecutionId);
    if (execution.status === 'Succeeded')
      return finish(run, 'succeeded', `pipeline ${name} succeeded: ${execution.link}`, now);
    if (ENDED_PIPELINE.has(execution.status)) {
      const why = execution.summary ? ` (${execution.summary})` : '';
      return finish(run, 'failed', `pipeline ${name} ${execution.status.toLowerCase()}${why}: ${execution.link}`, now);
    }
    return run;
  }

  private async pipelineName(cycle: RefreshCycle, environment: string): Promise<string | undefined> {
    if (cycle.pipeline?.name) return cycle.pipeline.name;
    if (!cycle.pipeline?.nameParameter) return undefined;
    return this.deps.parametersIn(environment).get(cycle.pipeline.nameParameter);
  }
}

/** The snapshot ids, as the pipeline variables the policy names for them (none unless it names some). */
export function pipelineVariables(run: Pick<CycleRun, 'databases'>, cycle: RefreshCycle): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [index, database] of cycle.databases.entries()) {
    const snapshotId = run.databases[index]?.snapshotId;
    if (database.pipelineVariable && snapshotId) variables[database.pipelineVariable] = snapshotId;
  }
  return variables;
}

/** The job id of a run's replace of its `index`-th database: the same on every retry of the start. */
export function refreshJobId(run: Pick<CycleRun, 'id'>, index: number): string {
  return jobIdFor(`refresh:${run.id}#${index}`);
}

/** CodePipeline's token (`[a-zA-Z0-9-]+`) for this run: a retried start is the same start. */
export function pipelineToken(run: Pick<CycleRun, 'cycle' | 'occurrence'>): string {
  return `${run.cycle}-${run.occurrence
    .toISOString()
    .replace(/[^0-9]/g, '')
    .slice(0, 12)}`;
}
