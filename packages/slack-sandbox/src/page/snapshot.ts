import type { EphemeralMessage, SlackStandIn, StoredMessage, StoredView } from '../slack/index.js';
import type {
  BlockJson,
  SandboxApiCall,
  SandboxCommand,
  SandboxConversation,
  SandboxMessage,
  SandboxSnapshot,
  SandboxView,
} from './snapshot-types.js';

/** The call log shows this many of the app's latest Web API calls. */
const MAX_CALLS = 40;

export interface SnapshotContext {
  standIn: SlackStandIn;
  version: number;
  commands: SandboxCommand[];
  notices: string[];
}

/** What `user` sees of the workspace in `channel`: the page draws exactly this. */
export function buildSnapshot(context: SnapshotContext, user: string, channelId: string): SandboxSnapshot {
  const { standIn } = context;
  const { state } = standIn;
  const people = [...state.users.values()].filter((person) => !person.isBot);
  const conversations: SandboxConversation[] = [...state.channels.values()]
    .filter((channel) => channel.members.includes(user))
    .map((channel) => ({ id: channel.id, name: channel.name, isIm: channel.isIm }));
  const channel = conversations.find((conversation) => conversation.id === channelId) ?? conversations[0];
  if (!channel) throw new Error(`${user} is in no channel`);
  return {
    version: context.version,
    team: { name: state.team.name, domain: state.team.domain },
    bot: { userId: state.bot.userId, name: state.bot.name },
    me: user,
    nowMs: state.clock.now().getTime(),
    people: people.map((person) => ({
      id: person.id,
      name: person.name,
      realName: person.realName,
      tz: person.tz,
      groups: state.groupsOf(person.id).map((group) => group.handle),
    })),
    userGroups: [...state.userGroups.values()].map((group) => ({
      id: group.id,
      handle: group.handle,
      name: group.name,
    })),
    conversations,
    channel,
    messages: standIn
      .messages(channel.id)
      .filter((message) => !message.deleted)
      .map((message) => messageOf(message, state.bot.userId)),
    ephemerals: standIn
      .ephemerals(channel.id, user)
      .filter((message) => !message.deleted)
      .map(ephemeralOf),
    views: standIn.openViews(user).map(viewOf),
    ...homeOf(standIn.homeView(user)),
    calls: standIn.calls.slice(-MAX_CALLS).map(callOf),
    commands: context.commands,
    notices: context.notices,
  };
}

function messageOf(message: StoredMessage, botUserId: string): SandboxMessage {
  return {
    ts: message.ts,
    user: message.user,
    isBot: message.botId !== undefined || message.user === botUserId,
    text: message.text,
    blocks: blocksOf(message.blocks),
    edited: message.edited !== undefined,
    deleted: message.deleted,
    replies: message.replies.filter((reply) => !reply.deleted).map((reply) => messageOf(reply, botUserId)),
  };
}

function ephemeralOf(message: EphemeralMessage) {
  return {
    messageTs: message.messageTs,
    text: message.text,
    blocks: blocksOf(message.blocks),
    ...(message.threadTs === undefined ? {} : { threadTs: message.threadTs }),
  };
}

function viewOf(view: StoredView): SandboxView {
  const { definition } = view;
  const submit = plainText(definition.submit);
  const close = plainText(definition.close);
  return {
    id: view.id,
    hash: view.hash,
    title: plainText(definition.title) ?? '',
    ...(submit === undefined ? {} : { submit }),
    ...(close === undefined ? {} : { close }),
    blocks: blocksOf(definition.blocks),
    values: structuredClone(view.state) as SandboxView['values'],
    errors: { ...view.errors },
  };
}

function homeOf(view: StoredView | undefined): { home?: SandboxView } {
  return view ? { home: viewOf(view) } : {};
}

function callOf(call: SlackStandIn['calls'][number]): SandboxApiCall {
  const { response } = call;
  const metadata = isRecord(response.response_metadata) ? response.response_metadata : {};
  const messages = Array.isArray(metadata.messages)
    ? metadata.messages.filter((line): line is string => typeof line === 'string')
    : [];
  return {
    at: call.at.toISOString(),
    method: call.method,
    ok: response.ok === true && call.status === 200,
    ...(typeof response.error === 'string' ? { error: response.error } : {}),
    messages,
  };
}

function blocksOf(value: unknown): BlockJson[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function plainText(value: unknown): string | undefined {
  return isRecord(value) && typeof value.text === 'string' ? value.text : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
