/**
 * The steps a restore runs, in this order when present. Each step is started once (one
 * idempotent AWS call) and then checked until it reports done or failed.
 */
export const STEP_NAMES = [
  'rename-existing-target',
  'copy-shared-snapshot',
  'restore',
  'create-writer-instance',
  'reapply-table-settings',
  'validate',
  'delete-replaced-target',
] as const;

/**
 * Steps run, in order, when a job fails after the existing target was renamed: the old target
 * ends as it was found, its name and its tags.
 */
export const ROLLBACK_STEP_NAMES = ['set-aside-failed-restore', 'rename-back', 'restore-original-tags'] as const;

/** The step that deletes an expired copy (with a final snapshot or backup) once its time is up. */
export const EXPIRY_STEP_NAME = 'delete-restored-copy';

/**
 * The step that rewrites the copy's `restore-bot:expires-at` tag after its expiry changed (Extend):
 * one idempotent tagging call, run by the worker, so the tag, the job and the card agree.
 */
export const EXPIRY_TAG_STEP_NAME = 'tag-copy-expiry';

export type StepName =
  | (typeof STEP_NAMES)[number]
  | (typeof ROLLBACK_STEP_NAMES)[number]
  | typeof EXPIRY_STEP_NAME
  | typeof EXPIRY_TAG_STEP_NAME;

export type StepStatus =
  | { state: 'done'; detail?: string }
  | {
      state: 'pending';
      detail?: string;
      /** The step makes progress through more than one call: start it again now (each start makes at most the next call). */
      restart?: boolean;
    }
  | { state: 'failed'; reason: string };

export interface StepStartResult {
  /** The AWS request id of the call, for the audit trail. */
  requestId?: string;
  /** The resource already existed, tagged with this job: an earlier attempt started it. */
  alreadyStarted: boolean;
}

/**
 * An error a driver's call threw, as the driver classifies it: the worker and the domain decide
 * what comes next from `retry` alone and never see the provider's error names.
 */
export interface StepFailure {
  /**
   * `throttled`: the call was sound and the provider asked for it later (never fails a step);
   * `transient`: a fault that may pass on a later try; `permanent`: the request itself is wrong.
   */
  retry: 'throttled' | 'transient' | 'permanent';
  /** The provider's own words, e.g. `DBClusterNotFoundFault: DBCluster orders not found.` */
  message: string;
  /** The provider's request id, for the audit trail. */
  requestId?: string;
}
