import { awsRequestIdOf, describeAwsError, isRetryableAwsError, isThrottlingAwsError } from '../aws/errors.js';
import {
  currentStep,
  type Execution,
  recordChecked,
  recordFailed,
  recordStarted,
  recordValidated,
} from '../domain/execution.js';
import { JobConflictError } from '../domain/job/errors.js';
import type { CopyExpiry, Job, JobEvent } from '../domain/job/job.js';
import { expireJob, isCopyDue, needsExpiryTag, recordExpiryTagged, withExecution } from '../domain/job/transitions.js';
import type { DatabaseKind } from '../domain/kinds.js';
import type { Clock } from '../domain/ports/clock.js';
import type { DatabaseDriver, StepContext } from '../domain/ports/database-driver.js';
import type { DurationHistory } from '../domain/ports/duration-history.js';
import type { JobRepository } from '../domain/ports/job-repository.js';
import type { Notifier } from '../domain/ports/notifier.js';
import { EXPIRY_STEP_NAME, EXPIRY_TAG_STEP_NAME, type StepStatus } from '../domain/steps.js';
import { copyDeletionChecked, copyDeletionFailed, copyDeletionStarted } from './copy-expiry.js';
import { renewLeaseWhileInFlight } from './lease-renewal.js';
import { MAX_STEP_ATTEMPTS, retryDelayMs } from './retry-policy.js';
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
    const toCheck: Job[] = [];
    const toAct: Job[] = [];
    const expiries: Job[] = [];
    const toTag: Job[] = [];
    for (const job of jobs) {
      if (job.retry && now < job.retry.nextAttemptAt) continue;
      if (hasCopyToDelete(job)) {
        if (isCopyDue(job, now)) toAct.push(job);
        else if (job.expiry.state === 'deleting') toCheck.push(job);
        else if (needsExpiryTag(job, now)) toTag.push(job);
        continue;
      }
      if (job.status === 'awaiting_approval') {
        const expired = expireJob(job, now);
        if (expired) expiries.push(expired);
        continue;
      }
      if (job.status !== 'running' || !job.execution) continue;
      const step = currentStep(job.plan, job.execution);
      if (!step) continue;
      if (!job.execution.started || step === 'validate') toAct.push(job);
      else toCheck.push(job);
    }
    await this.settle(report, latest, expiries, (job) => this.persist(job));
    await this.checkRunning(toCheck, report, latest);
    await this.settle(report, latest, toAct, async (job) => {
      report.acted += 1;
      return this.act(job);
    });
    await this.settle(report, latest, toTag, async (job) => {
      report.acted += 1;
      return this.tagExpiry(job);
    });
    await this.deps.notifier.sync([...latest.values()]).catch((error: unknown) => {
      report.errors.push(`notifier: ${describeAwsError(error)}`);
    });
    return report;
  }

  /** One batched check per kind and environment (the driver splits its describes by 100 identifiers). */
  private async checkRunning(jobs: Job[], report: TickReport, latest: Map<string, Job>): Promise<void> {
    const groups = new Map<string, Job[]>();
    for (const job of jobs) {
      const key = `${job.plan.kind}|${job.plan.target.environment}`;
      const group = groups.get(key);
      if (group) group.push(job);
      else groups.set(key, [job]);
    }
    for (const group of groups.values()) {
      const [first] = group;
      if (!first) continue;
      const driver = this.deps.driverFor(first.plan.kind, first.plan.target.environment);
      let statuses: StepStatus[];
      try {
        statuses = await driver.checkSteps(group.map((job) => contextOf(job)));
      } catch (error) {
        // A throttled or failed describe changes nothing: every job in the group is checked again next tick.
        report.errors.push(`check ${first.plan.kind} in ${first.plan.target.environment}: ${describeAwsError(error)}`);
        continue;
      }
      report.checked += group.length;
      const changed: Job[] = [];
      const restart: Job[] = [];
      group.forEach((job, index) => {
        const status = statuses[index];
        if (!status) return;
        if (hasCopyToDelete(job)) {
          const next = copyDeletionChecked(job, status, this.deps.clock.now());
          if (next) changed.push(next);
          else if (status.state === 'pending' && status.restart) restart.push(job);
          return;
        }
        const execution = job.execution;
        if (!execution) return;
        const next = recordChecked(job.plan, execution, status, this.deps.clock.now());
        if (next !== execution) changed.push(this.progressed(job, execution, next));
      });
      await this.settle(report, latest, changed, (job) => this.persist(job));
      await this.settle(report, latest, restart, (job) => this.act(job));
    }
  }

  /** Starts the current step (or validates), under a lease, and records what happened. */
  private act(job: Job): Promise<Job | undefined> {
    return this.underLease(job, () => this.runStep(job));
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

  /** The leased job's AWS call: the job as it is to be saved after it (moved on, retried or failed). */
  private async runStep(job: Job): Promise<Job> {
    const context = contextOf(job);
    if (hasCopyToDelete(job)) {
      try {
        const started = await this.deps.driverFor(job.plan.kind, job.plan.target.environment).startStep(context);
        return copyDeletionStarted(job, started, this.deps.clock.now());
      } catch (error) {
        return this.failedOrRetried(job, error);
      }
    }
    const execution = job.execution as Execution;
    let next: Execution;
    try {
      if (!execution.started) {
        const started = await this.deps.driverFor(job.plan.kind, job.plan.target.environment).startStep(context);
        next = recordStarted(job.plan, execution, this.deps.clock.now(), started);
      } else {
        const checks = await this.deps.driverFor(job.plan.kind, job.plan.target.environment).validate(context);
        next = recordValidated(job.plan, execution, checks, this.deps.clock.now());
      }
    } catch (error) {
      return this.failedOrRetried(job, error);
    }
    return this.progressed(job, execution, next);
  }

  /**
   * Rewrites the copy's expiry tag to the job's expiry (after Extend), under a lease. A failed call
   * writes nothing: the tag still differs, so the next pass (once the lease lapses) tries again.
   */
  private async tagExpiry(job: Job): Promise<Job | undefined> {
    const at = job.expiry?.at;
    if (!at) return undefined;
    return this.underLease(job, async () => {
      await this.deps
        .driverFor(job.plan.kind, job.plan.target.environment)
        .startStep({ jobId: job.id, plan: job.plan, step: EXPIRY_TAG_STEP_NAME, copyExpiresAt: at });
      return recordExpiryTagged(job, at, this.deps.clock.now());
    });
  }

  /**
   * Throttling (of any service, STS included) waits with backoff for as long as it lasts; another
   * retryable error waits up to a limit; any other error fails the step.
   */
  private failedOrRetried(job: Job, error: unknown): Job {
    const now = this.deps.clock.now();
    const message = describeAwsError(error);
    const attempts = (job.retry?.attempts ?? 0) + 1;
    const step = contextOf(job).step;
    if (isThrottlingAwsError(error) || (isRetryableAwsError(error) && attempts < MAX_STEP_ATTEMPTS)) {
      const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts));
      const event: JobEvent = {
        at: now,
        actor: 'worker',
        type: 'step-retry',
        detail: `${step}: ${message} (attempt ${attempts}, again after ${nextAttemptAt.toISOString()})`,
      };
      return {
        ...job,
        retry: { attempts, nextAttemptAt, lastError: message },
        events: [...job.events, event],
        updatedAt: now,
      };
    }
    const requestId = awsRequestIdOf(error);
    const reason = `${message}${requestId ? ` (request ${requestId})` : ''}`;
    if (hasCopyToDelete(job)) return copyDeletionFailed(job, reason, now);
    const execution = job.execution as Execution;
    return this.progressed(job, execution, recordFailed(job.plan, execution, reason, now));
  }

  /** The job with its new execution, and events that say what moved. */
  private progressed(job: Job, before: Execution, after: Execution): Job {
    const now = this.deps.clock.now();
    const events: JobEvent[] = [];
    const stepName = currentStep(job.plan, before);
    if (!before.started && after.started) {
      const record = after.steps.at(-1);
      events.push({
        at: now,
        actor: 'worker',
        type: 'step-started',
        detail: `${stepName}${record?.resumed ? ' (already started by an earlier attempt)' : ''}${record?.requestId ? ` [${record.requestId}]` : ''}`,
      });
    } else if (after.phase === 'rollback' && before.phase === 'forward') {
      events.push({ at: now, actor: 'worker', type: 'rollback', detail: after.failure ?? 'rolling back' });
    } else if (after.stepIndex !== before.stepIndex || after.outcome !== before.outcome) {
      events.push({ at: now, actor: 'worker', type: 'step-done', detail: `${stepName}` });
    }
    return withExecution(
      job,
      after,
      now,
      events,
      this.deps.failedCopyGraceMs !== undefined ? { failedCopyGraceMs: this.deps.failedCopyGraceMs } : undefined,
    );
  }

  private async persist(job: Job, options: { leaseOwner?: string } = {}): Promise<Job | undefined> {
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
      this.deps.log?.('notifier failed', { jobId: saved.id, error: describeAwsError(error) });
    });
    return saved;
  }

  private async recordDuration(job: Job): Promise<void> {
    const started = job.execution?.steps[0]?.startedAt;
    if (!started || !job.finishedAt) return;
    const minutes = (job.finishedAt.getTime() - started.getTime()) / 60_000;
    await this.deps.durations.record(job.plan.kind, {
      minutes: Math.round(minutes * 10) / 10,
      ...(job.plan.source.sizeGiB !== undefined ? { sizeGiB: job.plan.source.sizeGiB } : {}),
    });
  }

  /** Runs `work` over `jobs` with bounded concurrency; one job's error never stops the others. */
  private async settle(
    report: TickReport,
    latest: Map<string, Job>,
    jobs: Job[],
    work: (job: Job) => Promise<Job | undefined>,
  ): Promise<void> {
    let next = 0;
    const lanes = Array.from({ length: Math.min(this.concurrency, jobs.length) }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++] as Job;
        try {
          const saved = await work(job);
          if (saved) {
            report.changed += 1;
            latest.set(saved.id, saved);
          }
        } catch (error) {
          report.errors.push(`job ${job.id}: ${describeAwsError(error)}`);
          this.deps.log?.('job not advanced', { jobId: job.id, error: describeAwsError(error) });
        }
      }
    });
    await Promise.all(lanes);
  }
}

/** A finished job whose copy (a succeeded restore's, or what a failed one left) is the worker's to delete. */
function hasCopyToDelete(job: Job): job is Job & { expiry: CopyExpiry } {
  return (job.status === 'succeeded' || job.status === 'failed') && job.expiry !== undefined;
}

/** The step to start or check: the running restore's current one, or a finished job's copy deletion. */
function contextOf(job: Job): StepContext {
  if (hasCopyToDelete(job)) {
    const copyIdentifier = job.expiry?.identifier;
    return { jobId: job.id, plan: job.plan, step: EXPIRY_STEP_NAME, ...(copyIdentifier ? { copyIdentifier } : {}) };
  }
  const step = job.execution ? currentStep(job.plan, job.execution) : undefined;
  if (!step) throw new Error(`job ${job.id} has no current step`);
  return { jobId: job.id, plan: job.plan, step };
}
