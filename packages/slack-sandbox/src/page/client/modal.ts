import type { BlockJson, SandboxActionResult, SandboxView } from '../snapshot-types.js';
import { renderBlock } from './blocks.js';
import type { LoadedOptions } from './combobox.js';
import { domId, h, replaceChildren } from './dom.js';
import { type ElementValue, renderInput } from './inputs.js';
import { isRecord, rec, str, textOf } from './json.js';
import type { Directory } from './mrkdwn.js';

/** The page's routes for modals (POST /sandbox/view/...), for the person looking. */
export interface ModalApi {
  value(viewId: string, blockId: string, actionId: string, value: ElementValue): Promise<SandboxActionResult>;
  act(viewId: string, blockId: string, actionId: string, action: ElementValue): Promise<SandboxActionResult>;
  options(viewId: string, blockId: string, actionId: string, query: string): Promise<SandboxActionResult>;
  submit(viewId: string): Promise<SandboxActionResult>;
  close(viewId: string, all: boolean): Promise<SandboxActionResult>;
  report(result: SandboxActionResult): void;
}

export interface ModalContext {
  user: string;
  timeZone: string;
  directory: Directory;
  /** How many modals the person has open: a pushed one closes with "Back" to the one below. */
  depth: number;
}

interface PendingValue {
  viewId: string;
  blockId: string;
  actionId: string;
  value: ElementValue;
}

/** Keystrokes are sent after this pause (and always before a submit or an action). */
const TYPING_PAUSE_MS = 300;

/**
 * The person's visible modal. It is rebuilt only when the app changes the view (a new id or hash), so
 * typing is never interrupted by the live updates; field errors are updated in place.
 */
