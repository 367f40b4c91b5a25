/**
 * What Slack refuses in Block Kit payloads, as pure checks. The stand-in Slack API server rejects
 * what these find, and the builders' tests run every card and modal through them, so a card Slack
 * would refuse fails a unit test rather than a `chat.update` in production.
 *
 * Pointers are JSON pointers into the Web API arguments, as Slack's `response_metadata.messages`
 * name them: `/blocks/3/text/text` for chat.postMessage, `/view/title/text` for views.open,
 * `/options/0/value` for an options load response. Messages read like Slack's
 * (`must be less than 3001 characters`, `no more than 50 items allowed`).
 */

/** One thing Slack would refuse, with the JSON pointer Slack's error names. */
export interface BlockKitProblem {
  pointer: string;
  message: string;
}

/** Slack's documented limits; the builders size their text and lists with these. */
export const BLOCK_KIT_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  id: 255,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  accessibilityLabel: 75,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  options: 100,
  optionGroups: 100,
  choiceOptions: 10,
  overflowOptions: 5,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  placeholder: 150,
  inputLength: 3000,
  label: 2000,
  hint: 2000,
  viewTitle: 24,
  privateMetadata: 3000,
  imageAltText: 2000,
  imageTitle: 2000,
  markdownText: 12_000,
} as const;

const L = BLOCK_KIT_LIMITS;

/** Every block type Slack accepts (the `type`s of `@slack/types`' KnownBlock). */
const BLOCK_TYPES: ReadonlySet<string> = new Set([
  'actions',
  'alert',
  'card',
  'carousel',
  'container',
  'context',
  'context_actions',
  'data_table',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'plan',
  'rich_text',
  'section',
  'table',
  'task_card',
  'video',
]);

/** Elements a user interacts with: allowed in actions, as a section accessory and in inputs. */
const INTERACTIVE_ELEMENTS: ReadonlySet<string> = new Set([
  'button',
  'checkboxes',
  'datepicker',
  'datetimepicker',
  'email_text_input',
  'feedback_buttons',
  'file_input',
  'icon_button',
  'number_input',
  'overflow',
  'plain_text_input',
  'radio_buttons',
  'rich_text_input',
  'timepicker',
  'url_text_input',
  'workflow_button',
  'static_select',
  'external_select',
  'users_select',
  'conversations_select',
  'channels_select',
  'multi_static_select',
  'multi_external_select',
  'multi_users_select',
  'multi_conversations_select',
  'multi_channels_select',
]);

const INPUT_ELEMENTS: ReadonlySet<string> = new Set(
  [...INTERACTIVE_ELEMENTS].filter((type) => !['button', 'overflow', 'workflow_button', 'icon_button'].includes(type)),
);

const BUTTON_STYLES = ['primary', 'danger'];

type Problems = BlockKitProblem[];
type Json = Record<string, unknown>;

type Check = (out: Problems, value: Json, pointer: string) => void;

/** Deeper checks per block type; divider, file, video and the newer layout blocks get only the block_id check. */
const BLOCK_CHECKS: Record<string, Check> = {
  header: (out, block, pointer) =>
    checkText(out, block.text, `${pointer}/text`, { max: L.headerText, plainOnly: true, required: true }),
  section: (out, block, pointer) => checkSection(out, block, pointer),
  context: (out, block, pointer) => checkContext(out, block, pointer),
  actions: (out, block, pointer) => checkActions(out, block, pointer),
  input: (out, block, pointer) => checkInput(out, block, pointer),
  image: (out, block, pointer) => checkImage(out, block, pointer, true),
  markdown: (out, block, pointer) => {
    if (typeof block.text !== 'string')
      out.push({ pointer: `${pointer}/text`, message: 'missing required field: text' });
    else checkLength(out, block.text, `${pointer}/text`, L.markdownText, 1);
  },
  rich_text: (out, block, pointer) => {
    if (!Array.isArray(block.elements)) {
      out.push({ pointer: `${pointer}/elements`, message: 'missing required field: elements' });
    }
  },
};

