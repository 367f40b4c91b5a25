import { StandInUsageError } from './errors.js';
import type { IdSource } from './id-source.js';
import { isRecord, type JsonObject, stringField } from './json.js';

/** An option as Slack sends it back: the element's own option object, text and value. */
export interface SlackOption {
  text: JsonObject;
  value: string;
  description?: JsonObject;
}

/** One element's entry in `view.state.values`, shaped as Slack sends it. */
export type ViewStateValue =
  | { type: 'plain_text_input' | 'number_input' | 'email_text_input' | 'url_text_input'; value: string | null }
  | { type: 'static_select' | 'external_select' | 'radio_buttons'; selected_option: SlackOption | null }
  | { type: 'multi_static_select' | 'multi_external_select' | 'checkboxes'; selected_options: SlackOption[] }
  | { type: 'users_select'; selected_user: string | null }
  | { type: 'conversations_select'; selected_conversation: string | null }
  | { type: 'channels_select'; selected_channel: string | null }
  | { type: 'datepicker'; selected_date: string | null }
  | { type: 'timepicker'; selected_time: string | null }
  | { type: 'datetimepicker'; selected_date_time: number | null };

/** `view.state.values`: block_id → action_id → value. */
export type ViewStateValues = Record<string, Record<string, ViewStateValue>>;

/** An interactive element of a view and where it sits. */
export interface ViewElementRef {
  blockId: string;
  actionId: string;
  blockType: string;
  element: JsonObject;
  /** Input blocks only: an empty optional input does not stop submission. */
  optional: boolean;
  /** Whether changing it sends `block_actions`: always outside input blocks, only with `dispatch_action` inside. */
  dispatches: boolean;
}

const TEXT_INPUTS = ['plain_text_input', 'number_input', 'email_text_input', 'url_text_input'] as const;
const SINGLE_SELECTS = ['static_select', 'external_select', 'radio_buttons'] as const;
const MULTI_SELECTS = ['multi_static_select', 'multi_external_select', 'checkboxes'] as const;
const OFFERS_OWN_OPTIONS: readonly string[] = ['static_select', 'radio_buttons', 'multi_static_select', 'checkboxes'];

function oneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** Slack gives every block and element an id when the app leaves it out; the state is keyed by them. */
export function assignMissingIds(blocks: unknown[], ids: IdSource): void {
  for (const block of blocks) {
    if (!isRecord(block)) continue;
    if (typeof block.block_id !== 'string') block.block_id = ids.blockId();
    for (const element of elementsOf(block)) {
      if (typeof element.action_id !== 'string') element.action_id = ids.blockId();
    }
  }
}

/** Every interactive element of the blocks, in order. */
export function viewElements(blocks: unknown[]): ViewElementRef[] {
  const refs: ViewElementRef[] = [];
  for (const block of blocks) {
    if (!isRecord(block)) continue;
    const blockId = stringField(block, 'block_id') ?? '';
    const blockType = stringField(block, 'type') ?? '';
    for (const element of elementsOf(block)) {
      refs.push({
        blockId,
        actionId: stringField(element, 'action_id') ?? '',
        blockType,
        element,
        optional: blockType === 'input' && block.optional === true,
        dispatches: blockType !== 'input' || block.dispatch_action === true,
      });
    }
  }
  return refs;
}

export function findElement(blocks: unknown[], blockId: string, actionId: string): ViewElementRef | undefined {
  return viewElements(blocks).find((ref) => ref.blockId === blockId && ref.actionId === actionId);
}

/** The state Slack reports for an element before the user touches it; undefined for stateless ones (buttons). */
export function initialValue(element: JsonObject): ViewStateValue | undefined {
  const type = stringField(element, 'type') ?? '';
  if (oneOf(TEXT_INPUTS, type)) return { type, value: stringField(element, 'initial_value') ?? null };
  if (oneOf(SINGLE_SELECTS, type)) {
    return { type, selected_option: isOption(element.initial_option) ? element.initial_option : null };
  }
  if (oneOf(MULTI_SELECTS, type)) {
    const initial = Array.isArray(element.initial_options) ? element.initial_options.filter(isOption) : [];
    return { type, selected_options: initial };
  }
  switch (type) {
    case 'users_select':
      return { type, selected_user: stringField(element, 'initial_user') ?? null };
    case 'conversations_select':
      return { type, selected_conversation: stringField(element, 'initial_conversation') ?? null };
    case 'channels_select':
      return { type, selected_channel: stringField(element, 'initial_channel') ?? null };
    case 'datepicker':
      return { type, selected_date: stringField(element, 'initial_date') ?? null };
    case 'timepicker':
      return { type, selected_time: stringField(element, 'initial_time') ?? null };
    case 'datetimepicker':
      return {
        type,
        selected_date_time: typeof element.initial_date_time === 'number' ? element.initial_date_time : null,
      };
    default:
      return undefined;
  }
}