export class ModalLayer {
  private key: string | undefined;
  private overlay: HTMLElement | undefined;
  private banner: HTMLElement | undefined;
  private readonly errorSlots = new Map<string, { block: HTMLElement; message: HTMLElement }>();
  private readonly pending = new Map<string, PendingValue>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: HTMLElement,
    private readonly api: ModalApi,
  ) {}

  show(view: SandboxView | undefined, context: ModalContext): void {
    if (!view) {
      this.overlay?.remove();
      this.overlay = undefined;
      this.key = undefined;
      return;
    }
    const key = `${context.user}|${view.id}|${view.hash}`;
    if (key === this.key) {
      this.showErrors(view.errors);
      return;
    }
    const focused = document.activeElement?.id;
    this.key = key;
    this.overlay?.remove();
    this.overlay = this.build(view, context);
    this.host.appendChild(this.overlay);
    this.showErrors(view.errors);
    const again = focused ? document.getElementById(focused) : null;
    if (again && this.overlay.contains(again)) again.focus();
  }

  /** Sends what was typed but not sent yet. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    const values = [...this.pending.values()];
    this.pending.clear();
    for (const pending of values) {
      const result = await this.api.value(pending.viewId, pending.blockId, pending.actionId, pending.value);
      if (!result.ok) this.api.report(result);
    }
  }

  private build(view: SandboxView, context: ModalContext): HTMLElement {
    this.errorSlots.clear();
    this.banner = h('div', { class: 'modal-banner', hidden: true, role: 'alert' });
    const submitButton = view.submit
      ? h('button', { type: 'submit', class: 'btn btn-primary' }, view.submit)
      : undefined;
    const form = h(
      'form',
      {
        class: 'modal',
        role: 'dialog',
        aria: { modal: 'true', label: view.title },
        onsubmit: (event) => {
          event.preventDefault();
          if (submitButton) void this.submit(view.id, submitButton);
        },
        // Enter in a one-line field does not submit a Slack modal.
        onkeydown: (event) => {
          if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
        },
      },
      h(
        'header',
        { class: 'modal-header' },
        h('h2', { class: 'modal-title' }, view.title),
        h(
          'button',
          {
            type: 'button',
            class: 'icon-button',
            title: 'Close',
            aria: { label: 'Close' },
            onclick: () => void this.close(view.id, true),
          },
          '✕',
        ),
      ),
      h('div', { class: 'modal-body' }, ...view.blocks.map((block) => this.renderModalBlock(view, block, context))),
      this.banner,
      h(
        'footer',
        { class: 'modal-footer' },
        h(
          'button',
          { type: 'button', class: 'btn', onclick: () => void this.close(view.id, false) },
          view.close ?? (context.depth > 1 ? 'Back' : 'Cancel'),
        ),
        submitButton,
      ),
    );
    return h('div', { class: 'overlay' }, form);
  }

  private renderModalBlock(view: SandboxView, block: BlockJson, context: ModalContext): HTMLElement {
    const blockId = str(block, 'block_id') ?? '';
    const elementInput = (element: BlockJson, dispatch: boolean) => {
      const actionId = str(element, 'action_id') ?? '';
      const key = `${view.id}|${blockId}|${actionId}`;
      return renderInput({
        id: domId('field', view.id, blockId, actionId),
        element,
        current: this.pending.get(key)?.value ?? view.values[blockId]?.[actionId],
        timeZone: context.timeZone,
        change: (value, typing) => void this.change({ viewId: view.id, blockId, actionId, value }, dispatch, typing),
        loadOptions: (query) => this.loadOptions(view.id, blockId, actionId, query),
      });
    };
    if (str(block, 'type') !== 'input') {
      // Outside input blocks every change is sent at once (buttons, selects in actions blocks).
      return renderBlock(block, {
        directory: context.directory,
        onButton: async (id, button) => {
          await this.flush();
          this.api.report(await this.api.act(view.id, id, str(button, 'action_id') ?? '', { type: 'button' }));
        },
        renderElement: (_id, element) => elementInput(element, true),
      });
    }
    const element = rec(block, 'element');
    const actionId = str(element, 'action_id') ?? '';
    const message = h('div', { class: 'field-error', role: 'alert' });
    const wrapper = h(
      'div',
      { class: 'input-block', dataset: { blockId } },
      h(
        'label',
        { class: 'input-label', for: domId('field', view.id, blockId, actionId) },
        textOf(block, 'label'),
        block.optional === true ? h('span', { class: 'optional' }, ' (optional)') : null,
      ),
      element ? elementInput(element, block.dispatch_action === true) : null,
      rec(block, 'hint') ? h('div', { class: 'input-hint' }, textOf(block, 'hint')) : null,
      message,
    );
    this.errorSlots.set(blockId, { block: wrapper, message });
    return wrapper;
  }

  private async change(pending: PendingValue, dispatch: boolean, typing = false): Promise<void> {
    const key = `${pending.viewId}|${pending.blockId}|${pending.actionId}`;
    if (dispatch && !typing) {
      // `dispatch_action`: Slack sends the change to the app at once, with everything typed so far.
      this.pending.delete(key);
      await this.flush();
      this.api.report(await this.api.act(pending.viewId, pending.blockId, pending.actionId, pending.value));
      return;
    }
    this.pending.set(key, pending);
    clearTimeout(this.timer);
    if (typing) this.timer = setTimeout(() => void this.flush(), TYPING_PAUSE_MS);
    else await this.flush();
  }

  private async loadOptions(viewId: string, blockId: string, actionId: string, query: string): Promise<LoadedOptions> {
    await this.flush();
    const result = await this.api.options(viewId, blockId, actionId, query);
    if (!result.ok) return { options: [], warning: result.error };
    return {
      options: (result.options ?? []).filter(isRecord),
      ...(result.hint ? { hint: result.hint } : {}),
      ...(result.warning ? { warning: result.warning } : {}),
    };
  }

  private async submit(viewId: string, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    this.showBanner(undefined);
    try {
      await this.flush();
      const result = await this.api.submit(viewId);
      if (!result.ok && result.fieldErrors) {
        this.showErrors(result.fieldErrors);
        this.overlay?.querySelector('.has-error')?.scrollIntoView({ block: 'center' });
      } else if (!result.ok) this.showBanner(result.error);
      else if (result.warning) this.showBanner(result.warning);
    } finally {
      button.disabled = false;
    }
  }

  private async close(viewId: string, all: boolean): Promise<void> {
    clearTimeout(this.timer);
    this.pending.clear();
    this.api.report(await this.api.close(viewId, all));
  }

  private showErrors(errors: Record<string, string>): void {
    for (const [blockId, slot] of this.errorSlots) {
      const error = errors[blockId];
      slot.block.classList.toggle('has-error', error !== undefined);
      replaceChildren(slot.message, error ?? '');
    }
  }

  private showBanner(text: string | undefined): void {
    if (!this.banner) return;
    this.banner.hidden = text === undefined;
    replaceChildren(this.banner, text ?? '');
  }
}
