import { drillScorecard, drRestoreMethod, drRestoreRequest } from '../../domain/dr/dr-restores.js';
import { type DrRun, failDr, finishDr, nextDrTask, stamped } from '../../domain/dr/dr-run.js';
import type { DisasterRecoveryPolicy, DrillSchedule } from '../../domain/dr/dr-schema.js';
import { RestoreInputError } from '../../domain/errors.js';
import { JobConflictError, TargetBusyError } from '../../domain/job/errors.js';
import type { Job } from '../../domain/job/job.js';
import type { Clock } from '../../domain/ports/clock.js';
import type { DrRunRepository } from '../../domain/ports/dr-runs.js';
import type { DatabaseEndpoints, DnsRecords, GlobalClusters, RecoveryProbe } from '../../domain/ports/recovery.js';
import type { ParameterStore } from '../../domain/ports/refresh.js';
import { nextOccurrence, occurrenceAt } from '../../domain/refresh/cadence.js';
import type { JobService } from '../job-service.js';
import { drJobId } from './dr-run-id.js';

/** What the runner reaches in one plan's DR environment (and, for the probe, its primary). */
export interface DrAdapters {
  parameters: ParameterStore;
  records: DnsRecords;
  globalClusters: GlobalClusters;
  endpoints: DatabaseEndpoints;
  probe: RecoveryProbe;
}

export interface DrRunnerDeps {
  runs: DrRunRepository;
  disasterRecovery: DisasterRecoveryPolicy;
  clock: Clock;
  /** The adapters of the plan of the production environment named. */
  adaptersFor(environment: string): DrAdapters;
  jobs: Pick<JobService, 'requestScheduled' | 'get' | 'deleteCopyNow' | 'discardCopy'>;
  /** Told of every saved change: the incident channel's card follows it. */
  runChanged?(run: DrRun): Promise<void>;
  workerId: string;
  claimMs?: number;
  /** Advances one job now (the worker's `advance`): a DR run's restore is followed closely. */
  advanceJob?(jobId: string): Promise<unknown>;
  /** Waits `ms` (real timers on Lambda; a test's or benchmark's clock moves instead). */
  sleep?(ms: number): Promise<void>;
  /** The policy's drill schedules: each occurrence's runs are made on the first tick after it. */
  drills?: {
    schedules: readonly DrillSchedule[];
    /** Makes (once) the drill's run of one database for an occurrence. */
    request(drill: DrillSchedule, database: DrillSchedule['databases'][number], occurrence: Date): Promise<DrRun>;
    /** Tells the drill's channel (once per occurrence and database) why a drill could not be made. */
    report(
      drill: DrillSchedule,
      database: DrillSchedule['databases'][number],
      occurrence: Date,
      problem: string,
    ): Promise<void>;
  };
  log?(message: string, detail?: object): void;
}

const DEFAULT_CLAIM_MS = 45_000;
/** While a DR run waits on AWS, the worker looks again this often within its invocation... */
export const CLOSE_FOLLOW_EVERY_MS = 10_000;
/** ...for at most this long: under the worker's 55-second timeout, before the next tick comes. */
export const CLOSE_FOLLOW_BUDGET_MS = 40_000;
const WAITING_ON_AWS = new Set(['recovering', 'switching', 'switching-back']);
/** A scheduled drill is made up to this long after its time, never later. */
const DRILL_GRACE_MS = 3_600_000;
/** Steps one advance may take in a row (validated → switch approved → written): none waits for a tick it need not. */
const STEPS_PER_ADVANCE = 6;

/**
 * Drives DR runs on the worker's tick, and at once when a button kicks one: starts the restore (a job
 * of the ordinary worker, into the DR environment) or the global database's failover, follows it to
 * validation, then, once the switch is approved, points each endpoint at the recovered database and
 * waits for Route 53's INSYNC; Switch back puts the values read before the switch back. A run is
 * claimed before anything is done to it; each step reads before it writes, so a worker killed
 * anywhere leaves the next tick to carry on without a second restore, failover or write.
 */
export class DrRunner {
  private readonly claimMs: number;

