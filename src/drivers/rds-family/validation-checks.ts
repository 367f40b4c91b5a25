import type { Plan } from '../../domain/plan.js';
import type { ValidationCheck } from '../../domain/source.js';
import { ENDPOINT_CHECK } from '../../domain/validation.js';
import type { DatabaseRecord } from './records.js';
import { expectedEncryption, expectedEngineVersion, restoredEngine } from './restore-plan.js';
import { restoredResourceTags } from './tags.js';

const NOT_SET = '(none)';

function show(value: string | number | boolean | undefined): string {
  return value === undefined || value === '' ? NOT_SET : String(value);
}

/** Passed when `actual` equals `expected`; a planned `undefined` means "not planned" and passes as info. */
export function equalityCheck(
  name: string,
  expected: string | number | boolean | undefined,
  actual: string | number | boolean | undefined,
): ValidationCheck {
  if (expected === undefined) return { name, result: 'info', detail: `${show(actual)} (not set by the plan)` };
  return expected === actual
    ? { name, result: 'passed', detail: show(actual) }
    : { name, result: 'failed', detail: `expected ${show(expected)}, found ${show(actual)}` };
}

/**
 * A setting the plan could not carry over from the source (another account has none of the source's
 * parameter or option groups), so AWS gave the copy its default: a warning when that differs from the
 * source's own, since the copy may behave differently. Planned settings are compared as `equalityCheck` does.
 */
export function carriedOverCheck(
  name: string,
  planned: string | undefined,
  source: string | undefined,
  actual: string | undefined,
): ValidationCheck {
  if (planned !== undefined || source === undefined || source === actual) return equalityCheck(name, planned, actual);
  return { name, result: 'warning', detail: `${show(actual)}, not the source's ${source}` };
}

/** Compares as sets: AWS does not keep the order security groups were given in. */
export function setCheck(name: string, expected: readonly string[], actual: readonly string[]): ValidationCheck {
  const want = new Set(expected);
  const have = new Set(actual);
  const same = want.size === have.size && [...want].every((value) => have.has(value));
  const list = (values: Set<string>) => (values.size === 0 ? NOT_SET : [...values].sort().join(', '));
  return same
    ? { name, result: 'passed', detail: list(have) }
    : { name, result: 'failed', detail: `expected ${list(want)}, found ${list(have)}` };
}

export function statusCheck(name: string, status: string, detail = status): ValidationCheck {
  return { name, result: status === 'available' ? 'passed' : 'failed', detail };
}

export function tagsCheck(expected: Record<string, string>, actual: Record<string, string>): ValidationCheck {
  const missing = Object.entries(expected)
    .filter(([key, value]) => actual[key] !== value)
    .map(([key, value]) => `${key}=${value}`);
  return missing.length === 0
    ? { name: 'Tags', result: 'passed', detail: `all ${Object.keys(expected).length} planned tags present` }
    : { name: 'Tags', result: 'failed', detail: `missing or different: ${missing.join(', ')}` };
}

/** A key given as key id, key ARN or alias ARN; only ids and key ARNs can be compared with what AWS reports. */
function keyIdOf(key: string): string | undefined {
  if (key.includes('alias/')) return undefined;
  return key.slice(key.lastIndexOf('/') + 1);
}

export function kmsKeyCheck(planned: string | undefined, actual: string | undefined): ValidationCheck {
  const name = 'KMS key';
  if (planned === undefined) return { name, result: 'info', detail: show(actual) };
  const plannedId = keyIdOf(planned);
  if (plannedId === undefined) return { name, result: 'info', detail: `${show(actual)} (planned as ${planned})` };
  return plannedId === (actual ? keyIdOf(actual) : undefined)
    ? { name, result: 'passed', detail: show(actual) }
    : { name, result: 'failed', detail: `expected ${planned}, found ${show(actual)}` };
}

/** The checks every RDS-family target shares: status, engine, encryption, network, tags, protection. */
export function commonChecks(
  plan: Plan,
  jobId: string,
  target: DatabaseRecord,
  tags: Record<string, string>,
): ValidationCheck[] {
  return [
    statusCheck('Status', target.status),
    equalityCheck('Engine', restoredEngine(plan), target.engine),
    equalityCheck('Engine version', expectedEngineVersion(plan), target.engineVersion),
    equalityCheck('Encryption', expectedEncryption(plan), target.encrypted),
    kmsKeyCheck(plan.settings.kmsKeyId, target.kmsKeyId),
    setCheck('Security groups', plan.settings.securityGroupIds, target.securityGroupIds),
    equalityCheck('Subnet group', plan.settings.subnetGroup, target.subnetGroup),
    tagsCheck(restoredResourceTags(plan, jobId), tags),
    equalityCheck('Deletion protection', plan.settings.deletionProtection, target.deletionProtection),
  ];
}

export function endpointCheck(target: DatabaseRecord): ValidationCheck {
  return { name: ENDPOINT_CHECK, result: 'info', detail: `${show(target.endpoint)}:${show(target.port)}` };
}

export function missingTargetChecks(label: string, identifier: string): ValidationCheck[] {
  return [{ name: 'Status', result: 'failed', detail: `${label} ${identifier} does not exist` }];
}
