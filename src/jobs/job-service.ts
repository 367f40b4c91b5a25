import { type ExtendChoice, extendChoiceMs } from '../domain/copy-extension.js';
import { JobConflictError, JobContendedError, JobNotFoundError } from '../domain/job/errors.js';
import type { Job } from '../domain/job/job.js';
import {
  type ApprovalRules,
  approveJob,
  cancelJob,
  createJob,
  discardCopy,
  expireCopyNow,
  extendExpiry,
  rejectJob,
  type ScheduledApproval,
  startScheduledJob,
} from '../domain/job/transitions.js';
import type { Plan, RestoreMethod } from '../domain/plan.js';
import { type PlannerDeps, type PlanOptions, planRestore } from '../domain/planner.js';
import { policyDuration } from '../domain/policy.js';
import { environmentOf, type Principal } from '../domain/policy-rules.js';
import type { DurationHistory } from '../domain/ports/duration-history.js';
import type { JobRepository } from '../domain/ports/job-repository.js';
import type { Kicker } from '../domain/ports/kicker.js';
import type { RestoreRequest } from '../domain/restore-request.js';

/** One restore a refresh or DR run asks for, under the job id the run gives it. */
export interface ScheduledRestore {
  jobId: string;
  request: RestoreRequest;
  approval: ScheduledApproval;
  /** A DR run's recovery path, as the method the planner takes as it is. */
  method?: RestoreMethod;
}

export interface JobServiceDeps {
  store: JobRepository;
  /** Past restores, for the plan's estimate. */
  durations: DurationHistory;
  planner: PlannerDeps;
  /** Told about every change: the worker draws the card (never the Slack listener) and advances the job. */
  kicker: Kicker;
  newJobId(): string;
}

/**
 * What people do to jobs: request, approve, reject, cancel. Each is one conditional write
 * (plus the lock on create); then the worker is kicked to draw the card and do the rest.
 */
export class JobService {
  constructor(private readonly deps: JobServiceDeps) {}

  /** Plans the request (the estimate uses past restores) and records the job awaiting approval. */
  async request(request: RestoreRequest, options: { jobId?: string } = {}): Promise<Job> {
    const { store } = this.deps;
    const jobId = options.jobId ?? this.deps.newJobId();
    const plan = await this.plan(request, jobId);
    const created = await store.create(this.newJob(jobId, request, plan));
    await this.deps.kicker.kick(created.id);
    return created;
  }

  /**
   * The restores of a refresh run, started as they are created (the policy's cycle is their
   * authority). Every missing one is planned, then all are created awaiting approval (which takes
   * each target's lock), and only then started: a database that cannot be replaced, or whose target
   * is busy, stops the run before anything is, and those just created are withdrawn. A job already
   * there (its worker died after making it) is kept, so a retried start never makes a second one.
   */
  async requestScheduled(restores: readonly ScheduledRestore[]): Promise<Job[]> {
    const { store, planner } = this.deps;
    const jobs = await Promise.all(restores.map((restore) => store.get(restore.jobId)));
    const plans = [];
    for (const [index, restore] of restores.entries()) {
      if (jobs[index]) continue;
      plans.push({
        index,
        restore,
        plan: await this.plan(restore.request, restore.jobId, {
          requestedByPolicy: true,
          ...(restore.method ? { method: restore.method } : {}),
        }),
      });
    }
    const created: Job[] = [];
    try {
      for (const { index, restore, plan } of plans) {
        jobs[index] = await store.create(this.newJob(restore.jobId, restore.request, plan));
        created.push(jobs[index]);
      }
    } catch (error) {
      // Withdrawn at once (re-read on a conflict), so no approver is ever asked for a restore the run gave up.
      for (const job of created) {
        await this.change(job.id, (current) =>
          cancelJob(current, current.request.requester.userId, planner.clock.now()),
        );
      }
      throw error;
    }
    return Promise.all(
      restores.map((restore, index) => {
        const job = jobs[index] as Job;
        if (job.status !== 'awaiting_approval') return job;
        return this.change(job.id, (current) => startScheduledJob(current, restore.approval, planner.clock.now()));
      }),
    );
  }

  async approve(jobId: string, principal: Principal): Promise<Job> {
    return this.change(jobId, (current) =>
      approveJob(current, principal, this.rulesFor(current), this.deps.planner.clock.now()),
    );
  }

