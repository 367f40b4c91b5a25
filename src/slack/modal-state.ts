import type { ViewOutput } from '@slack/bolt';
import type { Policy } from '../domain/policy.js';
import { parseRestorePoint } from '../domain/restore-point.js';
import { defaultTargetName, type RestoreModalState, readRestoreModalMetadata } from './blocks/restore-modal.js';
import { DEFAULT_EXPIRY_CHOICE } from './ids.js';
import type { RestorePrefill } from './parse/restore-command.js';
import { readRestoreModalValues } from './parse/restore-modal-values.js';

/** `production/orders` → the environment and the identifier; a bare name is looked for in the first environment. */
export function splitSource(text: string, policy: Policy): { environment: string; identifier: string } {
  const slash = text.indexOf('/');
  if (slash > 0 && !text.startsWith('arn:'))
    return { environment: text.slice(0, slash), identifier: text.slice(slash + 1) };
  return { environment: Object.keys(policy.environments)[0] ?? 'production', identifier: text };
}

export interface InitialModal {
  policy: Policy;
  channelId: string;
  timeZone: string;
  now: Date;
  prefill?: RestorePrefill;
}

/** The modal as `/restore` opens it, prefilled by the one-line form. Throws a RestoreInputError for a bad `--at`. */
export function initialModalState({ policy, channelId, timeZone, now, prefill }: InitialModal): RestoreModalState {
  const environments = Object.keys(policy.environments);
  const state: RestoreModalState = {
    environments,
    restorePointType: 'latest',
    ifTargetExists: 'fail',
    expiry: DEFAULT_EXPIRY_CHOICE,
    defaultExpiry: policy.defaultExpiry,
    timeZone,
    channelId,
  };
  if (!prefill) return state;
  const source = splitSource(prefill.source, policy);
  state.kind = prefill.kind;
  state.source = source;
  state.targetEnvironment = source.environment;
  state.target = prefill.target ?? defaultTargetName(source.identifier, now);
  state.ifTargetExists = prefill.replace ? 'replace' : 'fail';
  if (prefill.expiresIn) state.expiry = prefill.expiresIn;
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
export function modalStateFromView(view: ViewOutput, policy: Policy, now: Date): RestoreModalState {
  const metadata = readRestoreModalMetadata(view.private_metadata);
  const values = readRestoreModalValues(view.state.values);
  const source = values.sourceValue ? splitSource(values.sourceValue, policy) : metadata.source;
  const state: RestoreModalState = {
    environments: Object.keys(policy.environments),
    restorePointType: values.restorePointType ?? metadata.restorePointType ?? 'latest',
    ifTargetExists: values.ifTargetExists ?? 'fail',
    expiry: values.expiry ?? DEFAULT_EXPIRY_CHOICE,
    defaultExpiry: policy.defaultExpiry,
    timeZone: metadata.timeZone,
    channelId: metadata.channelId,
  };
  const kind = values.kind ?? metadata.kind;
  if (kind) state.kind = kind;
  // A source of another kind no longer fits once the kind changes.
  if (source && kind === metadata.kind) state.source = source;
  const targetEnvironment = values.targetEnvironment ?? metadata.targetEnvironment ?? state.source?.environment;
  if (targetEnvironment) state.targetEnvironment = targetEnvironment;
  if (values.restoreTime) state.restoreTime = values.restoreTime;
  if (values.snapshotValue)
    state.snapshot = { value: values.snapshotValue, label: values.snapshotLabel ?? values.snapshotValue };
  state.target = values.target ?? (state.source ? defaultTargetName(state.source.identifier, now) : undefined);
  if (values.reason) state.reason = values.reason;
  return state;
}