/** Deeper checks per element type, after the action_id, placeholder and confirm checks all elements get. */
const ELEMENT_CHECKS: Record<string, Check> = {
  button: (out, element, pointer) => checkButton(out, element, pointer),
  static_select: (out, element, pointer) => checkStaticSelect(out, element, pointer),
  multi_static_select: (out, element, pointer) => checkStaticSelect(out, element, pointer),
  external_select: (out, element, pointer) => checkExternalSelect(out, element, pointer),
  multi_external_select: (out, element, pointer) => checkExternalSelect(out, element, pointer),
  radio_buttons: (out, element, pointer) => checkChoices(out, element, pointer),
  checkboxes: (out, element, pointer) => checkChoices(out, element, pointer),
  overflow: (out, element, pointer) =>
    checkOptionList(out, element.options, `${pointer}/options`, { max: L.overflowOptions, plainOnly: true, min: 1 }),
  plain_text_input: (out, element, pointer) => checkPlainTextInput(out, element, pointer),
  datetimepicker: (out, element, pointer) => {
    if (element.initial_date_time !== undefined && !isEpochSeconds(element.initial_date_time)) {
      out.push({ pointer: `${pointer}/initial_date_time`, message: 'must be a Unix timestamp in seconds' });
    }
  },
  datepicker: (out, element, pointer) => {
    if (element.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(element.initial_date))) {
      out.push({ pointer: `${pointer}/initial_date`, message: 'must be in the format YYYY-MM-DD' });
    }
  },
  timepicker: (out, element, pointer) => {
    if (element.initial_time !== undefined && !/^\d{2}:\d{2}$/.test(String(element.initial_time))) {
      out.push({ pointer: `${pointer}/initial_time`, message: 'must be in the format HH:mm' });
    }
  },
};

/**
 * What Slack checks on chat.postMessage / chat.update / chat.postEphemeral blocks, and on the
 * top-level `text` when given (the notification fallback, at most 40,000 characters).
 */
export function checkMessageBlocks(blocks: unknown[], text?: unknown): BlockKitProblem[] {
  const out: Problems = [];
  if (text !== undefined) {
    if (typeof text !== 'string') out.push({ pointer: '/text', message: 'must be a string' });
    else checkLength(out, text, '/text', L.messageText);
  }
  checkBlockList(out, blocks, '/blocks', L.messageBlocks);
  return out;
}

/** What Slack checks on views.open / views.update / views.push. */
export function checkView(view: unknown): BlockKitProblem[] {
  const out: Problems = [];
  const pointer = '/view';
  if (!isRecord(view)) return [{ pointer, message: 'must be an object' }];
  if (view.type !== 'modal' && view.type !== 'home') {
    out.push({ pointer: `${pointer}/type`, message: `unsupported view type: ${String(view.type)}` });
  }
  optionalString(out, view, 'private_metadata', pointer, L.privateMetadata);
  optionalString(out, view, 'callback_id', pointer, L.id);
  optionalString(out, view, 'external_id', pointer, L.id);
  if (view.type === 'modal') {
    checkText(out, view.title, `${pointer}/title`, { max: L.viewTitle, plainOnly: true, required: true });
    checkText(out, view.close, `${pointer}/close`, { max: L.viewTitle, plainOnly: true });
    checkText(out, view.submit, `${pointer}/submit`, { max: L.viewTitle, plainOnly: true });
    const hasInput =
      Array.isArray(view.blocks) && view.blocks.some((block) => isRecord(block) && block.type === 'input');
    if (hasInput && view.submit === undefined) {
      out.push({ pointer: `${pointer}/submit`, message: 'missing required field: submit (the view has input blocks)' });
    }
  }
  checkBlockList(out, view.blocks, `${pointer}/blocks`, L.viewBlocks);
  return out;
}

