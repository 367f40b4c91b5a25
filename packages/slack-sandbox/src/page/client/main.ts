import type { SandboxActionResult, SandboxPerson, SandboxSnapshot } from '../snapshot-types.js';
import { fetchSnapshot, post, UnknownPersonError } from './api.js';
import { renderBlocks } from './blocks.js';
import { h, replaceChildren } from './dom.js';
import { str } from './json.js';
import { renderChannel } from './messages.js';
import { ModalLayer } from './modal.js';
import type { Directory } from './mrkdwn.js';

/**
 * The sandbox page: Slack's channel view of the stand-in for one person at a time. The server holds
 * all state; this script draws `GET /sandbox/state`, redraws on every server-sent change, and turns
 * clicks and typing into the POST routes that act as the person.
 */

const STORED_USER = 'db-restore-bot-sandbox-user';
/** Without the event stream (a proxy that buffers it), the page asks this often instead. */
const POLL_MS = 2000;

interface PageState {
  user: string | undefined;
  channel: string | undefined;
  /** The channel's messages, or the app's Home tab. */
  tab: 'channel' | 'home';
  snapshot: SandboxSnapshot | undefined;
  /** What is on screen: user, channel and version. */
  drawn: string;
  openThreads: Set<string>;
  dismissed: Set<string>;
  /** Sidebar panels the person opened: they stay open across redraws. */
  openPanels: Set<string>;
  live: boolean;
  stickToBottom: boolean;
}

const state: PageState = {
  // Who the page acts as survives a reload: the URL's `?as=` first, else the last person chosen here.
  user: new URLSearchParams(location.search).get('as') || localStorage.getItem(STORED_USER) || undefined,
  channel: undefined,
  tab: 'channel',
  snapshot: undefined,
  drawn: '',
  openThreads: new Set(),
  dismissed: new Set(),
  openPanels: new Set(['about']),
  live: false,
  stickToBottom: true,
};

// The page's fixed frame; the parts inside are redrawn from each snapshot.
const sidebar = h('aside', { class: 'sidebar' });
const channelHeader = h('header', { class: 'channel-header' });
const messageArea = h('div', { class: 'messages', role: 'log', aria: { live: 'polite', label: 'Messages' } });
const toasts = h('div', { class: 'toasts', aria: { live: 'assertive' } });
const modalHost = h('div', { class: 'modal-host' });
const commandHints = h('ul', { class: 'command-hints', hidden: true });
const composerInput = h('textarea', {
  class: 'composer-input',
  placeholder: 'Message',
  aria: { label: 'Message composer' },
});
composerInput.rows = 1;
const composer = h(
  'form',
  {
    class: 'composer',
    onsubmit: (event) => {
      event.preventDefault();
      void send();
    },
  },
  commandHints,
  composerInput,
  h('button', { type: 'submit', class: 'btn btn-primary composer-send' }, 'Send'),
);

const modals = new ModalLayer(modalHost, {
  value: (viewId, blockId, actionId, value) =>
    post('/sandbox/view/value', { user: me(), viewId, blockId, actionId, value }),
  act: (viewId, blockId, actionId, action) =>
    post('/sandbox/view/act', { user: me(), viewId, blockId, actionId, action }),
  options: (viewId, blockId, actionId, query) =>
    post('/sandbox/options', { user: me(), viewId, blockId, actionId, value: query }),
  submit: (viewId) => post('/sandbox/view/submit', { user: me(), viewId }),
  close: (viewId, all) => post('/sandbox/view/close', { user: me(), viewId, all }),
  report,
});

function me(): string {
  return state.snapshot?.me ?? state.user ?? '';
}

function person(id: string): SandboxPerson | undefined {
  return state.snapshot?.people.find((candidate) => candidate.id === id);
}