/**
 * The state of freshly rendered blocks. Values the user entered survive an update when the block_id and
 * action_id stay the same (Slack's "preserving input entry"); everything else shows the new initial value.
 */
export function buildState(blocks: unknown[], entered: ViewStateValues = {}): ViewStateValues {
  const values: ViewStateValues = {};
  for (const ref of viewElements(blocks)) {
    const previous = entered[ref.blockId]?.[ref.actionId];
    const value = previous && previous.type === ref.element.type ? previous : initialValue(ref.element);
    if (!value) continue;
    values[ref.blockId] = { ...values[ref.blockId], [ref.actionId]: value };
  }
  return values;
}

export function isEmptyValue(value: ViewStateValue | undefined): boolean {
  if (!value) return true;
  if ('value' in value) return value.value === null || value.value === '';
  if ('selected_option' in value) return value.selected_option === null;
  if ('selected_options' in value) return value.selected_options.length === 0;
  if ('selected_user' in value) return value.selected_user === null;
  if ('selected_conversation' in value) return value.selected_conversation === null;
  if ('selected_channel' in value) return value.selected_channel === null;
  if ('selected_date' in value) return value.selected_date === null;
  if ('selected_time' in value) return value.selected_time === null;
  return value.selected_date_time === null;
}

/**
 * Checks that a person could have produced this value in this element and returns it as Slack would send
 * it (a chosen option is the element's own option object). Throws `StandInUsageError` otherwise.
 */
export function acceptValue(ref: ViewElementRef, value: ViewStateValue): ViewStateValue {
  const where = `${ref.blockId}/${ref.actionId}`;
  if (value.type !== ref.element.type) {
    throw new StandInUsageError(`${where} is a ${String(ref.element.type)}, not a ${value.type}`);
  }
  if ('value' in value && value.value !== null) {
    const max = ref.element.max_length;
    if (typeof max === 'number' && value.value.length > max) {
      throw new StandInUsageError(`${where} takes at most ${max} characters`);
    }
  }
  if (!OFFERS_OWN_OPTIONS.includes(value.type)) return value;
  const offered = optionsOf(ref.element);
  const pick = (option: SlackOption): SlackOption => {
    const match = offered.find((candidate) => candidate.value === option.value);
    if (!match) throw new StandInUsageError(`${where} offers no option with value ${JSON.stringify(option.value)}`);
    return match;
  };
  if ('selected_option' in value) {
    return { ...value, selected_option: value.selected_option === null ? null : pick(value.selected_option) };
  }
  if ('selected_options' in value) return { ...value, selected_options: value.selected_options.map(pick) };
  return value;
}

/** What Slack's client says under a field it will not submit, or undefined when the field is fine. */
export function clientSideProblem(ref: ViewElementRef, value: ViewStateValue | undefined): string | undefined {
  if (ref.blockType !== 'input') return undefined;
  if (isEmptyValue(value)) return ref.optional ? undefined : 'Please complete this required field.';
  const min = ref.element.min_length;
  if (value && 'value' in value && typeof min === 'number' && (value.value ?? '').length < min) {
    return `Please enter at least ${min} characters.`;
  }
  return undefined;
}

function elementsOf(block: JsonObject): JsonObject[] {
  if (block.type === 'input' && isRecord(block.element)) return [block.element];
  if (block.type === 'actions' && Array.isArray(block.elements)) return block.elements.filter(isRecord);
  if (block.type === 'section' && isRecord(block.accessory)) return [block.accessory];
  return [];
}

function optionsOf(element: JsonObject): SlackOption[] {
  const direct = Array.isArray(element.options) ? element.options.filter(isOption) : [];
  const grouped = Array.isArray(element.option_groups)
    ? element.option_groups.flatMap((group) =>
        isRecord(group) && Array.isArray(group.options) ? group.options.filter(isOption) : [],
      )
    : [];
  return [...direct, ...grouped];
}

export function isOption(value: unknown): value is SlackOption {
  return isRecord(value) && typeof value.value === 'string' && isRecord(value.text);
}
