import { KIND_LABELS } from './kinds.js';
import type { Plan, RestoreMethod } from './plan.js';
import { formatInstant } from './restore-point.js';

/** A plan as plain text, for logs, tests and anywhere Block Kit is not available. */
export function renderPlanText(plan: Plan): string {
  const { source, target, settings } = plan;
  const lines = [
    `Restore ${KIND_LABELS[plan.kind]} ${source.identifier} (${plan.sourceEnvironment}, ${source.engine}${source.engineVersion ? ` ${source.engineVersion}` : ''})`,
    `  to ${target.identifier} in ${target.environment} (${target.accountId}, ${target.region})`,
    `  restore point: ${describeMethod(plan.method)}`,
    `  settings: ${describeSettings(plan)}`,
  ];
  if (plan.replace) {
    lines.push(
      `  replaces: ${plan.replace.identifier} (renamed to ${plan.replace.renamedTo}, deleted after validation with final snapshot ${plan.replace.finalSnapshotIdentifier})`,
    );
  }
  if (plan.replace && plan.expiresAt) {
    lines.push(
      `  WARNING: ${target.identifier} will be DELETED on ${formatInstant(plan.expiresAt)}: this replacement was asked to expire, and the database it replaces is deleted after validation`,
    );
  }
  lines.push(`  steps:`);
  plan.steps.forEach((step, index) => {
    lines.push(`    ${index + 1}. ${step.description}`);
  });
  lines.push(
    `  approvals: ${plan.approvalsRequired} (never the requester)`,
    `  estimate: about ${plan.estimate.minutes} min (${plan.estimate.basis === 'history' ? 'from past restores' : 'policy default'})`,
    `  expires: ${plan.expiresAt ? formatInstant(plan.expiresAt) : 'never'}`,
    `  reason: ${plan.reason}`,
    `  requested by: ${plan.requester}`,
  );
  if (settings.deletionProtection) lines.push('  deletion protection: on');
  return lines.join('\n');
}

export function describeMethod(method: RestoreMethod): string {
  switch (method.type) {
    case 'latest':
      return 'latest restorable time';
    case 'clone':
      return 'latest data, as a copy-on-write clone';
    case 'point-in-time':
      return formatInstant(method.at);
    case 'snapshot':
      return `${method.snapshot.shared ? 'shared ' : ''}snapshot ${method.snapshot.id} (${formatInstant(method.snapshot.createdAt)})${method.copyFirst ? ', copied into the account first' : ''}`;
  }
}

function describeSettings(plan: Plan): string {
  const { settings } = plan;
  const parts = [
    settings.instanceClass,
    settings.subnetGroup && `subnet group ${settings.subnetGroup}`,
    settings.securityGroupIds.length > 0 && `security groups ${settings.securityGroupIds.join(', ')}`,
    settings.clusterParameterGroup && `cluster parameters ${settings.clusterParameterGroup}`,
    settings.parameterGroup && `parameters ${settings.parameterGroup}`,
    settings.kmsKeyId && `KMS ${settings.kmsKeyId}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : 'as the source';
}
