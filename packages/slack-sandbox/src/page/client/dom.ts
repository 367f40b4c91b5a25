/** A tiny element builder: `h('button', { class: 'btn', onclick }, 'Approve')`. */

type Child = Node | string | null | undefined | false;
type Handler<K extends keyof HTMLElementEventMap> = (event: HTMLElementEventMap[K]) => void;

export interface Attributes {
  class?: string;
  id?: string;
  title?: string;
  type?: string;
  role?: string;
  for?: string;
  name?: string;
  value?: string;
  placeholder?: string;
  href?: string;
  target?: string;
  rel?: string;
  hidden?: boolean;
  disabled?: boolean;
  checked?: boolean;
  dataset?: Record<string, string>;
  aria?: Record<string, string>;
  onclick?: Handler<'click'>;
  onchange?: Handler<'change'>;
  oninput?: Handler<'input'>;
  onkeydown?: Handler<'keydown'>;
  onfocus?: Handler<'focus'>;
  onblur?: Handler<'blur'>;
  onsubmit?: Handler<'submit'>;
  onmousedown?: Handler<'mousedown'>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key === 'aria') {
      for (const [name, text] of Object.entries(value as Record<string, string>))
        element.setAttribute(`aria-${name}`, text);
    } else if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value as EventListener);
    } else if (key === 'class') element.className = String(value);
    else if (key === 'value' && 'value' in element) (element as HTMLInputElement).value = String(value);
    else if (key === 'checked' && element instanceof HTMLInputElement) element.checked = value === true;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces an element's children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A string usable as an element id. */
export function domId(...parts: string[]): string {
  return parts.join('--').replace(/[^A-Za-z0-9_-]/g, '_');
}
