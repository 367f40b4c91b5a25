import { checkMessageBlocks } from '../../block-kit/limits.js';
import type { JsonObject } from '../json.js';
import type { MessageStore, StoredMessage } from '../message-store.js';
import type { SlackState } from '../slack-state.js';
import { jsonArgument } from './request-args.js';
import { fail, invalidBlocks, type MethodResult } from './results.js';

/** Slack truncates nothing: longer `text` is refused. */
const MAX_TEXT = 40_000;

export type ContentRead =
  | { ok: true; text: string | undefined; blocks: unknown[] | undefined }
  | { ok: false; result: MethodResult };

/** Reads and checks `text` and `blocks` as chat.postMessage / chat.update / chat.postEphemeral do. */
export function readMessageContent(args: JsonObject): ContentRead {
  const blocksArg = jsonArgument(args, 'blocks');
  let blocks: unknown[] | undefined;
  if (blocksArg.present) {
    if (!('value' in blocksArg) || !Array.isArray(blocksArg.value)) {
      return { ok: false, result: fail('invalid_blocks_format') };
    }
    blocks = blocksArg.value;
    const problems = checkMessageBlocks(blocks);
    if (problems.length > 0) return { ok: false, result: invalidBlocks(problems) };
  }
  const rawText = args.text;
  const text = typeof rawText === 'string' || typeof rawText === 'number' ? String(rawText) : undefined;
  if (text !== undefined && text.length > MAX_TEXT) return { ok: false, result: fail('msg_too_long') };
  return { ok: true, text: text === '' ? undefined : text, blocks };
}

/** A message as the Web API returns it (`message` in chat.postMessage / chat.update answers). */
export function messageJson(state: SlackState, message: StoredMessage): JsonObject {
  return {
    type: 'message',
    user: message.user,
    ts: message.ts,
    text: message.text,
    team: state.team.id,
    blocks: message.blocks,
    ...(message.botId === undefined
      ? {}
      : {
          bot_id: message.botId,
          app_id: message.appId,
          bot_profile: {
            id: message.botId,
            app_id: message.appId,
            name: state.bot.name,
            team_id: state.team.id,
            deleted: false,
          },
        }),
    ...(message.threadTs === undefined
      ? {}
      : { thread_ts: message.threadTs, parent_user_id: parentUser(state.messages, message) }),
    ...(message.edited ? { edited: message.edited } : {}),
    ...(message.replies.length > 0
      ? { thread_ts: message.ts, reply_count: message.replies.length, latest_reply: message.replies.at(-1)?.ts }
      : {}),
  };
}

function parentUser(messages: MessageStore, reply: StoredMessage): string | undefined {
  return reply.threadTs === undefined ? undefined : messages.find(reply.channel, reply.threadTs)?.user;
}
