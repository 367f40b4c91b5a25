import { managedTags, TAG_SOURCE } from '../../domain/managed-resources.js';
import type { Plan } from '../../domain/plan.js';
import type { ScalingSetting, TableSettings } from '../../domain/source.js';
import { targetScalingSettings } from './scaling.js';

/** The source table's settings from the plan; a DynamoDB plan without them was built wrongly. */
export function sourceTableSettings(plan: Plan): TableSettings {
  if (plan.source.table === undefined) {
    throw new Error(`The plan for ${plan.target.identifier} carries no table settings of ${plan.source.identifier}`);
  }
  return plan.source.table;
}

/** The KMS key the restored table must use: the plan's (copied from the source), else the source's own. */
export function wantedKmsKey(plan: Plan): string | undefined {
  return plan.settings.kmsKeyId ?? plan.source.table?.sseKmsKeyArn;
}

/** What the target must have once `reapply-table-settings` is done. */
export interface WantedTableSettings {
  ttlAttribute?: string;
  pointInTimeRecovery: boolean;
  streamViewType?: string;
  deletionProtection: boolean;
  tags: Record<string, string>;
  /** With resource ids (and console-made policy names) rewritten to the target table. */
  autoScaling: ScalingSetting[];
}

export function wantedTableSettings(plan: Plan, jobId: string): WantedTableSettings {
  const table = sourceTableSettings(plan);
  return {
    ...(table.ttlAttribute === undefined ? {} : { ttlAttribute: table.ttlAttribute }),
    pointInTimeRecovery: table.pointInTimeRecovery,
    ...(table.stream === undefined ? {} : { streamViewType: table.stream.viewType }),
    deletionProtection: plan.settings.deletionProtection,
    tags: managedTags(jobId, { ...plan.settings.tags, [TAG_SOURCE]: plan.source.arn }),
    autoScaling: targetScalingSettings(table.autoScaling, plan.source.identifier, plan.target.identifier),
  };
}
