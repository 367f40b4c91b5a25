import type { DatabaseKind } from '../kinds.js';
import type { Plan } from '../plan.js';
import type {
  CandidateFilter,
  ExistingResource,
  RestoreCandidate,
  SourceDescription,
  ValidationCheck,
} from '../source.js';
import type { StepFailure, StepName, StepStartResult, StepStatus } from '../steps.js';

/** Everything a driver needs to run one step of one job. */
export interface StepContext {
  jobId: string;
  plan: Plan;
  step: StepName;
  /** For `tag-copy-expiry`: the copy's expiry as the job now holds it. */
  copyExpiresAt?: Date;
  /** For `delete-restored-copy`: the copy to delete, when not the plan's target (a replace's set-aside failed restore). */
  copyIdentifier?: string;
}

/** A source offered in the restore modal. */
export interface SourceSummary {
  identifier: string;
  engine: string;
  engineVersion: string;
}

/**
 * One per database kind, with AWS SDK clients for one environment handed in. The same
 * shape for every kind, so the planner and the worker never branch on the kind.
 */
export interface DatabaseDriver {
  readonly kind: DatabaseKind;

  /** Sources whose identifier contains `query` (case-insensitive), at most `limit`. */
  listSources(query: string, limit: number): Promise<SourceSummary[]>;

  /** Throws `SourceNotFoundError` when there is no such source of this kind. */
  describeSource(identifier: string): Promise<SourceDescription>;

  /** Whatever holds `identifier` now (instance, cluster or table of this kind), if anything. */
  findExisting(identifier: string): Promise<ExistingResource | undefined>;

  /** Snapshots or backups to restore from, newest first. */
  listRestoreCandidates(filter: CandidateFilter): Promise<RestoreCandidate[]>;

  /**
   * Issues the step's one AWS call. Idempotent: meeting "already exists" for a resource
   * tagged with this job's id is reported as `alreadyStarted`, not as an error. Steps
   * with nothing to call (`validate`) return at once.
   */
  startStep(context: StepContext): Promise<StepStartResult>;

  /**
   * Reports where each step stands, in the order given. Batches its describe calls
   * (filters of up to 100 identifiers), so the worker checks many jobs in a few calls.
   */
  checkSteps(contexts: StepContext[]): Promise<StepStatus[]>;

  /** Compares the restored target with the source and the plan. */
  validate(context: StepContext): Promise<ValidationCheck[]>;

  /**
   * Says what an error thrown by one of this driver's calls means for the step: whether a later
   * try can help, with the provider's message and request id. Pure and synchronous.
   */
  classifyError(error: unknown): StepFailure;
}
