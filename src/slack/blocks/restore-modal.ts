import type { InputBlock, KnownBlock, ModalView, PlainTextOption, View } from '@slack/types';
import { z } from 'zod';
import { NEVER_EXPIRES } from '../../domain/expiry-rules.js';
import { identifierFromArn } from '../../domain/identifiers.js';
import { DATABASE_KINDS, type DatabaseKind, KIND_LABELS } from '../../domain/kinds.js';
import { withSuffix } from '../../domain/managed-resources.js';
import { REQUEST_REASON_LIMITS } from '../../domain/reason.js';
import type { RestorableWindow } from '../../domain/source.js';
import { BLOCK_KIT_LIMITS } from '../block-kit-limits.js';
import { DEFAULT_EXPIRY_CHOICE, RESTORE_MODAL, RESTORE_POINT_TYPES, type RestorePointType } from '../ids.js';
import { SEAL_LENGTH } from '../metadata-seal.js';
import { ModalMetadataError } from './errors.js';
import { shortOptionValue, sourceOption } from './options.js';
import { truncate } from './text.js';
import { epochSeconds, formatUtcAndZone } from './time.js';

/** Everything the restore modal shows; the listeners rebuild it from the view and redraw. */
export interface RestoreModalState {
  kind?: DatabaseKind;
  source?: { environment: string; identifier: string };
  targetEnvironment?: string;
  /** The policy's environments, offered as targets. */
  environments: string[];
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

const MetadataSchema = z.object({
  channelId: z.string(),
  timeZone: z.string().min(1),
  kind: z.enum(DATABASE_KINDS).optional(),
  source: z.object({ environment: z.string().min(1), identifier: z.string().min(1) }).optional(),
  targetEnvironment: z.string().min(1).optional(),
  restorePointType: z.enum(RESTORE_POINT_TYPES).default('latest'),
});

/** What the modal remembers between interactions: what the form itself does not hold. */
export type RestoreModalMetadata = z.output<typeof MetadataSchema>;

/** The most a reason may hold (RestoreRequestSchema's limit), enforced by Slack as they type. */
const MAX_REASON = REQUEST_REASON_LIMITS.max;

/**
 * The restore form. Changing the kind, source, target environment or restore point type sends an
 * action (`dispatch_action`) so the listener redraws it: the time picker or the snapshot list
 * appears for the chosen type, and the source's restorable window once the source is known.
 */
export function buildRestoreModal(state: RestoreModalState): View {
  const blocks: KnownBlock[] = [
    kindInput(state),
    sourceInput(state),
    targetEnvironmentInput(state),
    restorePointInput(state),
    ...(state.window ? [windowContext(state.window, state.timeZone)] : []),
    ...(state.restorePointType === 'time' ? [restoreTimeInput(state)] : []),
    ...(state.restorePointType === 'snapshot' ? [snapshotInput(state)] : []),
    targetInput(state),
    ifTargetExistsInput(state),
    expiryInput(state),
    reasonInput(state),
  ];
  const view: ModalView = {
    type: 'modal',
    callback_id: RESTORE_MODAL.callbackId,
    title: plain('Restore a database'),
    submit: plain('Show plan'),
    close: plain('Cancel'),
    private_metadata: restoreModalMetadata(state),
    blocks,
  };
  return view;
}

/**
 * The metadata as JSON, within Slack's 3000 characters once sealed (a source too long to keep is read
 * from the form instead).
 */
export function restoreModalMetadata(state: RestoreModalState): string {
  const metadata: RestoreModalMetadata = {
    channelId: state.channelId,
    timeZone: state.timeZone,
    restorePointType: state.restorePointType,
    ...(state.kind ? { kind: state.kind } : {}),
    ...(state.source ? { source: state.source } : {}),
    ...(state.targetEnvironment ? { targetEnvironment: state.targetEnvironment } : {}),
  };
  const json = JSON.stringify(metadata);
  if (json.length <= BLOCK_KIT_LIMITS.privateMetadata - SEAL_LENGTH) return json;
  const { source: _source, targetEnvironment: _target, ...rest } = metadata;
  return JSON.stringify(rest);
}

/** Reads back what `buildRestoreModal` stored; throws ModalMetadataError for anything else. */
export function readRestoreModalMetadata(privateMetadata: string): RestoreModalMetadata {
  let parsed: unknown;
  try {
    parsed = JSON.parse(privateMetadata);
  } catch (error) {
    throw new ModalMetadataError('the restore modal metadata is not JSON', { cause: error });
  }
  const result = MetadataSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ModalMetadataError(
      `the restore modal metadata is not valid: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim(),
      { cause: result.error },
    );
  }
  return result.data;
}

/**
 * `<source>-<yyyymmdd-hhmm>` in UTC: a name that says what and when, valid as an RDS identifier
 * (letters, digits and single hyphens, starting with a letter, at most 63, no trailing hyphen).
 */
export function defaultTargetName(source: string, now: Date): string {
  const iso = now.toISOString();
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}`;
  const base = identifierFromArn(source)
    .replace(/[^A-Za-z0-9-]/g, '-')
    .replace(/^[^A-Za-z]+/, '')
    .replace(/-{2,}/g, '-');
  return withSuffix(base === '' ? 'restore' : base, stamp);
}

function kindInput(state: RestoreModalState): InputBlock {
  const options = DATABASE_KINDS.map((kind) => option(KIND_LABELS[kind], kind));
  const initial = options.find((candidate) => candidate.value === state.kind);
  return {
    type: 'input',
    block_id: RESTORE_MODAL.kind.blockId,
    dispatch_action: true,
    label: plain('Kind of database'),
    element: {
      type: 'static_select',
      action_id: RESTORE_MODAL.kind.actionId,
      placeholder: plain('Choose a kind'),
      options,
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}

function sourceInput(state: RestoreModalState): InputBlock {
  const initial = state.source ? sourceOption(state.source) : undefined;
  const fits = initial && (initial.value ?? '').length <= BLOCK_KIT_LIMITS.optionValue;
  return {
    type: 'input',
    block_id: RESTORE_MODAL.source.blockId,
    dispatch_action: true,
    label: plain('Source database'),
    hint: plain(state.kind ? 'Type part of its name; every environment is searched.' : 'Choose the kind first.'),
    element: {
      type: 'external_select',
      action_id: RESTORE_MODAL.source.actionId,
      // 0: the list loads on open, so people see what there is before typing.
      min_query_length: 0,
      placeholder: plain('Search databases'),
      ...(fits ? { initial_option: initial } : {}),
    },
  };
}

function targetEnvironmentInput(state: RestoreModalState): InputBlock {
  const options = state.environments
    .slice(0, BLOCK_KIT_LIMITS.options)
    .map((environment) => option(environment, environment));
  const initial = options.find((candidate) => candidate.value === state.targetEnvironment);
  return {
    type: 'input',
    block_id: RESTORE_MODAL.targetEnvironment.blockId,
    dispatch_action: true,
    label: plain('Restore into environment'),
    element: {
      type: 'static_select',
      action_id: RESTORE_MODAL.targetEnvironment.actionId,
      placeholder: plain('Same as the source'),
      options: options.length > 0 ? options : [option('(none in the policy)', 'none')],
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}

const RESTORE_POINT_OPTIONS: Record<RestorePointType, PlainTextOption> = {
  latest: option('Latest', 'latest', 'The newest data AWS can restore, usually minutes old'),
  time: option('A point in time', 'time', 'Any moment inside the restorable window'),
  snapshot: option('A snapshot or backup', 'snapshot', 'Own or shared with this account'),
};

function restorePointInput(state: RestoreModalState): InputBlock {
  return {
    type: 'input',
    block_id: RESTORE_MODAL.restorePointType.blockId,
    dispatch_action: true,
    label: plain('Restore point'),
    element: {
      type: 'radio_buttons',
      action_id: RESTORE_MODAL.restorePointType.actionId,
      options: RESTORE_POINT_TYPES.map((type) => RESTORE_POINT_OPTIONS[type]),
      initial_option: RESTORE_POINT_OPTIONS[state.restorePointType],
    },
  };
}

function windowContext(window: RestorableWindow, timeZone: string): KnownBlock {
  return {
    type: 'context',
    block_id: RESTORE_MODAL.restorableWindow.blockId,
    elements: [
      {
        type: 'mrkdwn',
        text: `:clock3: Restorable from ${formatUtcAndZone(window.earliest, timeZone)} to ${formatUtcAndZone(window.latest, timeZone)}`,
      },
    ],
  };
}

function restoreTimeInput(state: RestoreModalState): InputBlock {
  return {
    type: 'input',
    block_id: RESTORE_MODAL.restoreTime.blockId,
    label: plain('Restore to'),
    hint: plain('Shown in your Slack time zone; it must be inside the restorable window.'),
    element: {
      type: 'datetimepicker',
      action_id: RESTORE_MODAL.restoreTime.actionId,
      ...(state.restoreTime ? { initial_date_time: epochSeconds(state.restoreTime) } : {}),
    },
  };
}

function snapshotInput(state: RestoreModalState): InputBlock {
  const snapshot = state.snapshot;
  return {
    type: 'input',
    block_id: RESTORE_MODAL.snapshot.blockId,
    label: plain('Snapshot or backup'),
    hint: plain('Snapshots of the source database, newest first, shared ones included.'),
    element: {
      type: 'external_select',
      action_id: RESTORE_MODAL.snapshot.actionId,
      min_query_length: 0,
      placeholder: plain('Search snapshots'),
      // Values longer than 150 characters travel as the same digest the options carry.
      ...(snapshot
        ? { initial_option: option(snapshot.label || snapshot.value, shortOptionValue(snapshot.value)) }
        : {}),
    },
  };
}

function targetInput(state: RestoreModalState): InputBlock {
  return {
    type: 'input',
    block_id: RESTORE_MODAL.target.blockId,
    label: plain('New database name'),
    hint: plain('Letters, digits and hyphens. An existing name needs "Replace it" below.'),
    element: {
      type: 'plain_text_input',
      action_id: RESTORE_MODAL.target.actionId,
      placeholder: plain('orders-copy'),
      ...(state.target ? { initial_value: truncate(state.target, 255) } : {}),
    },
  };
}

const IF_EXISTS_OPTIONS = {
  fail: option('Stop if it exists', 'fail', 'Nothing is touched; pick another name'),
  replace: option('Replace it', 'replace', 'Renamed, then deleted with a final snapshot once the copy validates'),
} as const;

function ifTargetExistsInput(state: RestoreModalState): InputBlock {
  return {
    type: 'input',
    block_id: RESTORE_MODAL.ifTargetExists.blockId,
    label: plain('If a database with that name exists'),
    element: {
      type: 'radio_buttons',
      action_id: RESTORE_MODAL.ifTargetExists.actionId,
      options: [IF_EXISTS_OPTIONS.fail, IF_EXISTS_OPTIONS.replace],
      initial_option: IF_EXISTS_OPTIONS[state.ifTargetExists],
    },
  };
}

function expiryInput(state: RestoreModalState): InputBlock {
  const choices: string[] = [...state.expiryChoices];
  // A prefilled `--expires 12h` stays selectable even though the menu does not list it; "never" only when offered.
  if (
    state.expiry &&
    state.expiry !== DEFAULT_EXPIRY_CHOICE &&
    state.expiry !== NEVER_EXPIRES &&
    !choices.includes(state.expiry)
  )
    choices.unshift(state.expiry);
  const options = [
    option(defaultExpiryLabel(state.defaultExpiry), DEFAULT_EXPIRY_CHOICE),
    ...choices.map((choice) => option(expiryLabel(choice), choice)),
  ];
  const initial = options.find((candidate) => candidate.value === state.expiry);
  return {
    type: 'input',
    block_id: RESTORE_MODAL.expiry.blockId,
    label: plain('Delete the copy after'),
    hint: plain(
      'It is deleted then unless someone presses Extend on the card. A replacement never expires unless you pick a time.',
    ),
    element: {
      type: 'static_select',
      action_id: RESTORE_MODAL.expiry.actionId,
      options,
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}

function reasonInput(state: RestoreModalState): InputBlock {
  return {
    type: 'input',
    block_id: RESTORE_MODAL.reason.blockId,
    label: plain('Reason'),
    element: {
      type: 'plain_text_input',
      action_id: RESTORE_MODAL.reason.actionId,
      multiline: true,
      min_length: REQUEST_REASON_LIMITS.min,
      max_length: MAX_REASON,
      placeholder: plain('Why is this restore needed? Approvers read this.'),
      ...(state.reason ? { initial_value: truncate(state.reason, MAX_REASON) } : {}),
    },
  };
}

/** `Default: 3 days (a replacement: never)`. */
function defaultExpiryLabel(defaultExpiry: string | undefined): string {
  return `Default: ${defaultExpiry ? expiryLabel(defaultExpiry) : 'the policy’s'} (a replacement: never)`;
}

const UNIT_WORDS: Record<string, string> = { m: 'minute', h: 'hour', d: 'day', w: 'week' };

/** `3d` → `3 days`, `never` → `Never (keep it)`; anything else as written. */
export function expiryLabel(choice: string): string {
  if (choice === NEVER_EXPIRES) return 'Never (keep it until deleted)';
  const match = /^(\d+)([mhdw])$/.exec(choice);
  const unit = match?.[2] ? UNIT_WORDS[match[2]] : undefined;
  if (!match || !unit) return truncate(choice, BLOCK_KIT_LIMITS.optionText);
  return `${match[1]} ${unit}${match[1] === '1' ? '' : 's'}`;
}

function plain(text: string): { type: 'plain_text'; text: string } {
  return { type: 'plain_text', text };
}

function option(text: string, value: string, description?: string): PlainTextOption {
  return {
    text: plain(truncate(text, BLOCK_KIT_LIMITS.optionText)),
    value: truncate(value, BLOCK_KIT_LIMITS.optionValue),
    ...(description ? { description: plain(truncate(description, BLOCK_KIT_LIMITS.optionDescription)) } : {}),
  };
}
