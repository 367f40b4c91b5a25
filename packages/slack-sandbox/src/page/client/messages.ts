import type { BlockJson, SandboxEphemeral, SandboxMessage, SandboxSnapshot } from '../snapshot-types.js';
import { renderBlocks } from './blocks.js';
import { h } from './dom.js';
import { type Directory, renderMrkdwn } from './mrkdwn.js';
import { messageTime } from './time.js';

/** What drawing the channel needs from the page besides the snapshot. */
export interface ChannelContext {
  snapshot: SandboxSnapshot;
  directory: Directory;
  timeZone: string;
  /** Threads the person has opened (by parent ts). */
  openThreads: Set<string>;
  /** Ephemeral messages the person dismissed (by ts): Slack forgets them too. */
  dismissed: Set<string>;
  toggleThread(ts: string): void;
  dismiss(ts: string): void;
  click(messageTs: string, blockId: string, button: BlockJson): Promise<void>;
}

type Entry = { kind: 'message'; message: SandboxMessage } | { kind: 'ephemeral'; message: SandboxEphemeral };

/** The channel's messages and the person's own ephemeral ones, in posting order, threads under their parent. */
export function renderChannel(context: ChannelContext): HTMLElement {
  const { snapshot } = context;
  const entries: Entry[] = [
    ...snapshot.messages.map((message): Entry => ({ kind: 'message', message })),
    ...visibleEphemerals(context)
      .filter((message) => message.threadTs === undefined)
      .map((message): Entry => ({ kind: 'ephemeral', message })),
  ].sort((a, b) => Number(tsOf(a)) - Number(tsOf(b)));
  if (entries.length === 0) {
    return h(
      'div',
      { class: 'empty-channel' },
      h('p', {}, 'Nothing here yet.'),
      ...snapshot.commands
        .slice(0, 1)
        .map(({ command, description }) =>
          h('p', {}, 'Type ', h('code', {}, command), ' below', description ? ` (${description})` : '', '.'),
        ),
    );
  }
  return h(
    'div',
    { class: 'message-list' },
    ...entries.map((entry) =>
      entry.kind === 'message' ? messageWithThread(entry.message, context) : ephemeralRow(entry.message, context),
    ),
  );
}

function tsOf(entry: Entry): string {
  return entry.kind === 'message' ? entry.message.ts : entry.message.messageTs;
}

function visibleEphemerals(context: ChannelContext): SandboxEphemeral[] {
  return context.snapshot.ephemerals.filter((message) => !context.dismissed.has(message.messageTs));
}

function messageWithThread(message: SandboxMessage, context: ChannelContext): HTMLElement {
  const threadEphemerals = visibleEphemerals(context).filter((ephemeral) => ephemeral.threadTs === message.ts);
  const count = message.replies.length;
  const open = context.openThreads.has(message.ts);
  const row = messageRow(message, context);
  if (count === 0 && threadEphemerals.length === 0) return row;
  const last = message.replies.at(-1);
  const summary = h(
    'button',
    {
      type: 'button',
      class: 'thread-summary',
      aria: { expanded: String(open) },
      onclick: () => context.toggleThread(message.ts),
    },
    h('span', { class: 'thread-count' }, `${count} ${count === 1 ? 'reply' : 'replies'}`),
    last ? h('span', { class: 'thread-last' }, `Last reply ${messageTime(last.ts, context.timeZone).short}`) : null,
    h('span', { class: 'thread-toggle' }, open ? 'Hide thread' : 'View thread'),
  );
  row.querySelector('.message-content')?.appendChild(summary);
  if (!open) return row;
  const replies: Entry[] = [
    ...message.replies.map((reply): Entry => ({ kind: 'message', message: reply })),
    ...threadEphemerals.map((ephemeral): Entry => ({ kind: 'ephemeral', message: ephemeral })),
  ].sort((a, b) => Number(tsOf(a)) - Number(tsOf(b)));
  return h(
    'div',
    { class: 'message-group' },
    row,
    h(
      'div',
      { class: 'thread', aria: { label: 'Thread replies' } },
      ...replies.map((entry) =>
        entry.kind === 'message' ? messageRow(entry.message, context) : ephemeralRow(entry.message, context),
      ),
    ),
  );
}