/** What Slack checks on an options load response (external_select): `{ options }` or `{ option_groups }`. */
export function checkOptionsResponse(response: unknown): BlockKitProblem[] {
  const out: Problems = [];
  if (!isRecord(response)) return [{ pointer: '', message: 'must be an object' }];
  const hasOptions = response.options !== undefined;
  const hasGroups = response.option_groups !== undefined;
  if (hasOptions === hasGroups) {
    return [{ pointer: '', message: 'must provide exactly one of options or option_groups' }];
  }
  if (hasOptions) checkOptionList(out, response.options, '/options', { max: L.options, plainOnly: true });
  else checkOptionGroups(out, response.option_groups, '/option_groups');
  return out;
}

function checkBlockList(out: Problems, blocks: unknown, pointer: string, max: number): void {
  if (!Array.isArray(blocks)) {
    out.push({ pointer, message: 'must be an array' });
    return;
  }
  if (blocks.length > max) out.push({ pointer, message: tooMany(max) });
  const seen = new Map<string, number>();
  blocks.forEach((block, index) => {
    const at = `${pointer}/${index}`;
    checkBlock(out, block, at);
    if (!isRecord(block) || typeof block.block_id !== 'string') return;
    const first = seen.get(block.block_id);
    if (first === undefined) seen.set(block.block_id, index);
    else out.push({ pointer: `${at}/block_id`, message: `must be unique: ${pointer}/${first} has the same block_id` });
  });
}

function checkBlock(out: Problems, block: unknown, pointer: string): void {
  if (!isRecord(block)) {
    out.push({ pointer, message: 'must be an object' });
    return;
  }
  if (typeof block.type !== 'string' || !BLOCK_TYPES.has(block.type)) {
    out.push({ pointer: `${pointer}/type`, message: `unsupported block type: ${String(block.type)}` });
    return;
  }
  optionalString(out, block, 'block_id', pointer, L.id);
  BLOCK_CHECKS[block.type]?.(out, block, pointer);
}

function checkSection(out: Problems, block: Json, pointer: string): void {
  if (block.text === undefined && block.fields === undefined) {
    out.push({ pointer, message: 'must provide text or fields' });
  }
  checkText(out, block.text, `${pointer}/text`, { max: L.sectionText });
  if (block.fields !== undefined) {
    if (!Array.isArray(block.fields)) {
      out.push({ pointer: `${pointer}/fields`, message: 'must be an array' });
    } else {
      if (block.fields.length > L.sectionFields) {
        out.push({ pointer: `${pointer}/fields`, message: tooMany(L.sectionFields) });
      }
      block.fields.forEach((field, index) => {
        checkText(out, field, `${pointer}/fields/${index}`, { max: L.fieldText, required: true });
      });
    }
  }
  if (block.accessory !== undefined) {
    checkElement(
      out,
      block.accessory,
      `${pointer}/accessory`,
      (type) => INTERACTIVE_ELEMENTS.has(type) || type === 'image',
    );
  }
}

function checkContext(out: Problems, block: Json, pointer: string): void {
  const elements = requireArray(out, block, 'elements', pointer, 1);
  if (!elements) return;
  if (elements.length > L.contextElements)
    out.push({ pointer: `${pointer}/elements`, message: tooMany(L.contextElements) });
  elements.forEach((element, index) => {
    const at = `${pointer}/elements/${index}`;
    if (isRecord(element) && element.type === 'image') checkImage(out, element, at, false);
    else checkText(out, element, at, { max: L.contextText, required: true });
  });
}

function checkActions(out: Problems, block: Json, pointer: string): void {
  const elements = requireArray(out, block, 'elements', pointer, 1);
  if (!elements) return;
  if (elements.length > L.actionsElements)
    out.push({ pointer: `${pointer}/elements`, message: tooMany(L.actionsElements) });
  const actionIds = new Set<string>();
  elements.forEach((element, index) => {
    const at = `${pointer}/elements/${index}`;
    checkElement(out, element, at, (type) => INTERACTIVE_ELEMENTS.has(type));
    if (!isRecord(element) || typeof element.action_id !== 'string') return;
    if (actionIds.has(element.action_id)) {
      out.push({ pointer: `${at}/action_id`, message: 'must be unique within the block' });
    }
    actionIds.add(element.action_id);
  });
}

