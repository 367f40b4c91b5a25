import { CLUSTER_KINDS, type DatabaseKind } from './kinds.js';
import { copiedSnapshotIdentifier, writerInstanceIdentifier } from './managed-resources.js';
import type { PlannedStep, ReplacedTarget, RestoreMethod, TargetSettings } from './plan.js';
import { formatInstant } from './restore-point.js';
import type { SourceDescription } from './source.js';

export interface StepsInput {
  kind: DatabaseKind;
  jobId: string;
  source: SourceDescription;
  target: string;
  method: RestoreMethod;
  settings: TargetSettings;
  replace?: ReplacedTarget;
}

/** The ordered steps of a restore. Replace: rename → restore → instances → validate → delete the old one. */
export function planSteps(input: StepsInput): PlannedStep[] {
  const { kind, jobId, source, target, method, settings, replace } = input;
  const steps: PlannedStep[] = [];
  if (replace) {
    steps.push({ name: 'rename-existing-target', description: `Rename ${replace.identifier} to ${replace.renamedTo}` });
  }
  if (method.type === 'snapshot' && method.copyFirst) {
    steps.push({
      name: 'copy-shared-snapshot',
      description: `Copy shared snapshot ${method.snapshot.id} into this account as ${copiedSnapshotIdentifier(target, jobId)}`,
    });
  }
  steps.push({ name: 'restore', description: restoreDescription(source.identifier, target, method) });
  if (CLUSTER_KINDS.has(kind)) {
    steps.push({
      name: 'create-writer-instance',
      description: `Create writer instance ${writerInstanceIdentifier(target, jobId)} (${settings.instanceClass ?? 'source class'})`,
    });
  }
  if (kind === 'dynamodb-table') {
    const dropped = droppedTableSettings(source);
    if (dropped.length > 0) {
      steps.push({
        name: 'reapply-table-settings',
        description: `Re-apply ${dropped.join(', ')} (a restore drops them)`,
      });
    }
  }
  steps.push({ name: 'validate', description: `Validate ${target} against ${source.identifier}` });
  if (replace) {
    steps.push({
      name: 'delete-replaced-target',
      description: `Delete ${replace.renamedTo} with final snapshot ${replace.finalSnapshotIdentifier}`,
    });
  }
  return steps;
}

function restoreDescription(source: string, target: string, method: RestoreMethod): string {
  switch (method.type) {
    case 'latest':
      return `Restore ${source} as ${target} at the latest restorable time`;
    case 'clone':
      return `Clone ${source} as ${target} (copy-on-write, latest data)`;
    case 'point-in-time':
      return `Restore ${source} as ${target} at ${formatInstant(method.at)}`;
    case 'snapshot':
      return `Restore ${target} from ${method.snapshot.shared ? 'shared ' : ''}snapshot ${method.snapshot.id}`;
  }
}

/** What the source table has that a DynamoDB restore does not carry over. */
export function droppedTableSettings(source: SourceDescription): string[] {
  const table = source.table;
  if (!table) return [];
  return [
    table.ttlAttribute ? `TTL on ${table.ttlAttribute}` : undefined,
    table.pointInTimeRecovery ? 'point-in-time recovery' : undefined,
    table.stream ? `stream (${table.stream.viewType})` : undefined,
    'tags',
    table.autoScaling.length > 0 ? 'auto scaling' : undefined,
  ].filter((setting): setting is string => setting !== undefined);
}
