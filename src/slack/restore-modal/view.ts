import type { InputBlock, KnownBlock, ModalView, PlainTextOption, View } from '@slack/types';
import { NEVER_EXPIRES } from '../../domain/expiry-rules.js';
import { DATABASE_KINDS, KIND_LABELS } from '../../domain/kinds.js';
import { REQUEST_REASON_LIMITS } from '../../domain/reason.js';
import type { RestorableWindow } from '../../domain/source.js';
import { BLOCK_KIT_LIMITS } from '../block-kit-limits.js';
import { truncate } from '../blocks/text.js';
import { epochSeconds, formatUtcAndZone } from '../blocks/time.js';
import { DEFAULT_EXPIRY_CHOICE, RESTORE_MODAL, RESTORE_POINT_TYPES, type RestorePointType } from '../ids.js';
import { restoreModalMetadata } from './metadata.js';
import { shortOptionValue, sourceOption } from './options.js';
import type { RestoreModalState } from './state.js';

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
    {
      type: 'context',
      block_id: RESTORE_MODAL.whatHappens.blockId,
      elements: [
        {
          type: 'mrkdwn',
          text: `*Request approval* posts the plan in <#${state.channelId}> for an approver. Nothing is restored until someone else approves it.`,
        },
      ],
    },
  ];
  const view: ModalView = {
    type: 'modal',
    callback_id: RESTORE_MODAL.callbackId,
    title: plain('Restore a database'),
    // Says what happens: the plan goes to the channel for a second person, nothing is restored yet.
    submit: plain('Request approval'),
    close: plain('Cancel'),
    private_metadata: restoreModalMetadata(state),
    blocks,
  };
  return view;
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
    .map((environment) => option(environment, environment, state.environmentNotes?.[environment]));
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
    hint: plain(
      `${state.targetNamingHint ? `${truncate(state.targetNamingHint, 150)}. ` : 'Letters, digits and hyphens. '}An existing name needs "Replace it" below.`,
    ),
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