function messageRow(message: SandboxMessage, context: ChannelContext): HTMLElement {
  const { snapshot } = context;
  const person = snapshot.people.find((candidate) => candidate.id === message.user);
  const name = message.isBot ? snapshot.bot.name : (person?.realName ?? message.user);
  return row({
    ts: message.ts,
    className: 'message',
    author: name,
    isBot: message.isBot,
    avatarKey: message.user,
    badges: [message.isBot ? h('span', { class: 'badge' }, 'APP') : null],
    after: message.edited ? h('span', { class: 'edited' }, '(edited)') : null,
    body: content(
      message.text,
      message.blocks,
      (blockId, button) => context.click(message.ts, blockId, button),
      context,
    ),
    context,
  });
}

function ephemeralRow(message: SandboxEphemeral, context: ChannelContext): HTMLElement {
  return row({
    ts: message.messageTs,
    className: 'message ephemeral',
    author: context.snapshot.bot.name,
    isBot: true,
    avatarKey: context.snapshot.bot.userId,
    badges: [h('span', { class: 'badge' }, 'APP')],
    before: h(
      'div',
      { class: 'ephemeral-note' },
      '👁 Only visible to you',
      h(
        'button',
        { type: 'button', class: 'link-button', onclick: () => context.dismiss(message.messageTs) },
        'Dismiss',
      ),
    ),
    body: content(
      message.text,
      message.blocks,
      (blockId, button) => context.click(message.messageTs, blockId, button),
      context,
    ),
    context,
  });
}

interface RowParts {
  ts: string;
  className: string;
  author: string;
  isBot: boolean;
  avatarKey: string;
  badges: (HTMLElement | null)[];
  before?: HTMLElement;
  after?: HTMLElement | null;
  body: Node;
  context: ChannelContext;
}

function row(parts: RowParts): HTMLElement {
  const time = messageTime(parts.ts, parts.context.timeZone);
  return h(
    'article',
    { class: parts.className, dataset: { ts: parts.ts } },
    avatar(parts.author, parts.avatarKey, parts.isBot),
    h(
      'div',
      { class: 'message-content' },
      parts.before,
      h(
        'div',
        { class: 'message-meta' },
        h('span', { class: 'author' }, parts.author),
        ...parts.badges,
        h('time', { class: 'time', title: time.full }, time.short),
        parts.after,
      ),
      parts.body,
    ),
  );
}

/** Blocks when the message has them (its `text` is then only for notifications); else the text as mrkdwn. */
function content(
  text: string,
  blocks: BlockJson[],
  onButton: (blockId: string, button: BlockJson) => Promise<void>,
  context: ChannelContext,
): Node {
  if (blocks.length > 0) return renderBlocks(blocks, { directory: context.directory, onButton });
  return h('div', { class: 'message-text' }, renderMrkdwn(text, context.directory));
}

const AVATAR_COLOURS = ['#2eb67d', '#36c5f0', '#e01e5a', '#ecb22e', '#7c3085', '#1264a3'];

function avatar(name: string, key: string, isBot: boolean): HTMLElement {
  const initials = isBot
    ? '💾'
    : name
        .split(/\s+/)
        .map((word) => word.charAt(0))
        .join('')
        .slice(0, 2)
        .toUpperCase();
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const element = h('div', { class: `avatar${isBot ? ' avatar-bot' : ''}`, aria: { hidden: 'true' } }, initials);
  if (!isBot) element.style.background = AVATAR_COLOURS[hash % AVATAR_COLOURS.length] ?? '#1264a3';
  return element;
}