  async reject(jobId: string, principal: Principal, reason: string): Promise<Job> {
    return this.change(jobId, (current) =>
      rejectJob(current, principal, this.rulesFor(current), reason, this.deps.planner.clock.now()),
    );
  }

  /**
   * "Extend": the copy lives `choice` longer (one of the card's choices), never past the policy's
   * maximum from now. Without a choice, the policy's default expiry (the `/restore` path).
   */
  async extend(jobId: string, principal: Principal, choice?: ExtendChoice): Promise<Job> {
    const { policy, clock } = this.deps.planner;
    const limits = {
      byMs: choice ? extendChoiceMs(choice) : policyDuration(policy.defaultExpiry),
      maxMs: policyDuration(policy.maxExpiry),
    };
    return this.change(jobId, (current) =>
      extendExpiry(current, principal, this.rulesFor(current), limits, clock.now()),
    );
  }

  /** "Delete now": the worker deletes the copy (with its final snapshot) on its next pass, kicked right away. */
  async deleteCopyNow(jobId: string, principal: Principal): Promise<Job> {
    return this.change(jobId, (current) =>
      expireCopyNow(current, principal, this.rulesFor(current), this.deps.planner.clock.now()),
    );
  }

  /** A never-expiring copy given up (a DR recovery not switched to): deleted now, with its final snapshot. */
  async discardCopy(jobId: string, principal: Principal, why: string): Promise<Job> {
    return this.change(jobId, (current) =>
      discardCopy(current, principal, this.rulesFor(current), why, this.deps.planner.clock.now()),
    );
  }

  async cancel(jobId: string, userId: string): Promise<Job> {
    return this.change(jobId, (current) => cancelJob(current, userId, this.deps.planner.clock.now()));
  }

  async get(jobId: string): Promise<Job> {
    const job = await this.deps.store.get(jobId);
    if (!job) throw new JobNotFoundError(jobId);
    return job;
  }

  private plan(request: RestoreRequest, jobId: string, options?: PlanOptions): Promise<Plan> {
    const { planner, durations } = this.deps;
    return planRestore(request, jobId, { ...planner, history: (kind) => durations.recent(kind) }, options);
  }

  private newJob(jobId: string, request: RestoreRequest, plan: Plan): Job {
    const { policy, clock } = this.deps.planner;
    return createJob({
      id: jobId,
      request,
      plan,
      now: clock.now(),
      approvalTimeoutMs: policyDuration(policy.approvalTimeout),
      ...(request.requester.channelId ? { channelId: request.requester.channelId } : {}),
    });
  }

  private rulesFor(job: Job): ApprovalRules {
    const environment = environmentOf(this.deps.planner.policy, job.plan.target.environment, 'targetEnvironment');
    return { approvers: environment.approvers, approvalsRequired: environment.approvalsRequired };
  }

  /**
   * Reads, applies `transition`, writes conditionally. On a conflict it reads again and re-applies
   * the (pure) transition, so every click lands unless the transition itself refuses it: the loser
   * of a race gets the answer for the job as it now stands ("already approved", "already running").
   * Bounded: a job that keeps changing under it ends in JobContendedError, for the person to press again.
   */
  private async change(jobId: string, transition: (job: Job) => Job): Promise<Job> {
    for (let attempt = 1; ; attempt += 1) {
      const next = transition(await this.get(jobId));
      try {
        const saved = await this.deps.store.save(next);
        await this.deps.kicker.kick(saved.id);
        return saved;
      } catch (error) {
        if (!(error instanceof JobConflictError)) throw error;
        if (attempt >= CONFLICT_ATTEMPTS) throw new JobContendedError(jobId, { cause: error });
        await conflictBackoff(attempt);
      }
    }
  }
}

/**
 * Each failed attempt means another change landed in between, so up to this many changes arriving at
 * once all land; the backoff stays near half a second in all, as on Lambda Slack gets the ack only
 * when the listener returns, within 3 seconds.
 */
const CONFLICT_ATTEMPTS = 15;
const CONFLICT_MAX_DELAY_MS = 50;

/** Full jitter, so writers that collided do not collide again in step. */
function conflictBackoff(attempt: number): Promise<void> {
  const ceiling = Math.min(CONFLICT_MAX_DELAY_MS, 5 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
