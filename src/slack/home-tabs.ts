import type { WebClient } from '@slack/web-api';
import { isPerson } from '../domain/actors.js';
import type { Job } from '../domain/job/job.js';
import { personalJobs, type Reader } from '../domain/job/personal-view.js';
import type { Policy } from '../domain/policy.js';
import type { Clock } from '../domain/ports/clock.js';
import type { CycleRunRepository } from '../domain/ports/cycle-runs.js';
import type { JobRepository } from '../domain/ports/job-repository.js';
import type { RefreshCycle } from '../domain/refresh/cycle.js';
import { buildHomeView } from './blocks/home.js';
import { type UpcomingRefresh, upcomingRefreshes } from './blocks/refresh-list.js';
import type { UserDirectory } from './user-directory.js';

export interface HomeTabsDeps {
  client: WebClient;
  store: JobRepository;
  policy: Policy;
  clock: Clock;
  directory: UserDirectory;
  maxExpiryMs: number;
  /** The scheduled refreshes the tab lists with their next runs. */
  refreshCycles?: readonly RefreshCycle[];
  cycleRuns?: CycleRunRepository;
  log(message: string, detail?: object): void;
}

type HomeLists = Parameters<typeof personalJobs>[1] & { refreshes: UpcomingRefresh[] };

/** The recent jobs a Home tab reads its reader's own restores from. */
const RECENT_JOBS_READ = 100;

/** Job fingerprints remembered, to publish Home tabs only when what they show changed. */
const MAX_REMEMBERED_JOBS = 1_000;

/**
 * Each person's Home tab, drawn from the job table with `buildHomeView` and published with
 * views.publish: when they open it (`app_home_opened`), after they clicked on it, and when a job
 * that concerns them (they requested it or may approve it) changes what the tab shows.
 */
export class HomeTabs {
  private readonly shown = new Map<string, string>();

  constructor(private readonly deps: HomeTabsDeps) {}

  /** Who the reader is to the policy and which channels they are in. */
  async readerOf(userId: string): Promise<Reader> {
    const [principal, channelIds] = await Promise.all([
      this.deps.directory.principalOf(userId),
      this.deps.directory.channelsOf(userId),
    ]);
    return {
      principal,
      channelIds,
      approversOf: (environment) => this.deps.policy.environments[environment]?.approvers,
    };
  }

  /** Draws and publishes the user's Home tab; `notice` says why their last click there changed nothing. */
  async publish(userId: string, notice?: string): Promise<void> {
    await this.draw(userId, await this.readJobs(), notice);
  }

  /** After a change to `job` (see `sync`). */
  jobChanged(job: Job): Promise<void> {
    return this.sync([job]);
  }

  /**
   * Republishes the Home tabs of the requesters and approvers of the jobs whose Home lines changed
   * (status, approvals, expiry), not on every step, each tab once, from one read of the table.
   * Failures are logged, never thrown: a Home tab is drawn afresh whenever its reader opens it.
   */
  async sync(jobs: readonly Job[]): Promise<void> {
    const changed = jobs.filter((job) => this.shown.get(job.id) !== homeFingerprint(job));
    if (changed.length === 0) return;
    try {
      const readers = new Set<string>();
      for (const job of changed) {
        if (isPerson(job.request.requester.userId)) readers.add(job.request.requester.userId);
        const approvers = this.deps.policy.environments[job.plan.target.environment]?.approvers;
        for (const userId of approvers ? await this.deps.directory.usersOf(approvers) : []) readers.add(userId);
      }
      const lists = await this.readJobs();
      for (const userId of readers) {
        await this.draw(userId, lists).catch((error: Error) => {
          this.deps.log('home tab not published', { userId, error: error.message });
        });
      }
      for (const job of changed) this.remember(job.id, homeFingerprint(job));
    } catch (error) {
      this.deps.log('home tabs not refreshed', { error: (error as Error).message });
    }
  }

  private async readJobs(): Promise<HomeLists> {
    const { store, cycleRuns, refreshCycles = [] } = this.deps;
    const [active, expiring, recent, runs] = await Promise.all([
      store.listActive(),
      store.listExpiring(),
      store.listRecent(RECENT_JOBS_READ),
      refreshCycles.length > 0 && cycleRuns ? cycleRuns.listOpen() : Promise.resolve([]),
    ]);
    return { active, expiring, recent, refreshes: upcomingRefreshes(refreshCycles, runs, this.deps.clock.now()) };
  }

  private async draw(userId: string, lists: HomeLists, notice?: string): Promise<void> {
    const reader = await this.readerOf(userId);
    const view = buildHomeView(personalJobs(reader, lists), {
      now: this.deps.clock.now(),
      maxExpiryMs: this.deps.maxExpiryMs,
      refreshes: lists.refreshes,
      ...(notice ? { notice } : {}),
    });
    await this.deps.client.views.publish({ user_id: userId, view });
  }

  private remember(jobId: string, fingerprint: string): void {
    this.shown.delete(jobId);
    this.shown.set(jobId, fingerprint);
    if (this.shown.size > MAX_REMEMBERED_JOBS) {
      const oldest = this.shown.keys().next().value;
      if (oldest !== undefined) this.shown.delete(oldest);
    }
  }
}

/** What a Home tab shows of a job: equal fingerprints mean no tab needs drawing again. */
function homeFingerprint(job: Job): string {
  return [job.status, job.approvals.length, job.expiry?.state ?? '', job.expiry?.at.toISOString() ?? ''].join('|');
}
