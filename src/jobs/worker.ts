import { JobConflictError } from '../domain/job/errors.js';
import type { Job } from '../domain/job/job.js';
import {
  type ProgressRules,
  taskChecked,
  taskFailed,
  taskStarted,
  taskValidated,
  taskWithoutCall,
} from '../domain/job/progress.js';
import { currentTask, type DriverTask, type Task, type TimedTask } from '../domain/job/tasks.js';
import type { DatabaseKind } from '../domain/kinds.js';
import type { Clock } from '../domain/ports/clock.js';
import type { DatabaseDriver } from '../domain/ports/database-driver.js';
import type { DurationHistory } from '../domain/ports/duration-history.js';
import type { JobRepository } from '../domain/ports/job-repository.js';
import type { Notifier } from '../domain/ports/notifier.js';
import type { ValidationCheck } from '../domain/source.js';
import type { StepFailure, StepStartResult, StepStatus } from '../domain/steps.js';
import { describeError } from '../util/describe-error.js';
import { renewLeaseWhileInFlight } from './lease-renewal.js';
import { type Scheduler, timerScheduler } from './scheduler.js';

export interface WorkerDeps {
  store: JobRepository;
  /** Where a succeeded restore's duration is kept, for the next estimates. */
  durations: DurationHistory;
  clock: Clock;
  driverFor(kind: DatabaseKind, environment: string): DatabaseDriver;
  notifier: Notifier;
  /** Names this worker in leases, so two workers never advance the same job at once. */
  workerId: string;
  /**
   * How long a lease holds without renewal: short, so a dead worker's job resumes at the next tick
   * or so. It is renewed every third of it while a step's AWS call is in flight.
   */
  leaseMs?: number;
  /** Times the lease renewals (real timers unless a test drives them). */
  scheduler?: Scheduler;
  /** How long a failed restore's leftover copy is kept before it is deleted; the policy's failedCopyGracePeriod. */
  failedCopyGraceMs?: number;
  /** At most this many jobs make AWS calls at once (the RDS API allows ~12 requests/s per account). */
  concurrency?: number;
  log?(message: string, detail?: object): void;
}

export interface TickReport {
  active: number;
  checked: number;
  acted: number;
  changed: number;
  errors: string[];
}

/** Under the one-minute tick: a job whose worker died is taken up by the first tick after its lease ran out. */
const DEFAULT_LEASE_MS = 45_000;

/**
 * Drives active jobs to their end. Each tick reads the active jobs, checks the running steps
 * of many jobs with a few batched describe calls, and writes only for jobs that changed.
 * A job about to make an AWS call is leased first, and the lease is renewed while the call is in
 * flight; a worker that dies mid-step loses nothing: its lease runs out within a minute and the
 * next tick starts the step again, which its driver recognises.
 *
 * What a job needs (its task: a restore step, a copy deletion, an expiry tag...) and what it
 * becomes after the call are the domain's (domain/job/tasks.ts and progress.ts), and whether an
 * error is worth another try is its driver's: the worker selects, leases, calls, persists and
 * notifies, and a new phase of a job needs no change here.
 */
export class Worker {
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly scheduler: Scheduler;

  constructor(private readonly deps: WorkerDeps) {
    this.leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
    this.concurrency = deps.concurrency ?? 8;
    this.scheduler = deps.scheduler ?? timerScheduler;
  }

  async tick(): Promise<TickReport> {
    const [active, expiring] = await Promise.all([this.deps.store.listActive(), this.deps.store.listExpiring()]);
    return this.advanceAll([...active, ...expiring]);
  }

  /** Advances one job now (after its approval), the same way a tick would. */
  async advance(jobId: string): Promise<TickReport> {
    const job = await this.deps.store.get(jobId);
    return this.advanceAll(job ? [job] : []);
  }

  private async advanceAll(jobs: Job[]): Promise<TickReport> {
    const report: TickReport = { active: jobs.length, checked: 0, acted: 0, changed: 0, errors: [] };
    // The newest version of each job, for the notifier's sync at the end of the pass.
    const latest = new Map(jobs.map((job) => [job.id, job]));
    const now = this.deps.clock.now();
    // The domain says what each job needs; the worker sorts the tasks by the call they make.
    const timed: Due<TimedTask>[] = [];
    const toCheck: Due<DriverTask>[] = [];
    const toCall: Due<DriverTask>[] = [];
    for (const job of jobs) {
      const task = currentTask(job, now);
      if (!task) continue;
      if (task.call === 'none') timed.push({ job, task });
      else if (task.call === 'check') toCheck.push({ job, task });
      else toCall.push({ job, task });
    }
    await this.settle(report, latest, timed, ({ job, task }) => this.persist(taskWithoutCall(job, task, now)));
    await this.checkAll(toCheck, report, latest);
    await this.settle(report, latest, toCall, async (due) => {
      report.acted += 1;
      return this.act(due);
    });
    await this.deps.notifier.sync([...latest.values()]).catch((error: unknown) => {
      report.errors.push(`notifier: ${describeError(error)}`);
    });
    return report;
  }