  constructor(private readonly deps: DrRunnerDeps) {
    this.claimMs = deps.claimMs ?? DEFAULT_CLAIM_MS;
  }

  async tick(): Promise<void> {
    await this.startDueDrills();
    for (const run of await this.deps.runs.listOpen()) {
      await this.advanceRun(run).catch((error: Error) => {
        this.deps.log?.('DR run not advanced', { runId: run.id, error: error.message });
      });
    }
  }

  /**
   * A scheduled drill's occurrence is drilled on the first tick after it (within DRILL_GRACE_MS: a
   * worker down for longer does not drill hours late). Its runs' ids come from the occurrence, so
   * every tick after that finds them made. A database with no path is reported in the channel.
   */
  private async startDueDrills(): Promise<void> {
    const drills = this.deps.drills;
    if (!drills) return;
    const now = this.deps.clock.now();
    for (const drill of drills.schedules) {
      const next = nextOccurrence(drill, now);
      if (next.index === 0) continue;
      const occurrence = occurrenceAt(drill, next.index - 1);
      if (now.getTime() - occurrence.getTime() > DRILL_GRACE_MS) continue;
      for (const database of drill.databases) {
        try {
          const run = await drills.request(drill, database, occurrence);
          if (run.version === 0) await this.deps.runChanged?.(run);
        } catch (error) {
          if (!(error instanceof RestoreInputError)) {
            this.deps.log?.('scheduled drill not made', { drill: drill.name, error: (error as Error).message });
            continue;
          }
          await drills.report(drill, database, occurrence, error.message).catch((failure: Error) => {
            this.deps.log?.('scheduled drill problem not reported', { drill: drill.name, error: failure.message });
          });
        }
      }
    }
  }

  /**
   * In an incident a minute between looks is a minute of RTO per step. While a DR run waits on AWS,
   * the scheduled tick's invocation stays, looking again every CLOSE_FOLLOW_EVERY_MS at that run and
   * its restore job only, for CLOSE_FOLLOW_BUDGET_MS; with no DR run open it returns at once.
   */
  async followClosely(budgetMs = CLOSE_FOLLOW_BUDGET_MS, everyMs = CLOSE_FOLLOW_EVERY_MS): Promise<void> {
    const { clock, sleep, advanceJob } = this.deps;
    if (!sleep) return;
    const deadline = clock.now().getTime() + budgetMs;
    while (clock.now().getTime() + everyMs <= deadline) {
      const waiting = (await this.deps.runs.listOpen()).filter((run) => WAITING_ON_AWS.has(run.phase));
      if (waiting.length === 0) return;
      await sleep(everyMs);
      for (const run of waiting) {
        if (run.jobId && run.phase === 'recovering') await advanceJob?.(run.jobId);
        await this.advance(run.id).catch((error: Error) => {
          this.deps.log?.('DR run not advanced', { runId: run.id, error: error.message });
        });
      }
    }
  }

  /** A kick (a button was pressed): the run's next steps now rather than at the next tick. */
  async advance(runId: string): Promise<void> {
    const run = await this.deps.runs.get(runId);
    if (run) await this.advanceRun(run);
  }

  private async advanceRun(stored: DrRun): Promise<void> {
    if (nextDrTask(stored).type === 'none') return;
    if (!(await this.claim(stored))) return;
    let run = stored;
    for (let step = 0; step < STEPS_PER_ADVANCE; step += 1) {
      const next = await this.step(run);
      if (next === run) return;
      try {
        run = await this.deps.runs.save(next);
      } catch (error) {
        // Someone pressed a button meanwhile: their change stands, the next tick goes on from it.
        if (error instanceof JobConflictError) return;
        throw error;
      }
      await this.deps.runChanged?.(run).catch((error: Error) => {
        this.deps.log?.('DR card not updated', { runId: run.id, error: error.message });
      });
      if (nextDrTask(run).type === 'none') return;
      // Saved: the claim went with the save; take it again to go on.
      if (!(await this.claim(run))) return;
    }
  }

