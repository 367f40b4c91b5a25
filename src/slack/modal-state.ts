import type { ViewOutput } from '@slack/bolt';
import { RestoreInputError } from '../domain/errors.js';
import { allowedExpiryChoices, type ExpiryContext, requestedLifetime } from '../domain/expiry-rules.js';
import { assertValidIdentifier, identifierFromArn } from '../domain/identifiers.js';
import type { Policy } from '../domain/policy.js';
import { environmentOf } from '../domain/policy-rules.js';
import { parseRestorePoint } from '../domain/restore-point.js';
import { environmentOfSourceArn } from '../domain/source-environment.js';
import { defaultTargetName, type RestoreModalState, readRestoreModalMetadata } from './blocks/restore-modal.js';
import { DEFAULT_EXPIRY_CHOICE, EXPIRY_CHOICES } from './ids.js';
import type { MetadataSeal } from './metadata-seal.js';
import type { RestorePrefill } from './parse/restore-command.js';
import { readRestoreModalValues } from './parse/restore-modal-values.js';

/**
 * `production/orders` → the environment and the identifier. An ARN selects the environment whose
 * account and region it names (or is refused); a bare name is looked for in the first environment.
 * Throws a RestoreInputError on the source for an empty name, an unknown environment or a foreign ARN.
 */
export function splitSource(text: string, policy: Policy): { environment: string; identifier: string } {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const named = slash > 0 && !trimmed.startsWith('arn:') ? trimmed.slice(0, slash) : undefined;
  const identifier = named === undefined ? trimmed : trimmed.slice(slash + 1).trim();
  if (named !== undefined) environmentOf(policy, named, 'sourceEnvironment');
  if (identifier === '') {
    throw new RestoreInputError(
      'source',
      `Name the source database after the environment, such as ${named ?? 'production'}/orders.`,
    );
  }
  if (identifier.startsWith('arn:')) {
    return { environment: environmentOfSourceArn(policy, identifier, named), identifier };
  }
  return { environment: named ?? Object.keys(policy.environments)[0] ?? 'production', identifier };
}

/** The expiries the modal offers for a restore into `context.targetEnvironment`. */
function expiryChoicesFor(policy: Policy, context: ExpiryContext): string[] {
  return allowedExpiryChoices(policy, context, EXPIRY_CHOICES);
}

export interface InitialModal {
  policy: Policy;
  channelId: string;
  timeZone: string;
  now: Date;
  prefill?: RestorePrefill;
}

/**
 * The modal as `/restore` opens it, prefilled by the one-line form. Bad input is refused here, before
 * any modal opens: a RestoreInputError for a bad source, target, `--expires` or `--at`.
 */
export function initialModalState({ policy, channelId, timeZone, now, prefill }: InitialModal): RestoreModalState {
  const environments = Object.keys(policy.environments);
  const firstEnvironment = environments[0] ?? 'production';
  const state: RestoreModalState = {
    environments,
    restorePointType: 'latest',
    ifTargetExists: 'fail',
    expiry: DEFAULT_EXPIRY_CHOICE,
    defaultExpiry: policy.defaultExpiry,
    expiryChoices: expiryChoicesFor(policy, { targetEnvironment: firstEnvironment, ifTargetExists: 'fail' }),
    timeZone,
    channelId,
  };
  if (!prefill) return state;
  const source = splitSource(prefill.source, policy);
  assertValidIdentifier(prefill.kind, identifierFromArn(source.identifier), 'source');
  if (prefill.target !== undefined) assertValidIdentifier(prefill.kind, prefill.target, 'target');
  state.kind = prefill.kind;
  state.source = source;
  state.targetEnvironment = source.environment;
  state.target = prefill.target ?? defaultTargetName(source.identifier, now);
  state.ifTargetExists = prefill.replace ? 'replace' : 'fail';
  const expiryContext = { targetEnvironment: source.environment, ifTargetExists: state.ifTargetExists };
  state.expiryChoices = expiryChoicesFor(policy, expiryContext);
  if (prefill.expiresIn !== undefined) {
    requestedLifetime(policy, expiryContext, prefill.expiresIn);
    state.expiry = prefill.expiresIn.trim().toLowerCase();
  }
  if (prefill.reason) state.reason = prefill.reason;
  if (prefill.restorePoint?.type === 'snapshot') {
    state.restorePointType = 'snapshot';
    state.snapshot = { value: prefill.restorePoint.id, label: prefill.restorePoint.id };
  } else if (prefill.restorePoint?.type === 'time') {
    const point = parseRestorePoint(prefill.restorePoint.text, { now, timeZone });
    if (point.type === 'time') {
      state.restorePointType = 'time';
      state.restoreTime = point.at;
    } else if (point.type === 'snapshot') {
      state.restorePointType = 'snapshot';
      state.snapshot = { value: point.id, label: point.id };
    }
  }
  return state;
}

/** The modal's state as the person left it: what they entered over what the metadata remembers. */
export function modalStateFromView(view: ViewOutput, policy: Policy, now: Date, seal: MetadataSeal): RestoreModalState {
  const metadata = readRestoreModalMetadata(seal.open(view.private_metadata));
  const values = readRestoreModalValues(view.state.values);
  const source = (values.sourceValue && sourceOrUndefined(values.sourceValue, policy)) || metadata.source;
  const state: RestoreModalState = {
    environments: Object.keys(policy.environments),
    restorePointType: values.restorePointType ?? metadata.restorePointType ?? 'latest',
    ifTargetExists: values.ifTargetExists ?? 'fail',
    expiry: values.expiry ?? DEFAULT_EXPIRY_CHOICE,
    defaultExpiry: policy.defaultExpiry,
    expiryChoices: [],
    timeZone: metadata.timeZone,
    channelId: metadata.channelId,
  };
  const kind = values.kind ?? metadata.kind;
  if (kind) state.kind = kind;
  // A source of another kind no longer fits once the kind changes.
  if (source && kind === metadata.kind) state.source = source;
  const targetEnvironment = values.targetEnvironment ?? metadata.targetEnvironment ?? state.source?.environment;
  if (targetEnvironment) state.targetEnvironment = targetEnvironment;
  state.expiryChoices = expiryChoicesFor(policy, {
    targetEnvironment: targetEnvironment ?? Object.keys(policy.environments)[0] ?? 'production',
    ifTargetExists: state.ifTargetExists,
  });
  if (values.restoreTime) state.restoreTime = values.restoreTime;
  if (values.snapshotValue)
    state.snapshot = { value: values.snapshotValue, label: values.snapshotLabel ?? values.snapshotValue };
  state.target = values.target ?? (state.source ? defaultTargetName(state.source.identifier, now) : undefined);
  if (values.reason) state.reason = values.reason;
  return state;
}

/** A source the redraw can use; a bad one is left for the submission to refuse on its field. */
function sourceOrUndefined(text: string, policy: Policy): { environment: string; identifier: string } | undefined {
  try {
    return splitSource(text, policy);
  } catch (error) {
    if (error instanceof RestoreInputError) return undefined;
    throw error;
  }
}