function checkInput(out: Problems, block: Json, pointer: string): void {
  checkText(out, block.label, `${pointer}/label`, { max: L.label, plainOnly: true, required: true });
  checkText(out, block.hint, `${pointer}/hint`, { max: L.hint, plainOnly: true });
  if (block.element === undefined) {
    out.push({ pointer: `${pointer}/element`, message: 'missing required field: element' });
    return;
  }
  checkElement(out, block.element, `${pointer}/element`, (type) => INPUT_ELEMENTS.has(type));
}

function checkImage(out: Problems, image: Json, pointer: string, isBlock: boolean): void {
  if (image.image_url === undefined && image.slack_file === undefined) {
    out.push({ pointer: `${pointer}/image_url`, message: 'missing required field: image_url or slack_file' });
  }
  optionalString(out, image, 'image_url', pointer, L.url);
  if (typeof image.alt_text !== 'string') {
    out.push({ pointer: `${pointer}/alt_text`, message: 'missing required field: alt_text' });
  } else {
    checkLength(out, image.alt_text, `${pointer}/alt_text`, L.imageAltText, 1);
  }
  if (isBlock) checkText(out, image.title, `${pointer}/title`, { max: L.imageTitle, plainOnly: true });
}

function checkElement(out: Problems, element: unknown, pointer: string, allowed: (type: string) => boolean): void {
  if (!isRecord(element)) {
    out.push({ pointer, message: 'must be an object' });
    return;
  }
  if (typeof element.type !== 'string' || !allowed(element.type)) {
    out.push({ pointer: `${pointer}/type`, message: `unsupported element type here: ${String(element.type)}` });
    return;
  }
  if (element.type === 'image') {
    checkImage(out, element, pointer, false);
    return;
  }
  optionalString(out, element, 'action_id', pointer, L.id);
  checkText(out, element.placeholder, `${pointer}/placeholder`, { max: L.placeholder, plainOnly: true });
  if (element.confirm !== undefined) checkConfirm(out, element.confirm, `${pointer}/confirm`);
  ELEMENT_CHECKS[element.type]?.(out, element, pointer);
}

function checkButton(out: Problems, button: Json, pointer: string): void {
  checkText(out, button.text, `${pointer}/text`, { max: L.buttonText, plainOnly: true, required: true });
  optionalString(out, button, 'value', pointer, L.buttonValue);
  optionalString(out, button, 'url', pointer, L.url);
  optionalString(out, button, 'accessibility_label', pointer, L.accessibilityLabel);
  if (button.style !== undefined && !BUTTON_STYLES.includes(String(button.style))) {
    out.push({ pointer: `${pointer}/style`, message: `must be one of: ${BUTTON_STYLES.join(', ')}` });
  }
}

function checkConfirm(out: Problems, confirm: unknown, pointer: string): void {
  if (!isRecord(confirm)) {
    out.push({ pointer, message: 'must be an object' });
    return;
  }
  checkText(out, confirm.title, `${pointer}/title`, { max: L.confirmTitle, plainOnly: true });
  checkText(out, confirm.text, `${pointer}/text`, { max: L.confirmText, required: true });
  checkText(out, confirm.confirm, `${pointer}/confirm`, { max: L.confirmButton, plainOnly: true });
  checkText(out, confirm.deny, `${pointer}/deny`, { max: L.confirmButton, plainOnly: true });
  if (confirm.style !== undefined && !BUTTON_STYLES.includes(String(confirm.style))) {
    out.push({ pointer: `${pointer}/style`, message: `must be one of: ${BUTTON_STYLES.join(', ')}` });
  }
}

