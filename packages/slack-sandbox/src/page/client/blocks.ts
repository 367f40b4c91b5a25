import type { BlockJson } from '../snapshot-types.js';
import { confirmDialog } from './confirm.js';
import { h } from './dom.js';
import { withEmoji } from './emoji.js';
import { rec, records, str, textOf } from './json.js';
import { type Directory, renderMrkdwn } from './mrkdwn.js';

/** What rendering needs from the page: names for mentions, and what to do when a button is pressed. */
export interface BlockContext {
  directory: Directory;
  /** A button was pressed (and confirmed, when it asks). Resolves when the app has answered. */
  onButton(blockId: string, button: BlockJson): Promise<void>;
  /** Interactive elements other than buttons (selects, pickers in a modal's actions block). */
  renderElement?(blockId: string, element: BlockJson): Node | undefined;
}

/** A text object: mrkdwn through the mrkdwn renderer, plain_text as text (with emoji when asked). */
export function renderText(textObject: BlockJson | undefined, directory: Directory): Node {
  const text = str(textObject, 'text') ?? '';
  if (str(textObject, 'type') === 'mrkdwn') return renderMrkdwn(text, directory);
  return document.createTextNode(textObject?.emoji === false ? text : withEmoji(text));
}

export function renderBlocks(blocks: BlockJson[], context: BlockContext): HTMLElement {
  return h('div', { class: 'blocks' }, ...blocks.map((block) => renderBlock(block, context)));
}

export function renderBlock(block: BlockJson, context: BlockContext): HTMLElement {
  const blockId = str(block, 'block_id') ?? '';
  const { directory } = context;
  switch (str(block, 'type')) {
    case 'header':
      return h('div', { class: 'block block-header' }, renderText(rec(block, 'text'), directory));
    case 'divider':
      return h('hr', { class: 'block block-divider' });
    case 'section': {
      const fields = records(block, 'fields');
      const accessory = rec(block, 'accessory');
      return h(
        'div',
        { class: 'block block-section' },
        h(
          'div',
          { class: 'section-body' },
          rec(block, 'text') ? h('div', { class: 'section-text' }, renderText(rec(block, 'text'), directory)) : null,
          fields.length > 0
            ? h(
                'div',
                { class: 'section-fields' },
                ...fields.map((field) => h('div', { class: 'section-field' }, renderText(field, directory))),
              )
            : null,
        ),
        accessory ? h('div', { class: 'section-accessory' }, renderElement(blockId, accessory, context)) : null,
      );
    }
    case 'context':
      return h(
        'div',
        { class: 'block block-context' },
        ...records(block, 'elements').map((element) =>
          str(element, 'type') === 'image'
            ? image(element, 'context-image')
            : h('span', { class: 'context-element' }, renderText(element, directory)),
        ),
      );
    case 'actions':
      return h(
        'div',
        { class: 'block block-actions' },
        ...records(block, 'elements').map((element) => renderElement(blockId, element, context)),
      );
    case 'image':
      return h(
        'div',
        { class: 'block block-image' },
        rec(block, 'title') ? h('div', { class: 'image-title' }, textOf(block, 'title')) : null,
        image(block, 'block-image-img'),
      );
    default:
      return h(
        'div',
        { class: 'block block-unknown' },
        `[${str(block, 'type') ?? 'unknown'} block: not drawn by the sandbox]`,
      );
  }
}

function renderElement(blockId: string, element: BlockJson, context: BlockContext): Node {
  if (str(element, 'type') === 'button') return renderButton(blockId, element, context);
  if (str(element, 'type') === 'image') return image(element, 'accessory-image');
  return (
    context.renderElement?.(blockId, element) ??
    h('span', { class: 'unsupported' }, `[${str(element, 'type') ?? 'element'}: not drawn by the sandbox]`)
  );
}

function renderButton(blockId: string, element: BlockJson, context: BlockContext): HTMLButtonElement {
  const style = str(element, 'style');
  const url = str(element, 'url');
  const button = h(
    'button',
    {
      type: 'button',
      class: `btn${style === 'primary' ? ' btn-primary' : style === 'danger' ? ' btn-danger' : ''}`,
      dataset: { actionId: str(element, 'action_id') ?? '' },
    },
    renderText(rec(element, 'text'), context.directory),
  );
  button.addEventListener('click', async () => {
    const confirm = rec(element, 'confirm');
    if (confirm && !(await confirmDialog(confirm, context.directory))) return;
    // A link button opens the link in Slack, and still tells the app.
    if (url && /^https?:/i.test(url)) window.open(url, '_blank', 'noopener');
    button.disabled = true;
    button.classList.add('busy');
    try {
      await context.onButton(blockId, element);
    } finally {
      button.disabled = false;
      button.classList.remove('busy');
    }
  });
  return button;
}

/** An image element or block; only http(s) URLs are loaded. */
function image(source: BlockJson, className: string): HTMLImageElement {
  const element = h('img', { class: className });
  const url = str(source, 'image_url') ?? '';
  if (/^https?:/i.test(url)) element.src = url;
  element.alt = str(source, 'alt_text') ?? '';
  element.title = element.alt;
  return element;
}
