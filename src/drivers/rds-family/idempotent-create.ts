import { hasAwsErrorName } from '../../aws/error-names.js';
import { isTaggedForJob } from '../../domain/managed-resources.js';
import type { StepStartResult } from '../../domain/steps.js';

export interface IdempotentCreate {
  jobId: string;
  /** Issues the create call; resolves to its request id. */
  create: () => Promise<string | undefined>;
  /** The error names AWS uses for "a resource of that name exists". */
  alreadyExists: readonly string[];
  /** Tags of the resource that holds the name now, if any. */
  existingTags: () => Promise<Record<string, string> | undefined>;
}

/**
 * Runs a create call so a retry is harmless: "already exists" for a resource tagged with this
 * job means an earlier attempt started it; for anything else the error stands, since the name
 * belongs to someone else.
 */
export async function createIdempotently(options: IdempotentCreate): Promise<StepStartResult> {
  try {
    return { requestId: await options.create(), alreadyStarted: false };
  } catch (error) {
    if (!hasAwsErrorName(error, ...options.alreadyExists)) throw error;
    const tags = await options.existingTags();
    if (tags && isTaggedForJob(tags, options.jobId)) return { alreadyStarted: true };
    throw error;
  }
}