function checkStaticSelect(out: Problems, select: Json, pointer: string): void {
  const hasOptions = select.options !== undefined;
  const hasGroups = select.option_groups !== undefined;
  if (hasOptions === hasGroups) {
    out.push({ pointer, message: 'must provide exactly one of options or option_groups' });
    return;
  }
  if (hasOptions)
    checkOptionList(out, select.options, `${pointer}/options`, { max: L.options, plainOnly: true, min: 1 });
  else checkOptionGroups(out, select.option_groups, `${pointer}/option_groups`);
  const all = hasOptions
    ? asArray(select.options)
    : asArray(select.option_groups).flatMap((g) => asArray(isRecord(g) ? g.options : undefined));
  checkInitialOptions(out, select, pointer, all, true);
}

function checkExternalSelect(out: Problems, select: Json, pointer: string): void {
  const minQuery = select.min_query_length;
  if (minQuery !== undefined && !(typeof minQuery === 'number' && Number.isInteger(minQuery) && minQuery >= 0)) {
    out.push({ pointer: `${pointer}/min_query_length`, message: 'must be a non-negative integer' });
  }
  if (select.initial_option !== undefined) {
    checkOption(out, select.initial_option, `${pointer}/initial_option`, true);
  }
  asArray(select.initial_options).forEach((option, index) => {
    checkOption(out, option, `${pointer}/initial_options/${index}`, true);
  });
}

function checkChoices(out: Problems, element: Json, pointer: string): void {
  checkOptionList(out, element.options, `${pointer}/options`, { max: L.choiceOptions, plainOnly: false, min: 1 });
  checkInitialOptions(out, element, pointer, asArray(element.options), false);
}

/** Slack refuses an initial option that is not one of the element's options. */
function checkInitialOptions(
  out: Problems,
  element: Json,
  pointer: string,
  options: unknown[],
  plainOnly: boolean,
): void {
  const keys = new Set(options.map(optionKey));
  const check = (option: unknown, at: string): void => {
    checkOption(out, option, at, plainOnly);
    if (isRecord(option) && !keys.has(optionKey(option)))
      out.push({ pointer: at, message: 'must match one of the options' });
  };
  if (element.initial_option !== undefined) check(element.initial_option, `${pointer}/initial_option`);
  asArray(element.initial_options).forEach((option, index) => {
    check(option, `${pointer}/initial_options/${index}`);
  });
}

function optionKey(option: unknown): string {
  if (!isRecord(option)) return '';
  const text = isRecord(option.text) ? option.text.text : undefined;
  const description = isRecord(option.description) ? option.description.text : undefined;
  return JSON.stringify([option.value, text, description]);
}

function checkOptionGroups(out: Problems, groups: unknown, pointer: string): void {
  if (!Array.isArray(groups)) {
    out.push({ pointer, message: 'must be an array' });
    return;
  }
  if (groups.length > L.optionGroups) out.push({ pointer, message: tooMany(L.optionGroups) });
  groups.forEach((group, index) => {
    const at = `${pointer}/${index}`;
    if (!isRecord(group)) {
      out.push({ pointer: at, message: 'must be an object' });
      return;
    }
    checkText(out, group.label, `${at}/label`, { max: L.optionText, plainOnly: true, required: true });
    checkOptionList(out, group.options, `${at}/options`, { max: L.options, plainOnly: true });
  });
}

function checkOptionList(
  out: Problems,
  options: unknown,
  pointer: string,
  rules: { max: number; plainOnly: boolean; min?: number },
): void {
  if (!Array.isArray(options)) {
    out.push({ pointer, message: options === undefined ? 'missing required field: options' : 'must be an array' });
    return;
  }
  if (options.length > rules.max) out.push({ pointer, message: tooMany(rules.max) });
  if (options.length < (rules.min ?? 0)) out.push({ pointer, message: `must provide at least ${rules.min} item` });
  options.forEach((option, index) => {
    checkOption(out, option, `${pointer}/${index}`, rules.plainOnly);
  });
}

