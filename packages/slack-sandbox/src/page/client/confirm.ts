import type { BlockJson } from '../snapshot-types.js';
import { h } from './dom.js';
import { rec, str, textOf } from './json.js';
import { type Directory, renderMrkdwn } from './mrkdwn.js';

/** A button's `confirm` dialog, as Slack shows it before sending the click. Resolves true on confirm. */
export function confirmDialog(confirm: BlockJson, directory: Directory): Promise<boolean> {
  return new Promise((resolve) => {
    const textObject = rec(confirm, 'text');
    const body =
      str(textObject, 'type') === 'mrkdwn'
        ? renderMrkdwn(str(textObject, 'text') ?? '', directory)
        : document.createTextNode(str(textObject, 'text') ?? '');
    const done = (answer: boolean) => {
      overlay.remove();
      resolve(answer);
    };
    const confirmButton = h(
      'button',
      {
        type: 'button',
        class: `btn ${str(confirm, 'style') === 'danger' ? 'btn-danger' : 'btn-primary'}`,
        onclick: () => done(true),
      },
      textOf(confirm, 'confirm') || 'Yes',
    );
    const overlay = h(
      'div',
      { class: 'overlay confirm-overlay', onkeydown: (event) => event.key === 'Escape' && done(false) },
      h(
        'div',
        { class: 'dialog', role: 'alertdialog', aria: { modal: 'true', label: textOf(confirm, 'title') || 'Confirm' } },
        h('h2', { class: 'dialog-title' }, textOf(confirm, 'title') || 'Are you sure?'),
        h('div', { class: 'dialog-body' }, body),
        h(
          'div',
          { class: 'dialog-footer' },
          h(
            'button',
            { type: 'button', class: 'btn', onclick: () => done(false) },
            textOf(confirm, 'deny') || 'Cancel',
          ),
          confirmButton,
        ),
      ),
    );
    document.body.appendChild(overlay);
    confirmButton.focus();
  });
}
