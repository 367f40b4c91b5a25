import type { BotResponse, DeliveryOptions } from '../bot-client.js';
import { StandInUsageError } from '../errors.js';
import { isRecord, type JsonObject } from '../json.js';
import { readMessageContent } from '../web-api/message-content.js';
import { answered, basics, deliver, type InteractionEnv, requireChannel, requireUser } from './environment.js';
import { slashCommandFields } from './payloads.js';

export interface SlashCommandInput {
  user: string;
  channel: string;
  command: string;
  text?: string;
}

export interface SlashCommandResult extends BotResponse {
  /** The trigger issued with the command (3 s, one view). */
  triggerId: string;
  responseUrl: string;
  /** Set when the app answered with a message Slack refuses (the Web API error body it would get). */
  rejectedResponse?: JsonObject;
}

/**
 * `/restore …` typed in a channel. The app's immediate answer, if any, is shown as Slack shows it:
 * to the user alone, or in the channel with `response_type: 'in_channel'`.
 */
export async function slashCommand(
  env: InteractionEnv,
  input: SlashCommandInput,
  delivery: DeliveryOptions = {},
): Promise<SlashCommandResult> {
  const { state } = env;
  const user = requireUser(state, input.user);
  const channel = requireChannel(state, input.channel);
  if (!channel.members.includes(user.id)) throw new StandInUsageError(`${user.id} is not in ${channel.id}`);
  if (!input.command.startsWith('/')) throw new StandInUsageError(`a command starts with "/": ${input.command}`);
  const trigger = state.triggers.issue(user.id, 'slash_command');
  const grant = state.responseUrls.issue({ kind: 'commands', channel: channel.id, user: user.id });
  const responseUrl = `${env.baseUrl()}${grant.path}`;
  const fields = slashCommandFields(
    basics(env, user),
    channel,
    input.command,
    input.text ?? '',
    responseUrl,
    trigger.id,
  );
  const response = await deliver(env, 'slash_command', () => env.bot.postForm(fields, delivery));
  const result: SlashCommandResult = { ...response, triggerId: trigger.id, responseUrl };
  if (!answered(response)) return result;
  const rejected = showImmediateAnswer(env, channel.id, user.id, response.body);
  return rejected ? { ...result, rejectedResponse: rejected } : result;
}

function showImmediateAnswer(
  env: InteractionEnv,
  channel: string,
  user: string,
  body: unknown,
): JsonObject | undefined {
  const { state } = env;
  if (typeof body === 'string') {
    if (body !== '')
      state.messages.postEphemeral(channel, user, { text: body, blocks: [], source: 'command_response' });
    return undefined;
  }
  if (!isRecord(body)) return undefined;
  const content = readMessageContent(body);
  if (!content.ok) return content.result.body;
  if (content.text === undefined && content.blocks === undefined) return undefined;
  const message = { text: content.text ?? '', blocks: content.blocks ?? [] };
  if (body.response_type === 'in_channel') {
    state.messages.post(channel, {
      user: state.bot.userId,
      botId: state.bot.botId,
      appId: state.bot.appId,
      ...message,
    });
  } else {
    state.messages.postEphemeral(channel, user, { ...message, source: 'command_response' });
  }
  return undefined;
}