function checkOption(out: Problems, option: unknown, pointer: string, plainOnly: boolean): void {
  if (!isRecord(option)) {
    out.push({ pointer, message: 'must be an object' });
    return;
  }
  checkText(out, option.text, `${pointer}/text`, { max: L.optionText, plainOnly, required: true });
  if (typeof option.value !== 'string') {
    out.push({ pointer: `${pointer}/value`, message: 'missing required field: value' });
  } else {
    checkLength(out, option.value, `${pointer}/value`, L.optionValue);
  }
  checkText(out, option.description, `${pointer}/description`, { max: L.optionDescription, plainOnly });
  optionalString(out, option, 'url', pointer, L.url);
}

function checkPlainTextInput(out: Problems, input: Json, pointer: string): void {
  const maxLength = boundedLength(out, input.max_length, `${pointer}/max_length`, 1);
  const minLength = boundedLength(out, input.min_length, `${pointer}/min_length`, 0);
  if (minLength !== undefined && maxLength !== undefined && minLength > maxLength) {
    out.push({ pointer: `${pointer}/min_length`, message: 'must not be greater than max_length' });
  }
  optionalString(out, input, 'initial_value', pointer, maxLength ?? L.inputLength);
}

function boundedLength(out: Problems, value: unknown, pointer: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > L.inputLength) {
    out.push({ pointer, message: `must be an integer from ${min} to ${L.inputLength}` });
    return undefined;
  }
  return value;
}

interface TextRules {
  max: number;
  plainOnly?: boolean;
  required?: boolean;
}

/** A plain_text or mrkdwn object: the right type, and 1..max characters of text. */
function checkText(out: Problems, value: unknown, pointer: string, rules: TextRules): void {
  if (value === undefined) {
    if (rules.required) out.push({ pointer, message: `missing required field: ${lastSegment(pointer)}` });
    return;
  }
  if (!isRecord(value)) {
    out.push({ pointer, message: 'must be an object' });
    return;
  }
  const types = rules.plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  if (typeof value.type !== 'string' || !types.includes(value.type)) {
    out.push({ pointer: `${pointer}/type`, message: `must be one of: ${types.join(', ')}` });
  }
  if (typeof value.text !== 'string') {
    out.push({ pointer: `${pointer}/text`, message: 'missing required field: text' });
    return;
  }
  checkLength(out, value.text, `${pointer}/text`, rules.max, 1);
}

function checkLength(out: Problems, text: string, pointer: string, max: number, min = 0): void {
  const length = characterCount(text);
  if (length > max) out.push({ pointer, message: `must be less than ${max + 1} characters` });
  else if (length < min) out.push({ pointer, message: `must be more than ${min - 1} characters` });
}

function optionalString(out: Problems, holder: Json, key: string, pointer: string, max: number): void {
  const value = holder[key];
  if (value === undefined) return;
  if (typeof value !== 'string') out.push({ pointer: `${pointer}/${key}`, message: 'must be a string' });
  else checkLength(out, value, `${pointer}/${key}`, max);
}

function requireArray(out: Problems, holder: Json, key: string, pointer: string, min: number): unknown[] | undefined {
  const value = holder[key];
  if (!Array.isArray(value)) {
    out.push({
      pointer: `${pointer}/${key}`,
      message: value === undefined ? `missing required field: ${key}` : 'must be an array',
    });
    return undefined;
  }
  if (value.length < min) out.push({ pointer: `${pointer}/${key}`, message: `must provide at least ${min} item` });
  return value;
}

/**
 * UTF-16 code units: never fewer than the characters Slack counts, so a payload that passes here
 * is not refused there (an emoji near a limit may be refused here that Slack would take).
 */
function characterCount(text: string): number {
  return text.length;
}

function isEpochSeconds(value: unknown): boolean {
  // Ten digits covers 2001-2286; milliseconds (13 digits) are the usual mistake.
  return typeof value === 'number' && Number.isInteger(value) && value >= 1_000_000_000 && value < 10_000_000_000;
}

function tooMany(max: number): string {
  return `no more than ${max} items allowed`;
}

function lastSegment(pointer: string): string {
  return pointer.slice(pointer.lastIndexOf('/') + 1);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
