import type { BlockJson } from '../snapshot-types.js';
import { externalSelect, type LoadedOptions } from './combobox.js';
import { h } from './dom.js';
import { withEmoji } from './emoji.js';
import { num, rec, records, str, textOf } from './json.js';
import { dateAndTimeIn, epochSecondsOf } from './time.js';

/** A value in the shape Slack reports it in `view.state.values` (`{ type: 'static_select', selected_option }`). */
export type ElementValue = BlockJson & { type: string };

/** One interactive element of a modal, and what it needs from the modal around it. */
export interface InputContext {
  /** The element's DOM id (its label points at it). */
  id: string;
  element: BlockJson;
  /** Its entry in `view.state.values`, or what the person typed that is not sent yet. */
  current: BlockJson | undefined;
  /** The viewer's Slack time zone: the datetime picker reads and shows times in it. */
  timeZone: string;
  /** The person changed the value; `typing` for keystrokes, which are sent after a pause. */
  change(value: ElementValue, typing?: boolean): void;
  loadOptions(query: string): Promise<LoadedOptions>;
}

/** The form control for one element type, or a note for element types the sandbox does not draw. */
export function renderInput(context: InputContext): HTMLElement {
  const { element } = context;
  const type = str(element, 'type') ?? '';
  switch (type) {
    case 'plain_text_input':
    case 'number_input':
    case 'email_text_input':
    case 'url_text_input':
      return textInput(context, type);
    case 'static_select':
      return staticSelect(context);
    case 'external_select':
      return externalSelect({
        id: context.id,
        placeholder: textOf(element, 'placeholder') || 'Select an option',
        selected: rec(context.current, 'selected_option') ?? null,
        load: context.loadOptions,
        onPick: (option) => context.change({ type, selected_option: option }),
      });
    case 'radio_buttons':
    case 'checkboxes':
      return choiceList(context, type);
    case 'datetimepicker':
      return dateTimePicker(context);
    case 'datepicker':
    case 'timepicker': {
      const key = type === 'datepicker' ? 'selected_date' : 'selected_time';
      return h('input', {
        id: context.id,
        class: 'input',
        type: type === 'datepicker' ? 'date' : 'time',
        value: str(context.current, key) ?? '',
        onchange: (event) => {
          const value = (event.target as HTMLInputElement).value;
          context.change({ type, [key]: value === '' ? null : value });
        },
      });
    }
    default:
      return h('div', { class: 'unsupported' }, `[${type}: not drawn by the sandbox]`);
  }
}

function textInput(context: InputContext, type: string): HTMLElement {
  const { element } = context;
  const multiline = element.multiline === true;
  const control = multiline ? h('textarea') : h('input');
  if (control instanceof HTMLTextAreaElement) control.rows = 4;
  control.id = context.id;
  control.className = `input${multiline ? ' textarea' : ''}`;
  if (control instanceof HTMLInputElement) {
    control.type = type === 'number_input' ? 'number' : type === 'email_text_input' ? 'email' : 'text';
  }
  control.placeholder = textOf(element, 'placeholder');
  const max = num(element, 'max_length');
  if (max !== undefined) control.maxLength = max;
  control.value = str(context.current, 'value') ?? '';
  control.addEventListener('input', () =>
    context.change({ type, value: control.value === '' ? null : control.value }, true),
  );
  return control;
}

function staticSelect(context: InputContext): HTMLElement {
  const { element } = context;
  const groups = records(element, 'option_groups');
  const all = groups.length > 0 ? groups.flatMap((group) => records(group, 'options')) : records(element, 'options');
  const selectedValue = str(rec(context.current, 'selected_option'), 'value');
  const optionElement = (option: BlockJson) => {
    const item = h('option', { value: str(option, 'value') ?? '' }, withEmoji(textOf(option, 'text')));
    item.selected = item.value === selectedValue;
    return item;
  };
  const placeholder = h('option', { value: '' }, textOf(element, 'placeholder') || 'Select an option');
  placeholder.disabled = true;
  placeholder.selected = selectedValue === undefined;
  const select = h(
    'select',
    {
      id: context.id,
      class: 'input select',
      onchange: () => {
        const option = all.find((candidate) => str(candidate, 'value') === select.value);
        if (option) context.change({ type: 'static_select', selected_option: option });
      },
    },
    placeholder,
    ...(groups.length > 0
      ? groups.map((group) => {
          const optgroup = h('optgroup', {}, ...records(group, 'options').map(optionElement));
          optgroup.label = textOf(group, 'label');
          return optgroup;
        })
      : all.map(optionElement)),
  );
  return select;
}

function choiceList(context: InputContext, type: 'radio_buttons' | 'checkboxes'): HTMLElement {
  const { element } = context;
  const options = records(element, 'options');
  const radio = type === 'radio_buttons';
  const chosen = new Set(
    radio
      ? [str(rec(context.current, 'selected_option'), 'value')]
      : records(context.current, 'selected_options').map((option) => str(option, 'value')),
  );
  const inputs: HTMLInputElement[] = [];
  const report = () => {
    const picked = options.filter((_option, index) => inputs[index]?.checked === true);
    context.change(radio ? { type, selected_option: picked[0] ?? null } : { type, selected_options: picked });
  };
  return h(
    'div',
    { id: context.id, class: 'choices', role: radio ? 'radiogroup' : 'group' },
    ...options.map((option) => {
      const input = h('input', {
        type: radio ? 'radio' : 'checkbox',
        name: context.id,
        value: str(option, 'value') ?? '',
        checked: chosen.has(str(option, 'value')),
        onchange: report,
      });
      inputs.push(input);
      return h(
        'label',
        { class: 'choice' },
        input,
        h(
          'span',
          { class: 'choice-text' },
          withEmoji(textOf(option, 'text')),
          textOf(option, 'description') ? h('small', {}, textOf(option, 'description')) : null,
        ),
      );
    }),
  );
}

function dateTimePicker(context: InputContext): HTMLElement {
  const initial = num(context.current, 'selected_date_time');
  const shown = initial === undefined ? { date: '', time: '' } : dateAndTimeIn(initial, context.timeZone);
  const date = h('input', { id: context.id, type: 'date', class: 'input', value: shown.date });
  const time = h('input', { id: `${context.id}-time`, type: 'time', class: 'input', value: shown.time });
  time.setAttribute('aria-label', 'Time');
  const report = () => {
    const epoch = epochSecondsOf(date.value, time.value, context.timeZone);
    context.change({ type: 'datetimepicker', selected_date_time: epoch ?? null });
  };
  date.addEventListener('change', report);
  time.addEventListener('change', report);
  return h('div', { class: 'datetime' }, date, time, h('span', { class: 'zone' }, context.timeZone));
}