const directory: Directory = {
  personName: (id) => (id === state.snapshot?.bot.userId ? state.snapshot.bot.name : person(id)?.realName),
  groupHandle: (id) => state.snapshot?.userGroups.find((group) => group.id === id)?.handle,
  channelName: (id) => state.snapshot?.conversations.find((conversation) => conversation.id === id)?.name,
  viewerTimeZone: () => (state.snapshot ? person(state.snapshot.me)?.tz : undefined) ?? 'UTC',
  nowMs: () => state.snapshot?.nowMs ?? 0,
};

/** Shows what Slack's client would show after an action: an error, or the app's failure. */
function report(result: SandboxActionResult): void {
  if (!result.ok && !result.fieldErrors) toast(result.error, 'error');
  else if (result.ok && result.warning) toast(result.warning, 'warning');
}

function toast(text: string, kind: 'error' | 'warning' | 'info'): void {
  const item = h('div', { class: `toast toast-${kind}`, role: kind === 'info' ? 'status' : 'alert' }, text);
  toasts.appendChild(item);
  setTimeout(() => item.remove(), 8000);
}

// Drawing.

function draw(): void {
  const snapshot = state.snapshot;
  if (!snapshot) return;
  const key = `${snapshot.me}|${state.tab}|${snapshot.channel.id}|${snapshot.version}`;
  const viewer = person(snapshot.me);
  const timeZone = viewer?.tz ?? 'UTC';
  modals.show(snapshot.views.at(-1), { user: snapshot.me, timeZone, directory, depth: snapshot.views.length });
  if (key === state.drawn) return;
  state.drawn = key;
  // The app's own first slash command (from its manifest), so the page knows no app in particular.
  const firstCommand = snapshot.commands[0]?.command;
  composerInput.placeholder = firstCommand ? `Message, or type ${firstCommand}` : 'Message';
  drawSidebar(snapshot);
  composer.hidden = state.tab === 'home';
  if (state.tab === 'home') {
    drawHome(snapshot, viewer);
    return;
  }
  replaceChildren(
    channelHeader,
    h(
      'h1',
      {},
      snapshot.channel.isIm
        ? `@${directory.personName(snapshot.channel.name) ?? snapshot.channel.name}`
        : `# ${snapshot.channel.name}`,
    ),
    h(
      'span',
      { class: `live${state.live ? ' live-on' : ''}`, title: state.live ? 'Live updates' : 'Polling' },
      state.live ? 'live' : 'polling',
    ),
    h(
      'span',
      { class: 'viewer' },
      'You are ',
      h('strong', {}, viewer?.realName ?? snapshot.me),
      viewer && viewer.groups.length > 0 ? ` · @${viewer.groups.join(', @')}` : '',
    ),
  );
  const nearBottom = messageArea.scrollHeight - messageArea.scrollTop - messageArea.clientHeight < 120;
  const keep = messageArea.scrollTop;
  replaceChildren(
    messageArea,
    renderChannel({
      snapshot,
      directory,
      timeZone,
      openThreads: state.openThreads,
      dismissed: state.dismissed,
      toggleThread: (ts) => {
        if (!state.openThreads.delete(ts)) state.openThreads.add(ts);
        redraw();
      },
      dismiss: (ts) => {
        state.dismissed.add(ts);
        redraw();
      },
      click: async (messageTs, blockId, button) => {
        report(
          await post('/sandbox/click', {
            user: snapshot.me,
            channel: snapshot.channel.id,
            messageTs,
            blockId,
            actionId: str(button, 'action_id') ?? '',
          }),
        );
      },
    }),
  );
  messageArea.scrollTop = nearBottom || state.stickToBottom ? messageArea.scrollHeight : keep;
  state.stickToBottom = false;
}

/** The app's Home tab as the viewer last opened it: the view the app published, its buttons live. */
function drawHome(snapshot: SandboxSnapshot, viewer: SandboxPerson | undefined): void {
  replaceChildren(
    channelHeader,
    h('h1', {}, `${snapshot.bot.name} · Home`),
    h('span', { class: 'viewer' }, 'You are ', h('strong', {}, viewer?.realName ?? snapshot.me)),
  );
  const home = snapshot.home;
  replaceChildren(
    messageArea,
    home
      ? h(
          'div',
          { class: 'home-tab' },
          renderBlocks(home.blocks, {
            directory,
            onButton: async (blockId, button) => {
              report(
                await post('/sandbox/view/act', {
                  user: snapshot.me,
                  viewId: home.id,
                  blockId,
                  actionId: str(button, 'action_id') ?? '',
                  action: { type: 'button' },
                }),
              );
            },
          }),
        )
      : h('p', { class: 'home-empty' }, `${snapshot.bot.name} has not drawn a Home tab for you yet.`),
  );
}