  /** One batched check per kind and environment (the driver splits its describes by 100 identifiers). */
  private async checkAll(checks: Due<DriverTask>[], report: TickReport, latest: Map<string, Job>): Promise<void> {
    const groups = new Map<string, Due<DriverTask>[]>();
    for (const due of checks) {
      const key = `${due.job.plan.kind}|${due.job.plan.target.environment}`;
      const group = groups.get(key);
      if (group) group.push(due);
      else groups.set(key, [due]);
    }
    for (const group of groups.values()) {
      const [first] = group;
      if (!first) continue;
      const { kind, target } = first.job.plan;
      const driver = this.deps.driverFor(kind, target.environment);
      let statuses: StepStatus[];
      try {
        statuses = await driver.checkSteps(group.map(({ task }) => task.context));
      } catch (error) {
        // A throttled or failed describe changes nothing: every job in the group is checked again next tick.
        report.errors.push(`check ${kind} in ${target.environment}: ${describeError(error)}`);
        continue;
      }
      report.checked += group.length;
      const changed: Job[] = [];
      const startAgain: Due<DriverTask>[] = [];
      group.forEach(({ job, task }, index) => {
        const status = statuses[index];
        if (!status) return;
        const outcome = taskChecked(job, task, status, this.deps.clock.now(), this.rules());
        if (outcome.type === 'changed') changed.push(outcome.job);
        else if (outcome.type === 'start-again') startAgain.push({ job, task: outcome.task });
      });
      await this.settle(
        report,
        latest,
        changed.map((job) => ({ job })),
        ({ job }) => this.persist(job),
      );
      await this.settle(report, latest, startAgain, (due) => this.act(due));
    }
  }

  /** Makes the task's driver call under the job's lease and saves what the job became. */
  private act({ job, task }: Due<DriverTask>): Promise<Job | undefined> {
    return this.underLease(job, () => this.call(job, task));
  }

  /**
   * Runs `call` (AWS calls for `job`) holding the job's lease, renewed while the call is in flight,
   * then saves what it returned on the condition that this worker still holds the lease.
   */
  private async underLease(job: Job, call: () => Promise<Job>): Promise<Job | undefined> {
    const now = this.deps.clock.now();
    const leased = await this.deps.store.acquireLease(
      job,
      this.deps.workerId,
      now,
      new Date(now.getTime() + this.leaseMs),
    );
    if (!leased) return undefined;
    const renewal = renewLeaseWhileInFlight(
      { store: this.deps.store, clock: this.deps.clock, scheduler: this.scheduler, log: this.deps.log },
      job,
      this.deps.workerId,
      { leaseMs: this.leaseMs, renewEveryMs: this.leaseMs / 3 },
    );
    let next: Job;
    try {
      next = await call();
    } finally {
      await renewal.stop();
    }
    return this.persist(next, { leaseOwner: this.deps.workerId });
  }

  /**
   * The leased job's driver call: the job as it is to be saved after it (moved on, retried or
   * failed, as the domain says). An error the domain records nothing for is thrown on, to be reported.
   */
  private async call(job: Job, task: DriverTask): Promise<Job> {
    let driver: DatabaseDriver | undefined;
    let answer: { started: StepStartResult } | { checks: ValidationCheck[] };
    try {
      driver = this.deps.driverFor(job.plan.kind, job.plan.target.environment);
      answer =
        task.call === 'validate'
          ? { checks: await driver.validate(task.context) }
          : { started: await driver.startStep(task.context) };
    } catch (error) {
      // Without a driver (none for the job's environment) there is nothing to retry: the step fails.
      const failure: StepFailure = driver?.classifyError(error) ?? {
        retry: 'permanent',
        message: describeError(error),
      };
      const next = taskFailed(job, task, failure, this.deps.clock.now(), this.rules());
      if (!next) throw error;
      return next;
    }
    const now = this.deps.clock.now();
    return 'checks' in answer
      ? taskValidated(job, task, answer.checks, now, this.rules())
      : taskStarted(job, task, answer.started, now, this.rules());
  }

  private rules(): ProgressRules {
    return this.deps.failedCopyGraceMs !== undefined ? { failedCopyGraceMs: this.deps.failedCopyGraceMs } : {};
  }

  private async persist(job: Job | undefined, options: { leaseOwner?: string } = {}): Promise<Job | undefined> {
    if (!job) return undefined;
    let saved: Job;
    try {
      saved = await this.deps.store.save(job, options);
    } catch (error) {
      // Someone else moved the job first (an approval, another worker): their write stands.
      if (error instanceof JobConflictError) return undefined;
      throw error;
    }
    if (saved.status === 'succeeded') await this.recordDuration(saved);
    await this.deps.notifier.jobChanged(saved).catch((error: unknown) => {
      // The card is a function of the job: a lost notification is repaired on a later change or tick.
      this.deps.log?.('notifier failed', { jobId: saved.id, error: describeError(error) });
    });
    return saved;
  }

  private async recordDuration(job: Job): Promise<void> {
    const started = job.execution?.steps[0]?.startedAt;
    if (!started || !job.finishedAt) return;
    const minutes = (job.finishedAt.getTime() - started.getTime()) / 60_000;
    await this.deps.durations.record(job.plan.kind, {
      minutes: Math.round(minutes * 10) / 10,
      steps: job.plan.steps.map((step) => step.name),
      ...(job.plan.source.sizeGiB !== undefined ? { sizeGiB: job.plan.source.sizeGiB } : {}),
    });
  }

  /** Runs `work` over each job's item with bounded concurrency; one job's error never stops the others. */
  private async settle<T extends { job: Job }>(
    report: TickReport,
    latest: Map<string, Job>,
    items: T[],
    work: (item: T) => Promise<Job | undefined>,
  ): Promise<void> {
    let next = 0;
    const lanes = Array.from({ length: Math.min(this.concurrency, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        try {
          const saved = await work(item);
          if (saved) {
            report.changed += 1;
            latest.set(saved.id, saved);
          }
        } catch (error) {
          report.errors.push(`job ${item.job.id}: ${describeError(error)}`);
          this.deps.log?.('job not advanced', { jobId: item.job.id, error: describeError(error) });
        }
      }
    });
    await Promise.all(lanes);
  }
}

/** A job and the task the domain says it needs now. */
interface Due<T extends Task = Task> {
  job: Job;
  task: T;
}