  private claim(run: DrRun): Promise<boolean> {
    const now = this.deps.clock.now();
    return this.deps.runs.claim(run, this.deps.workerId, now, new Date(now.getTime() + this.claimMs));
  }

  private async step(run: DrRun): Promise<DrRun> {
    const now = this.deps.clock.now();
    switch (nextDrTask(run).type) {
      case 'start-recovery':
        return this.startRecovery(run, now);
      case 'follow-recovery':
        return this.followRecovery(run, now);
      case 'switch':
        return this.switch(run, now);
      case 'switch-back':
        return this.switchBack(run, now);
      case 'discard':
        return this.discard(run, now);
      case 'none':
        return run;
    }
  }

  private async startRecovery(run: DrRun, now: Date): Promise<DrRun> {
    const { path } = run;
    if (path.type === 'global-failover') {
      const kind = globalKind(run);
      const clusters = this.adapters(run).globalClusters;
      const state = await clusters.state(kind, path.secondary.globalClusterId);
      const target = path.secondary.clusterArn;
      // Read first: a failover this run already asked for (its worker died before saving) is not asked again.
      if (state.writerArn !== target && state.failingOverTo !== target) {
        await clusters.failover(kind, path.secondary.globalClusterId, target);
      }
      return stamped(
        { ...run, failoverRequested: true },
        'restore-started',
        now,
        undefined,
        'FailoverGlobalCluster, AllowDataLoss',
      );
    }
    const approval = run.timeline.find((entry) => entry.event === 'approved');
    try {
      const [job] = await this.deps.jobs.requestScheduled([
        {
          jobId: drJobId(run),
          request: drRestoreRequest(run),
          method: drRestoreMethod(run),
          approval: {
            ...(approval?.by && approval.by !== run.requestedBy ? { approvedBy: approval.by } : {}),
            detail: approval?.detail ?? `approved on the ${run.drill ? 'DR drill' : 'DR'} card`,
          },
        },
      ]);
      if (!job) return run;
      return stamped({ ...run, jobId: job.id }, 'restore-started', now, undefined, `restore job ${job.id}`);
    } catch (error) {
      // The policy or AWS refuses the restore (a name taken, a target busy): nothing was started.
      if (!(error instanceof RestoreInputError || error instanceof TargetBusyError)) throw error;
      return failDr(run, `the restore could not start: ${error.message}`, now);
    }
  }

  private async followRecovery(run: DrRun, now: Date): Promise<DrRun> {
    switch (run.path.type) {
      case 'global-failover':
        return this.followFailover(run, now);
      case 'global-replica':
        return this.followReplica(run, now);
      default:
        return this.followJob(run, await this.deps.jobs.get(run.jobId ?? ''), now);
    }
  }

  private async followJob(run: DrRun, job: Job, now: Date): Promise<DrRun> {
    let next = run;
    const restored = job.execution?.steps.find((step) => step.name === 'restore' && step.endedAt && !step.error);
    if (restored?.endedAt)
      next = stamped(next, 'available', restored.endedAt, undefined, `${run.database.restoreAs} is available`);
    if (job.status === 'running' || job.status === 'awaiting_approval') return next;
    if (job.status !== 'succeeded') {
      return failDr(next, `the restore ${job.status}: ${job.execution?.failure ?? 'see its job card'}`, now);
    }
    const checks = job.execution?.validation ?? [];
    const failed = checks.filter((check) => check.result === 'failed').length;
    next = stamped(
      next,
      'validated',
      job.finishedAt ?? now,
      undefined,
      `${checks.length - failed} of ${checks.length} checks passed`,
    );
    return this.recovered(next, now);
  }

  private async followFailover(run: DrRun, now: Date): Promise<DrRun> {
    if (run.path.type !== 'global-failover') return run;
    const state = await this.adapters(run).globalClusters.state(globalKind(run), run.path.secondary.globalClusterId);
    if (state.writerArn !== run.path.secondary.clusterArn || state.status !== 'available') return run;
    const writer = `${run.path.secondary.clusterIdentifier} takes writes (global database ${run.path.secondary.globalClusterId} ${state.status})`;
    const next = stamped(
      stamped(run, 'available', now, undefined, writer),
      'validated',
      now,
      undefined,
      'the secondary is the writer',
    );
    return this.recovered(next, now);
  }