function redraw(): void {
  state.drawn = '';
  draw();
}

function drawSidebar(snapshot: SandboxSnapshot): void {
  replaceChildren(
    sidebar,
    h('div', { class: 'workspace' }, h('strong', {}, snapshot.team.name), h('span', {}, 'Slack sandbox')),
    h(
      'nav',
      { class: 'sidebar-section', aria: { label: 'Channels' } },
      h('h2', {}, 'Channels'),
      ...snapshot.conversations.map((conversation) =>
        h(
          'button',
          {
            type: 'button',
            class: `sidebar-item${state.tab === 'channel' && conversation.id === snapshot.channel.id ? ' active' : ''}`,
            onclick: () => {
              state.tab = 'channel';
              state.channel = conversation.id;
              state.stickToBottom = true;
              void refresh();
            },
          },
          conversation.isIm
            ? `@ ${directory.personName(conversation.name) ?? conversation.name}`
            : `# ${conversation.name}`,
        ),
      ),
    ),
    h(
      'nav',
      { class: 'sidebar-section', aria: { label: 'Apps' } },
      h('h2', {}, 'Apps'),
      h(
        'button',
        {
          type: 'button',
          class: `sidebar-item${state.tab === 'home' ? ' active' : ''}`,
          onclick: () => void openHome(),
        },
        `💾 ${snapshot.bot.name}`,
      ),
    ),
    h(
      'section',
      { class: 'sidebar-section', aria: { label: 'Acting as' } },
      h('h2', {}, 'Acting as'),
      ...snapshot.people.map((candidate) =>
        h(
          'button',
          {
            type: 'button',
            class: `sidebar-item person${candidate.id === snapshot.me ? ' active' : ''}`,
            aria: { pressed: String(candidate.id === snapshot.me) },
            title: `@${candidate.name} · ${candidate.tz}`,
            onclick: () => switchUser(candidate.id),
          },
          candidate.realName,
          candidate.groups.length > 0 ? h('small', {}, `@${candidate.groups.join(', @')}`) : null,
        ),
      ),
    ),
    panel('about', 'About this sandbox', h('ul', {}, ...snapshot.notices.map((notice) => h('li', {}, notice)))),
    panel(
      'api-log',
      `Web API calls (${snapshot.calls.filter((call) => !call.ok).length} failed)`,
      h(
        'ol',
        { class: 'calls' },
        ...[...snapshot.calls]
          .reverse()
          .map((call) =>
            h(
              'li',
              { class: call.ok ? 'call-ok' : 'call-failed', title: call.at },
              h('code', {}, call.method),
              call.ok ? ' ok' : ` ${call.error ?? 'failed'}`,
              ...call.messages.map((line) => h('div', { class: 'call-message' }, line)),
            ),
          ),
      ),
    ),
  );
}

/** A collapsible sidebar section that stays as the person left it when the sidebar is redrawn. */
function panel(name: string, title: string, content: HTMLElement): HTMLElement {
  const details = h('details', { class: `sidebar-section ${name}` }, h('summary', {}, title), content);
  details.open = state.openPanels.has(name);
  details.addEventListener('toggle', () => {
    if (details.open) state.openPanels.add(name);
    else state.openPanels.delete(name);
  });
  return details;
}

/** Opens the app's Home tab, as Slack's sidebar does: the app hears app_home_opened and draws it. */
async function openHome(): Promise<void> {
  state.tab = 'home';
  redraw();
  report(await post('/sandbox/home', { user: me() }));
  await refresh();
}

