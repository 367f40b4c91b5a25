import { renderDateToken } from './date-token.js';
import { h } from './dom.js';
import { emojiFor } from './emoji.js';

/** Names for `<@U…>`, `<!subteam^S…>` and `<#C…>`, from the workspace directory. */
export interface Directory {
  personName(id: string): string | undefined;
  groupHandle(id: string): string | undefined;
  channelName(id: string): string | undefined;
  /** The viewer's time zone and the workspace's clock, for `<!date^…>` tokens. */
  viewerTimeZone(): string;
  nowMs(): number;
}

/**
 * Slack's mrkdwn as DOM nodes (never as HTML strings, so nothing the app sends can inject markup):
 * *bold*, _italic_, ~strike~, `code`, ```preformatted```, <links|with text>, <@mentions>, :emoji:,
 * `> quoted` lines, line breaks and the `&lt; &gt; &amp;` escapes (an escaped `&gt;` quotes nothing).
 */
export function renderMrkdwn(text: string, directory: Directory): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const node of parseInline(text, directory)) fragment.appendChild(node);
  return fragment;
}

/** Which characters open and close emphasis, and the element each makes. */
const EMPHASIS: Record<string, 'strong' | 'em' | 's'> = { '*': 'strong', _: 'em', '~': 's' };

function parseInline(text: string, directory: Directory): Node[] {
  const nodes: Node[] = [];
  let plain = '';
  const flush = () => {
    if (plain) nodes.push(document.createTextNode(decode(plain)));
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const char = text.charAt(i);
    if (char === '>' && (i === 0 || text.charAt(i - 1) === '\n')) {
      const lineEnd = text.indexOf('\n', i);
      const end = lineEnd < 0 ? text.length : lineEnd;
      flush();
      const quote = h('blockquote', { class: 'mrkdwn-quote' });
      for (const child of parseInline(text.slice(i + 1, end).replace(/^ /, ''), directory)) quote.appendChild(child);
      nodes.push(quote);
      // The quote is a block of its own: the line break after it is not drawn again.
      i = lineEnd < 0 ? end : end + 1;
      continue;
    }
    if (rest.startsWith('```')) {
      const end = text.indexOf('```', i + 3);
      if (end > i) {
        flush();
        nodes.push(h('pre', { class: 'mrkdwn-pre' }, decode(text.slice(i + 3, end).replace(/^\n/, ''))));
        i = end + 3;
        continue;
      }
    }
    if (char === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1 && !text.slice(i + 1, end).includes('\n')) {
        flush();
        nodes.push(h('code', {}, decode(text.slice(i + 1, end))));
        i = end + 1;
        continue;
      }
    }
    if (char === '<') {
      const end = text.indexOf('>', i + 1);
      if (end > i + 1) {
        flush();
        nodes.push(special(text.slice(i + 1, end), directory));
        i = end + 1;
        continue;
      }
    }
    if (char === ':') {
      const match = /^:([a-z0-9_+-]+):/.exec(rest);
      const emoji = match?.[1] ? emojiFor(match[1]) : undefined;
      if (match && emoji) {
        flush();
        nodes.push(h('span', { class: 'emoji', title: match[0] }, emoji));
        i += match[0].length;
        continue;
      }
    }
    const tag = EMPHASIS[char];
    if (tag && opensAt(text, i)) {
      const end = closingIndex(text, i, char);
      if (end > 0) {
        flush();
        const element = h(tag);
        for (const child of parseInline(text.slice(i + 1, end), directory)) element.appendChild(child);
        nodes.push(element);
        i = end + 1;
        continue;
      }
    }
    if (char === '\n') {
      flush();
      nodes.push(h('br'));
      i += 1;
      continue;
    }
    plain += char;
    i += 1;
  }
  flush();
  return nodes;
}

/** Emphasis opens after a boundary (start, space, punctuation) and before a non-space. */
function opensAt(text: string, index: number): boolean {
  const before = index === 0 ? ' ' : text.charAt(index - 1);
  const after = text.charAt(index + 1);
  return /[\s(["'>~*_]/.test(before) && after !== '' && !/\s/.test(after);
}

/** The matching closer on the same line: after a non-space, before a boundary; -1 if none. */
function closingIndex(text: string, open: number, char: string): number {
  for (let i = open + 2; i < text.length; i += 1) {
    const current = text.charAt(i);
    if (current === '\n') return -1;
    if (current === '`') {
      // Code spans are atomic: an emphasis character inside one does not close.
      const end = text.indexOf('`', i + 1);
      if (end > i) i = end;
      continue;
    }
    if (current !== char || /\s/.test(text.charAt(i - 1))) continue;
    const after = text.charAt(i + 1);
    if (after === '' || /[\s).,:;!?'"\]*_~]/.test(after)) return i;
  }
  return -1;
}

/** `<https://x|label>`, `<mailto:…>`, `<@U1>`, `<#C1|name>`, `<!here>`, `<!subteam^S1>`, `<!date^…|fallback>`. */
function special(inner: string, directory: Directory): Node {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? inner.slice(bar + 1) : undefined;
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return h('span', { class: 'mention', title: id }, `@${directory.personName(id) ?? label ?? id}`);
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return h('span', { class: 'mention', title: id }, `#${directory.channelName(id) ?? label ?? id}`);
  }
  if (target.startsWith('!subteam^')) {
    const id = target.slice('!subteam^'.length);
    return h('span', { class: 'mention', title: id }, `@${directory.groupHandle(id) ?? label ?? id}`);
  }
  if (target.startsWith('!')) {
    const word = target.slice(1).split('^')[0] ?? '';
    if (word === 'date') {
      const shown = renderDateToken(decode(inner.slice(1)), directory.viewerTimeZone(), directory.nowMs());
      return h('time', { class: 'date-token', title: decode(label ?? '') }, shown);
    }
    return h('span', { class: 'mention' }, `@${word}`);
  }
  const url = decode(target);
  if (/^(https?:|mailto:)/i.test(url)) {
    return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, decode(label ?? url));
  }
  return document.createTextNode(decode(`<${inner}>`));
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
