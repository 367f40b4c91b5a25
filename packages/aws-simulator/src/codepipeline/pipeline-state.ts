import { PerRegion } from '../per-region.js';

export interface StoredExecution {
  id: string;
  startedAt: Date;
  variables: { name: string; value: string }[];
  /** Set when the execution was made to fail; it fails when it would otherwise have succeeded. */
  failure?: string;
}

export interface StoredPipeline {
  name: string;
  /** Declared pipeline variables; undefined accepts any name. */
  variableNames?: string[];
  /** Oldest first. */
  executions: StoredExecution[];
  /** clientRequestToken → execution id: a retried start returns the first execution. */
  tokens: Map<string, string>;
  /** Failure reasons for the next executions to start. */
  pendingFailures: string[];
}

/** Pipelines per account and region, keyed by name. */
export class PipelineState extends PerRegion<Map<string, StoredPipeline>> {
  constructor() {
    super(() => new Map());
  }
}
