import type { BlockJson } from '../snapshot-types.js';
import { h, replaceChildren } from './dom.js';
import { withEmoji } from './emoji.js';
import { textOf } from './json.js';

/** What the app answered to a `block_suggestion`, as the page's server relays it. */
export interface LoadedOptions {
  options: BlockJson[];
  /** Why nothing was asked yet (fewer characters typed than `min_query_length`). */
  hint?: string;
  warning?: string;
}

export interface ComboboxOptions {
  id: string;
  placeholder: string;
  selected: BlockJson | null;
  load(query: string): Promise<LoadedOptions>;
  onPick(option: BlockJson): void;
}

/** Typing pauses this long before the app is asked (Slack waits a little too). */
const TYPING_PAUSE_MS = 200;

/**
 * An `external_select`: a text box that asks the app for options as the person types
 * (`block_suggestion` through POST /sandbox/options) and a list to pick from, with the keyboard too.
 */
export function externalSelect(options: ComboboxOptions): HTMLElement {
  let selected = options.selected;
  let shown: BlockJson[] = [];
  let active = -1;
  let request = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const listId = `${options.id}-list`;
  const input = h('input', {
    id: options.id,
    type: 'text',
    class: 'input combobox-input',
    role: 'combobox',
    placeholder: options.placeholder,
    aria: { autocomplete: 'list', expanded: 'false', controls: listId },
  });
  input.autocomplete = 'off';
  const list = h('ul', { id: listId, class: 'combobox-list', role: 'listbox', hidden: true });
  const labelOf = (option: BlockJson) => withEmoji(textOf(option, 'text'));
  input.value = selected ? labelOf(selected) : '';

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const showNote = (text: string, className = 'combobox-note') => {
    replaceChildren(list, h('li', { class: className }, text));
    list.hidden = false;
  };
  const highlight = (index: number) => {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((item, position) => {
      item.setAttribute('aria-selected', String(position === index));
    });
  };
  const pick = (option: BlockJson) => {
    selected = option;
    input.value = labelOf(option);
    close();
    options.onPick(option);
  };
  const showOptions = (loaded: LoadedOptions) => {
    shown = loaded.options;
    if (loaded.warning) return showNote(loaded.warning, 'combobox-note combobox-warning');
    if (loaded.hint) return showNote(loaded.hint);
    if (shown.length === 0) return showNote('No results');
    replaceChildren(
      list,
      ...shown.map((option, index) =>
        h(
          'li',
          {
            role: 'option',
            class: 'combobox-option',
            aria: { selected: 'false' },
            // mousedown, not click: the text box must not lose focus and close the list first.
            onmousedown: (event) => {
              event.preventDefault();
              pick(option);
            },
            onclick: () => highlight(index),
          },
          labelOf(option),
          textOf(option, 'description') ? h('small', {}, textOf(option, 'description')) : null,
        ),
      ),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const search = async (query: string) => {
    request += 1;
    const mine = request;
    showNote('Loading…');
    try {
      const loaded = await options.load(query);
      if (mine === request && document.activeElement === input) showOptions(loaded);
    } catch (error) {
      if (mine === request) showNote((error as Error).message, 'combobox-note combobox-warning');
    }
  };

  const open = () => void search(selected && input.value === labelOf(selected) ? '' : input.value);
  // A click (or ArrowDown) opens the list, not focus itself: the modal gives focus back to this box
  // after every views.update, and a list that reopened then would cover the fields below it.
  input.addEventListener('focus', () => input.select());
  input.addEventListener('click', () => {
    if (list.hidden) open();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(input.value), TYPING_PAUSE_MS);
  });
  input.addEventListener('blur', () => {
    clearTimeout(timer);
    request += 1;
    close();
    // Leaving without picking shows the choice that still holds, as Slack does.
    input.value = selected ? labelOf(selected) : '';
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.hidden) return open();
      if (shown.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      highlight((active + step + shown.length) % shown.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = shown[active] ?? (shown.length === 1 ? shown[0] : undefined);
      if (option) pick(option);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  return h('div', { class: 'combobox' }, input, list);
}