  private async followReplica(run: DrRun, now: Date): Promise<DrRun> {
    const facts = await this.adapters(run).probe.facts(run.database);
    const status = facts.tableReplica?.status;
    if (status !== 'ACTIVE') {
      return status === undefined
        ? failDr(run, `${run.database.identifier} has no replica in ${run.drRegion} any more`, now)
        : run;
    }
    const next = stamped(stamped(run, 'available', now, undefined, 'the replica is ACTIVE'), 'validated', now);
    return this.recovered(next, now);
  }

  /** Validated: a drill expires its copy and ends with its scorecard; a run waits for the switch approval. */
  private async recovered(run: DrRun, now: Date): Promise<DrRun> {
    const endpoint =
      run.path.type === 'global-replica'
        ? run.path.tableArn
        : await this.adapters(run).endpoints.endpointOf(
            run.database.kind,
            run.path.type === 'global-failover' ? run.path.secondary.clusterIdentifier : run.database.restoreAs,
          );
    const next = { ...run, ...(endpoint ? { endpoint } : {}), updatedAt: now };
    if (!run.drill) return { ...next, phase: 'awaiting-switch' };
    let expired = next;
    if (run.jobId) {
      // The copy is deleted (with its final snapshot) by the worker, as any copy: Delete now on its job.
      const requester = { userId: run.requestedBy, userGroupIds: [] };
      try {
        await this.deps.jobs.deleteCopyNow(run.jobId, requester);
        expired = stamped(next, 'copy-expired', now, undefined, `${run.database.restoreAs} is being deleted`);
      } catch (error) {
        // Said by its absence from the timeline; the copy still expires at its own time.
        this.deps.log?.('drill copy not expired', { runId: run.id, error: (error as Error).message });
      }
    }
    return finishDr(expired, 'drilled', drillScorecard(expired, this.plan(run)), now);
  }

  /**
   * The switch, in three kinds of tick: read every endpoint's value (saved before any write, so Switch
   * back has it even if the worker dies mid-write), then write each (only where it does not hold the
   * recovered endpoint already), then wait for Route 53's INSYNC.
   */
  private async switch(run: DrRun, now: Date): Promise<DrRun> {
    const adapters = this.adapters(run);
    const { parameters, records } = adapters;
    const endpoint = run.endpoint;
    if (!endpoint) return failDr(run, 'the recovered database has no endpoint to switch to', now);
    if (run.switches.some((target) => target.previous === undefined)) {
      const switches = await Promise.all(
        run.switches.map(async (target) =>
          target.previous !== undefined
            ? target
            : {
                ...target,
                previous:
                  (target.type === 'parameter'
                    ? await parameters.get(target.name)
                    : await records.read(target.hostedZoneId ?? '', target.name)) ?? '',
              },
        ),
      );
      return { ...run, switches, updatedAt: now };
    }
    const { switches, done } = await this.writeAll(adapters, run, 'switched', () => endpoint);
    if (!done) return switches === run.switches ? run : { ...run, switches, updatedAt: now };
    // Every endpoint switched (or none to switch: the policy names none for this database).
    const what = switches.length > 0 ? describeSwitches(switches) : 'nothing to switch: the policy names no endpoint';
    return stamped({ ...run, switches, phase: 'switched', updatedAt: now }, 'switched', now, undefined, what);
  }

  private async switchBack(run: DrRun, now: Date): Promise<DrRun> {
    // An endpoint that had no value before the switch is left as it is: there is nothing to put back.
    const { switches, done } = await this.writeAll(
      this.adapters(run),
      run,
      'switchedBack',
      (target) => target.previous,
    );
    const next = { ...run, switches, updatedAt: now };
    if (!done) return switches === run.switches ? run : next;
    return finishDr(
      stamped(next, 'switched-back', now, undefined, describeSwitches(switches, 'previous')),
      'switched-back',
      'switched back: every endpoint has its value from before the switch',
      now,
    );
  }

