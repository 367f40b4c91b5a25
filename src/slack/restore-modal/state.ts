import type { ViewOutput } from '@slack/bolt';
import { defaultTargetName } from '../../domain/default-target-name.js';
import { RestoreInputError } from '../../domain/errors.js';
import { allowedExpiryChoices, type ExpiryContext, requestedLifetime } from '../../domain/expiry-rules.js';
import { assertValidIdentifier, identifierFromArn } from '../../domain/identifiers.js';
import type { DatabaseKind } from '../../domain/kinds.js';
import type { Policy } from '../../domain/policy.js';
import { parseRestorePoint } from '../../domain/restore-point.js';
import type { RestorableWindow } from '../../domain/source.js';
import { parseSourceReference, type SourceReference } from '../../domain/source-reference.js';
import { DEFAULT_EXPIRY_CHOICE, EXPIRY_CHOICES, type RestorePointType } from '../ids.js';
import type { MetadataSeal } from '../metadata-seal.js';
import type { RestorePrefill } from '../parse/restore-command.js';
import { type RestoreModalMetadata, readRestoreModalMetadata } from './metadata.js';
import { type RestoreModalValues, readRestoreModalValues } from './values.js';

/** Everything the restore modal shows; the listeners rebuild it from the view and redraw. */
export interface RestoreModalState {
  kind?: DatabaseKind;
  source?: { environment: string; identifier: string };
  targetEnvironment?: string;
  /** The policy's environments, offered as targets. */
  environments: string[];
  /** Once a source is chosen: per environment, which restore points it can receive from that source. */
  environmentNotes?: Record<string, string>;
  /** The policy's own words for its naming rule (`targetNaming.hint`). */
  targetNamingHint?: string;
  restorePointType: RestorePointType;
  restoreTime?: Date;
  snapshot?: { value: string; label: string };
  /** The source's restorable window, once the source is known. */
  window?: RestorableWindow;
  target?: string;
  ifTargetExists: 'fail' | 'replace';
  /** DEFAULT_EXPIRY_CHOICE, one of `expiryChoices`, or another duration (`12h`) that a prefill asked for. */
  expiry: string;
  /** The expiries this request may choose (allowedExpiryChoices): "never" only where the policy allows it. */
  expiryChoices: readonly string[];
  /** The policy's default expiry of a new copy, named in the default choice's label. */
  defaultExpiry?: string;
  reason?: string;
  /** The requester's IANA zone, for showing the window. */
  timeZone: string;
  channelId: string;
}

/**
 * What the person has chosen so far that reshapes the modal: the form's values over what the metadata
 * remembers. The redraw, the option lists and the submission all read the modal through this one reading.
 */
export interface ModalChoices {
  kind?: DatabaseKind;
  source?: SourceReference;
  targetEnvironment?: string;
  restorePointType: RestorePointType;
}

/** The choices in the modal; a RestoreInputError on the source for a source the policy refuses. */
export function modalChoices(values: RestoreModalValues, metadata: RestoreModalMetadata, policy: Policy): ModalChoices {
  const kind = values.kind ?? metadata.kind;
  const chosen = values.sourceValue ? parseSourceReference(values.sourceValue, policy) : metadata.source;
  // A source of another kind no longer fits once the kind changes.
  const source = kind === metadata.kind ? chosen : undefined;
  const targetEnvironment = values.targetEnvironment ?? metadata.targetEnvironment ?? source?.environment;
  return {
    ...(kind ? { kind } : {}),
    ...(source ? { source } : {}),
    ...(targetEnvironment ? { targetEnvironment } : {}),
    restorePointType: values.restorePointType ?? metadata.restorePointType ?? 'latest',
  };
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
  if (!prefill) return withPolicyFacts(state, policy);
  const source = parseSourceReference(prefill.source, policy);
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
  return withPolicyFacts(state, policy);
}

/** The modal's state as the person left it: what they entered over what the metadata remembers. */
export function modalStateFromView(view: ViewOutput, policy: Policy, now: Date, seal: MetadataSeal): RestoreModalState {
  const metadata = readRestoreModalMetadata(seal.open(view.private_metadata));
  const values = readRestoreModalValues(view.state.values);
  const choices = choicesForRedraw(values, metadata, policy);
  const ifTargetExists = values.ifTargetExists ?? 'fail';
  const state: RestoreModalState = {
    ...choices,
    environments: Object.keys(policy.environments),
    ifTargetExists,
    expiry: values.expiry ?? DEFAULT_EXPIRY_CHOICE,
    defaultExpiry: policy.defaultExpiry,
    expiryChoices: expiryChoicesFor(policy, {
      targetEnvironment: choices.targetEnvironment ?? Object.keys(policy.environments)[0] ?? 'production',
      ifTargetExists,
    }),
    timeZone: metadata.timeZone,
    channelId: metadata.channelId,
  };
  if (values.restoreTime) state.restoreTime = values.restoreTime;
  if (values.snapshotValue)
    state.snapshot = { value: values.snapshotValue, label: values.snapshotLabel ?? values.snapshotValue };
  state.target = values.target ?? (state.source ? defaultTargetName(state.source.identifier, now) : undefined);
  if (values.reason) state.reason = values.reason;
  return withPolicyFacts(state, policy);
}

/**
 * What the form says of the policy: which environments can take a point-in-time restore of the chosen
 * source (only its own account and region can; the others restore from snapshots), and the naming rule.
 */
export function withPolicyFacts(state: RestoreModalState, policy: Policy): RestoreModalState {
  const source = state.source ? policy.environments[state.source.environment] : undefined;
  const notes = source
    ? Object.fromEntries(
        Object.entries(policy.environments).map(([name, environment]) => [
          name,
          environment.accountId === source.accountId && environment.region === source.region
            ? 'Any restore point'
            : 'Snapshots only: another account or region',
        ]),
      )
    : undefined;
  const hint = policy.targetNaming.hint;
  return { ...state, ...(notes ? { environmentNotes: notes } : {}), ...(hint ? { targetNamingHint: hint } : {}) };
}

/** The choices in an open modal, for the option lists: a source the policy refuses counts as none chosen. */
export function modalChoicesFromView(view: ViewOutput, policy: Policy, seal: MetadataSeal): ModalChoices {
  const metadata = readRestoreModalMetadata(seal.open(view.private_metadata));
  return choicesForRedraw(readRestoreModalValues(view.state.values), metadata, policy);
}

/** The choices a redraw can use: a bad source is left for the submission to refuse on its field. */
function choicesForRedraw(values: RestoreModalValues, metadata: RestoreModalMetadata, policy: Policy): ModalChoices {
  try {
    return modalChoices(values, metadata, policy);
  } catch (error) {
    if (!(error instanceof RestoreInputError)) throw error;
    const { sourceValue: _refused, ...rest } = values;
    return modalChoices(rest, metadata, policy);
  }
}
