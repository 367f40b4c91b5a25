/**
 * What a refresh cycle needs of AWS besides the database drivers: the SSM parameters that name its
 * snapshots (`latest`, which a person may pin, and `current`), and the deployment pipeline.
 */

/** SSM parameters of one environment (overwritten in place; SSM keeps their history). */
export interface ParameterStore {
  get(name: string): Promise<string | undefined>;
  put(name: string, value: string): Promise<void>;
}

export type PipelineStatus =
  | 'InProgress'
  | 'Succeeded'
  | 'Failed'
  | 'Stopped'
  | 'Stopping'
  | 'Superseded'
  | 'Cancelled';

export interface PipelineExecution {
  status: PipelineStatus;
  /** The execution in the AWS console, for the card. */
  link: string;
  summary?: string;
}

/** CodePipeline refused to start the pipeline (no such pipeline, a variable it does not declare): retrying cannot help. */
export class PipelineStartRefusedError extends Error {
  override name = 'PipelineStartRefusedError';
}

/** Deployment pipelines of one environment. */
export interface Pipelines {
  /** Starts `name`; the same `clientRequestToken` starts it once, however often this is called. */
  start(
    name: string,
    options: { clientRequestToken: string; variables: Record<string, string> },
  ): Promise<{ executionId: string }>;
  execution(name: string, executionId: string): Promise<PipelineExecution>;
}

/** A snapshot shared with an environment, copied into it (where AWS restores only a copy). */
export interface SnapshotCopyRequest {
  kind: 'rds-instance' | 'docdb-cluster';
  /** The shared snapshot, by ARN. */
  snapshotArn: string;
  copyIdentifier: string;
  /** This environment's key, for an encrypted snapshot (AWS refuses one for an unencrypted). */
  kmsKeyId?: string;
  tags: Record<string, string>;
}

/** Copies of shared snapshots in one environment. */
export interface SnapshotCopies {
  /** Starts the copy; one already made under `copyIdentifier` is left as it is (a retried start). */
  copyShared(request: SnapshotCopyRequest): Promise<void>;
}