  /**
   * Discarded: the recovered database is deleted now, with its final snapshot, by its job as any copy.
   * A job whose copy already expires (a worker died after asking) is not asked again.
   */
  private async discard(run: DrRun, now: Date): Promise<DrRun> {
    const job = await this.deps.jobs.get(run.jobId ?? '');
    if (!job.expiry) {
      const by = run.timeline.find((entry) => entry.event === 'discarded')?.by ?? run.requestedBy;
      await this.deps.jobs.discardCopy(
        job.id,
        { userId: by, userGroupIds: [] },
        `discarded on DR run ${run.id}: not switched to`,
      );
    }
    return finishDr(
      run,
      'discarded',
      `${run.database.restoreAs} was not switched to and is being deleted, with its final snapshot`,
      now,
    );
  }

  /**
   * Each endpoint not yet marked `flag` is written with its value (none: nothing to write, marked
   * at once). `switches` is the run's own array when nothing changed, so no save is made for it.
   */
  private async writeAll(
    adapters: DrAdapters,
    run: DrRun,
    flag: 'switched' | 'switchedBack',
    wanted: (target: DrRun['switches'][number]) => string | undefined,
  ): Promise<{ switches: DrRun['switches']; done: boolean }> {
    const written = [];
    for (const target of run.switches) {
      const value = wanted(target);
      if (target[flag]) written.push(target);
      else if (!value) written.push({ ...target, [flag]: true });
      else written.push(await this.write(adapters, target, value, flag));
    }
    const changed = JSON.stringify(written) !== JSON.stringify(run.switches);
    return { switches: changed ? written : run.switches, done: written.every((target) => target[flag]) };
  }

  /** Points one endpoint at `value`: a parameter is overwritten (SSM keeps the history) unless it holds it already. */
  private async write(
    adapters: DrAdapters,
    target: DrRun['switches'][number],
    value: string,
    flag: 'switched' | 'switchedBack',
  ): Promise<DrRun['switches'][number]> {
    if (target.type === 'parameter') {
      // Read first: a retry after a write whose save was lost writes no second version.
      if ((await adapters.parameters.get(target.name)) !== value) await adapters.parameters.put(target.name, value);
      return { ...target, [flag]: true };
    }
    return { ...target, ...(await this.upsertRecord(adapters.records, target, value, flag)) };
  }

  /**
   * A record: UPSERT once (with its change id saved), then INSYNC marks it done. A record found
   * already holding the value with no change id saved was written by a worker that died before saving:
   * it is not written again.
   */
  private async upsertRecord(
    records: DnsRecords,
    target: DrRun['switches'][number],
    value: string,
    flag: 'switched' | 'switchedBack',
  ): Promise<Partial<DrRun['switches'][number]>> {
    const zone = target.hostedZoneId ?? '';
    if (target.changeId) {
      if ((await records.changeStatus(target.changeId)) !== 'INSYNC') return {};
      return { [flag]: true, changeId: undefined };
    }
    if ((await records.read(zone, target.name)) === value) return { [flag]: true };
    return { changeId: await records.upsert(zone, target.name, value, target.ttl ?? 60) };
  }

  private adapters(run: DrRun): DrAdapters {
    return this.deps.adaptersFor(run.environment);
  }

  private plan(run: DrRun) {
    const plan = this.deps.disasterRecovery.environments[run.environment];
    if (!plan) throw new Error(`the policy has no DR plan for ${run.environment} any more`);
    return plan;
  }
}

function describeSwitches(switches: DrRun['switches'], which: 'new' | 'previous' = 'new'): string {
  return switches
    .map(
      (target) =>
        `${target.type === 'parameter' ? 'parameter' : 'record'} ${target.name}${which === 'previous' ? ` back to ${target.previous || '(empty)'}` : ''}`,
    )
    .join(', ');
}

/** The global database's engine, as its API is chosen (DocumentDB's own, or RDS's for Aurora). */
function globalKind(run: DrRun): 'aurora-cluster' | 'docdb-cluster' {
  return run.database.kind === 'docdb-cluster' ? 'docdb-cluster' : 'aurora-cluster';
}