function switchUser(user: string): void {
  remember(user);
  state.stickToBottom = true;
  // On the Home tab the new person opens their own Home, which the app draws for them.
  void modals.flush().then(() => (state.tab === 'home' ? openHome() : refresh()));
}

/** Keeps `user` in the URL and in localStorage, so a reload (or a bookmark) opens as the same person. */
function remember(user: string | undefined): void {
  state.user = user;
  if (user) localStorage.setItem(STORED_USER, user);
  else localStorage.removeItem(STORED_USER);
  const url = new URL(location.href);
  if (user) url.searchParams.set('as', user);
  else url.searchParams.delete('as');
  history.replaceState(null, '', url);
}

// The composer: slash commands go to the app; anything else is posted as the person's message.

async function send(): Promise<void> {
  const text = composerInput.value.trim();
  if (!text || !state.snapshot) return;
  composerInput.disabled = true;
  commandHints.hidden = true;
  const result = await post('/sandbox/command', { user: me(), channel: state.snapshot.channel.id, text });
  composerInput.disabled = false;
  composerInput.focus();
  report(result);
  if (result.ok) {
    composerInput.value = '';
    state.stickToBottom = true;
  }
}

composerInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    void send();
  }
});

composerInput.addEventListener('input', () => {
  const text = composerInput.value;
  const commands = state.snapshot?.commands ?? [];
  const matching = text.startsWith('/') && !/\s/.test(text) ? commands.filter((c) => c.command.startsWith(text)) : [];
  commandHints.hidden = matching.length === 0;
  replaceChildren(
    commandHints,
    ...matching.map((command) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'command-hint',
            onclick: () => {
              composerInput.value = `${command.command} `;
              commandHints.hidden = true;
              composerInput.focus();
            },
          },
          h('strong', {}, command.command),
          ` ${command.usageHint}`,
          h('small', {}, command.description),
        ),
      ),
    ),
  );
});

// Keeping up to date: one snapshot request at a time, another right after when changes came meanwhile.

let fetching = false;
let again = false;

async function refresh(): Promise<void> {
  if (fetching) {
    again = true;
    return;
  }
  fetching = true;
  let openAsDefault = false;
  try {
    do {
      again = false;
      const snapshot = await fetchSnapshot(state.user, state.channel);
      state.snapshot = snapshot;
      if (snapshot.me !== state.user) remember(snapshot.me);
      state.channel = snapshot.channel.id;
      draw();
    } while (again);
  } catch (error) {
    if (error instanceof UnknownPersonError) {
      // A person this workspace does not have: open as the default person instead of an empty page.
      toast(`${error.message}: showing the sandbox as its first person instead.`, 'warning');
      remember(undefined);
      state.channel = undefined;
      openAsDefault = true;
    } else {
      toast(`Cannot load the sandbox: ${(error as Error).message}`, 'error');
    }
  } finally {
    fetching = false;
  }
  // Asked without a person, the server cannot answer "no such person": this retries once.
  if (openAsDefault) await refresh();
}

let poller: ReturnType<typeof setInterval> | undefined;

function setLive(live: boolean): void {
  if (state.live === live) return;
  state.live = live;
  clearInterval(poller);
  poller = live ? undefined : setInterval(() => void refresh(), POLL_MS);
  redraw();
}

function follow(): void {
  if (typeof EventSource === 'undefined') {
    setLive(false);
    return;
  }
  const events = new EventSource('/sandbox/events');
  events.onopen = () => setLive(true);
  events.onerror = () => setLive(false);
  events.onmessage = (event: MessageEvent<string>) => {
    const change = JSON.parse(event.data) as { kind: string; user?: string };
    // Other people's modals and ephemeral messages do not change this page.
    if (change.user !== undefined && change.user !== me()) return;
    void refresh();
  };
}

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  replaceChildren(
    root,
    sidebar,
    h('main', { class: 'channel' }, channelHeader, messageArea, composer),
    modalHost,
    toasts,
  );
  state.live = true;
  setLive(false);
  follow();
  void refresh();
}

start();
