import { booleanArg, isRecord } from './json.js';
import type { SlackState } from './slack-state.js';
import { messageJson, readMessageContent } from './web-api/message-content.js';
import { fail, type MethodResult, ok } from './web-api/results.js';

/**
 * A post to a response URL (Bolt's `respond()`), with Slack's meaning: `delete_original` and
 * `replace_original` act on the message that was clicked (ephemeral ones included); otherwise a new
 * message, ephemeral to the user unless `response_type: 'in_channel'`. Refusals are HTTP errors here,
 * unlike the Web API, so the app's HTTP client sees them.
 */
export function handleResponseUrlPost(state: SlackState, path: string, rawBody: string): MethodResult {
  const redemption = state.responseUrls.redeem(path);
  if (!redemption.ok) return { ...fail(redemption.error), status: 404 };
  const { grant } = redemption;
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    return { ...fail('invalid_payload'), status: 400 };
  }
  if (!isRecord(payload)) return { ...fail('invalid_payload'), status: 400 };

  const original = grant.messageTs;
  if (booleanArg(payload.delete_original) && original !== undefined) {
    const target = grant.ephemeral
      ? state.messages.findEphemeral(grant.channel, grant.user, original)
      : state.messages.find(grant.channel, original);
    if (!target) return { ...fail('message_not_found'), status: 404 };
    if ('messageTs' in target) state.messages.deleteEphemeral(target);
    else state.messages.delete(target);
    return ok();
  }

  const content = readMessageContent(payload);
  if (!content.ok) return { ...content.result, status: 400 };
  if (content.text === undefined && content.blocks === undefined) return { ...fail('no_text'), status: 400 };
  const text = content.text ?? '';
  const blocks = content.blocks ?? [];

  if (booleanArg(payload.replace_original) && original !== undefined) {
    if (grant.ephemeral) {
      const target = state.messages.findEphemeral(grant.channel, grant.user, original);
      if (!target) return { ...fail('message_not_found'), status: 404 };
      state.messages.replaceEphemeral(target, { text, blocks });
      return ok();
    }
    const target = state.messages.find(grant.channel, original);
    if (!target || target.deleted) return { ...fail('message_not_found'), status: 404 };
    state.messages.update(target, { text, blocks }, state.bot.userId);
    return ok();
  }

  const threadTs = typeof payload.thread_ts === 'string' ? payload.thread_ts : undefined;
  if (payload.response_type === 'in_channel') {
    const posted = state.messages.post(grant.channel, {
      user: state.bot.userId,
      botId: state.bot.botId,
      appId: state.bot.appId,
      text,
      blocks,
      ...(threadTs === undefined ? {} : { threadTs }),
    });
    return ok({ message: messageJson(state, posted) });
  }
  state.messages.postEphemeral(grant.channel, grant.user, {
    text,
    blocks,
    source: 'response_url',
    ...(threadTs === undefined ? {} : { threadTs }),
  });
  return ok();
}
