import type { ChangeListener } from './changes.js';
import type { IdSource } from './id-source.js';
import { assignMissingIds } from './view-state.js';

/** A version of a message that `chat.update` (or a response URL) replaced. */
export interface MessageVersion {
  text: string;
  blocks: unknown[];
  /** When it stopped being current. */
  replacedAt: string;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  /** The author: a person, or the app's bot user. */
  user: string;
  botId?: string;
  appId?: string;
  text: string;
  blocks: unknown[];
  /** Set on thread replies: the parent's ts. */
  threadTs?: string;
  replies: StoredMessage[];
  /** Earlier versions, oldest first. */
  edits: MessageVersion[];
  edited?: { user: string; ts: string };
  deleted: boolean;
}

export type EphemeralSource = 'chat.postEphemeral' | 'command_response' | 'response_url';

/** A message only one user sees. Slack keeps no copy the app can read back or update via chat.update. */
export interface EphemeralMessage {
  channel: string;
  user: string;
  messageTs: string;
  text: string;
  blocks: unknown[];
  threadTs?: string;
  source: EphemeralSource;
  deleted: boolean;
  edits: MessageVersion[];
}

export interface NewMessage {
  user: string;
  botId?: string;
  appId?: string;
  text: string;
  blocks: unknown[];
  threadTs?: string;
}

export interface NewEphemeral {
  text: string;
  blocks: unknown[];
  threadTs?: string;
  source: EphemeralSource;
}

/**
 * Messages per channel in posting order, thread replies under their parent, ephemerals per (channel, user).
 * Blocks without a block_id / action_id get one, as Slack gives them.
 */
export class MessageStore {
  private readonly byChannel = new Map<string, StoredMessage[]>();
  private readonly byKey = new Map<string, StoredMessage>();
  private readonly ephemeralByKey = new Map<string, EphemeralMessage[]>();

  constructor(
    private readonly ids: IdSource,
    private readonly notify: ChangeListener,
  ) {}

  post(channel: string, message: NewMessage): StoredMessage {
    assignMissingIds(message.blocks, this.ids);
    const stored: StoredMessage = {
      channel,
      ts: this.ids.messageTs(),
      user: message.user,
      text: message.text,
      blocks: message.blocks,
      replies: [],
      edits: [],
      deleted: false,
      ...(message.botId === undefined ? {} : { botId: message.botId }),
      ...(message.appId === undefined ? {} : { appId: message.appId }),
    };
    const parent = message.threadTs === undefined ? undefined : this.find(channel, message.threadTs);
    if (parent) {
      // A reply to a reply belongs to the same thread: Slack threads are one level deep.
      const root = parent.threadTs === undefined ? parent : this.find(channel, parent.threadTs);
      stored.threadTs = root?.ts ?? parent.ts;
      (root ?? parent).replies.push(stored);
    } else {
      this.channelList(channel).push(stored);
    }
    this.byKey.set(key(channel, stored.ts), stored);
    this.notify({ kind: 'message', action: 'posted', channel, ts: stored.ts });
    return stored;
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.byKey.get(key(channel, ts));
  }

  /** Replaces text and blocks, keeping the old version in `edits`. */
  update(message: StoredMessage, change: { text: string; blocks: unknown[] }, editor: string): StoredMessage {
    assignMissingIds(change.blocks, this.ids);
    const replacedAt = this.ids.messageTs();
    message.edits.push({ text: message.text, blocks: message.blocks, replacedAt });
    message.text = change.text;
    message.blocks = change.blocks;
    message.edited = { user: editor, ts: replacedAt };
    this.notify({ kind: 'message', action: 'updated', channel: message.channel, ts: message.ts });
    return message;
  }

  delete(message: StoredMessage): void {
    message.deleted = true;
    this.notify({ kind: 'message', action: 'deleted', channel: message.channel, ts: message.ts });
  }

  /** Top-level messages of a channel in posting order (deleted ones flagged, not removed). */
  inChannel(channel: string): StoredMessage[] {
    return [...(this.byChannel.get(channel) ?? [])];
  }

  postEphemeral(channel: string, user: string, message: NewEphemeral): EphemeralMessage {
    assignMissingIds(message.blocks, this.ids);
    const stored: EphemeralMessage = {
      channel,
      user,
      messageTs: this.ids.messageTs(),
      text: message.text,
      blocks: message.blocks,
      source: message.source,
      deleted: false,
      edits: [],
      ...(message.threadTs === undefined ? {} : { threadTs: message.threadTs }),
    };
    const list = this.ephemeralByKey.get(key(channel, user)) ?? [];
    list.push(stored);
    this.ephemeralByKey.set(key(channel, user), list);
    this.notify({ kind: 'ephemeral', action: 'posted', channel, user, messageTs: stored.messageTs });
    return stored;
  }

  ephemerals(channel: string, user: string): EphemeralMessage[] {
    return [...(this.ephemeralByKey.get(key(channel, user)) ?? [])];
  }

  findEphemeral(channel: string, user: string, messageTs: string): EphemeralMessage | undefined {
    return this.ephemeralByKey.get(key(channel, user))?.find((message) => message.messageTs === messageTs);
  }

  /** Only a response URL can change an ephemeral message (`replace_original`). */
  replaceEphemeral(message: EphemeralMessage, change: { text: string; blocks: unknown[] }): void {
    assignMissingIds(change.blocks, this.ids);
    message.edits.push({ text: message.text, blocks: message.blocks, replacedAt: this.ids.messageTs() });
    message.text = change.text;
    message.blocks = change.blocks;
    this.notify({
      kind: 'ephemeral',
      action: 'replaced',
      channel: message.channel,
      user: message.user,
      messageTs: message.messageTs,
    });
  }

  deleteEphemeral(message: EphemeralMessage): void {
    message.deleted = true;
    this.notify({
      kind: 'ephemeral',
      action: 'deleted',
      channel: message.channel,
      user: message.user,
      messageTs: message.messageTs,
    });
  }

  private channelList(channel: string): StoredMessage[] {
    let list = this.byChannel.get(channel);
    if (!list) {
      list = [];
      this.byChannel.set(channel, list);
    }
    return list;
  }
}

function key(channel: string, id: string): string {
  return `${channel}\u0000${id}`;
}
