import { messageJson, readMessageContent } from './message-content.js';
import type { MethodHandler } from './method-context.js';
import { stringArg } from './request-args.js';
import { fail, ok } from './results.js';

export const chatPostMessage: MethodHandler = (args, { state }) => {
  const channel = state.resolveChannel(stringArg(args, 'channel') ?? '');
  // A private channel the bot is not in does not exist as far as the bot can tell.
  if (!channel || (channel.isPrivate && !channel.members.includes(state.bot.userId))) return fail('channel_not_found');
  // As Slack does for an app without chat:write.public: it posts only where someone invited it.
  if (!channel.isIm && !channel.members.includes(state.bot.userId)) return fail('not_in_channel');
  const content = readMessageContent(args);
  if (!content.ok) return content.result;
  if (content.text === undefined && content.blocks === undefined) return fail('no_text');
  const threadTs = stringArg(args, 'thread_ts');
  // Stricter than Slack, which accepts an unknown thread_ts and loses the reply: a test should see that bug.
  if (threadTs !== undefined && !state.messages.find(channel.id, threadTs)) return fail('thread_not_found');
  const message = state.messages.post(channel.id, {
    user: state.bot.userId,
    botId: state.bot.botId,
    appId: state.bot.appId,
    text: content.text ?? '',
    blocks: content.blocks ?? [],
    ...(threadTs === undefined ? {} : { threadTs }),
  });
  return ok({ channel: channel.id, ts: message.ts, message: messageJson(state, message) });
};

export const chatUpdate: MethodHandler = (args, { state, updateLimiter }) => {
  const channel = state.resolveChannel(stringArg(args, 'channel') ?? '');
  if (!channel) return fail('channel_not_found');
  const message = state.messages.find(channel.id, stringArg(args, 'ts') ?? '');
  if (!message || message.deleted) return fail('message_not_found');
  if (message.user !== state.bot.userId) return fail('cant_update_message');
  const content = readMessageContent(args);
  if (!content.ok) return content.result;
  if (content.text === undefined && content.blocks === undefined) return fail('no_text');
  const retryAfter = updateLimiter.retryAfter(channel.id, message.ts);
  if (retryAfter !== undefined) {
    return { status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { ok: false, error: 'ratelimited' } };
  }
  // Slack keeps the previous blocks when an update leaves `blocks` out; `[]` removes them.
  state.messages.update(
    message,
    { text: content.text ?? message.text, blocks: content.blocks ?? message.blocks },
    state.bot.userId,
  );
  return ok({ channel: channel.id, ts: message.ts, text: message.text, message: messageJson(state, message) });
};

export const chatDelete: MethodHandler = (args, { state }) => {
  const channel = state.resolveChannel(stringArg(args, 'channel') ?? '');
  if (!channel) return fail('channel_not_found');
  const message = state.messages.find(channel.id, stringArg(args, 'ts') ?? '');
  if (!message || message.deleted) return fail('message_not_found');
  if (message.user !== state.bot.userId) return fail('cant_delete_message');
  state.messages.delete(message);
  return ok({ channel: channel.id, ts: message.ts });
};

export const chatPostEphemeral: MethodHandler = (args, { state }) => {
  const channel = state.resolveChannel(stringArg(args, 'channel') ?? '');
  if (!channel) return fail('channel_not_found');
  const user = state.users.get(stringArg(args, 'user') ?? '');
  if (!user) return fail('user_not_found');
  if (!channel.members.includes(user.id)) return fail('user_not_in_channel');
  const content = readMessageContent(args);
  if (!content.ok) return content.result;
  if (content.text === undefined && content.blocks === undefined) return fail('no_text');
  const threadTs = stringArg(args, 'thread_ts');
  const message = state.messages.postEphemeral(channel.id, user.id, {
    text: content.text ?? '',
    blocks: content.blocks ?? [],
    source: 'chat.postEphemeral',
    ...(threadTs === undefined ? {} : { threadTs }),
  });
  return ok({ message_ts: message.messageTs });
};

/** A message's link, in Slack's form: `https://<domain>.slack.com/archives/<channel>/p<ts without its dot>`. */
export const chatGetPermalink: MethodHandler = (args, { state }) => {
  const channel = state.resolveChannel(stringArg(args, 'channel') ?? '');
  if (!channel) return fail('channel_not_found');
  const message = state.messages.find(channel.id, stringArg(args, 'message_ts') ?? '');
  if (!message || message.deleted) return fail('message_not_found');
  const permalink = `https://${state.team.domain}.slack.com/archives/${channel.id}/p${message.ts.replace('.', '')}`;
  return ok({ channel: channel.id, permalink });
};
