import type { BotResponse, DeliveryOptions } from '../bot-client.js';
import { StandInUsageError } from '../errors.js';
import { isRecord, type JsonObject, stringField } from '../json.js';
import { messageJson } from '../web-api/message-content.js';
import { basics, deliver, type InteractionEnv, requireChannel, requireUser } from './environment.js';
import { messageBlockActions } from './payloads.js';

export interface ClickButtonInput {
  user: string;
  channel: string;
  messageTs: string;
  actionId: string;
  /** Needed only when two blocks hold a button with the same action_id. */
  blockId?: string;
  /**
   * The value the caller expects the button to carry. Slack sends the button's own value; a different
   * one here means the test is clicking the wrong button, and is refused.
   */
  value?: string;
  /**
   * Sends this value instead of the button's own, as a tampered client (or a replay) would. Slack
   * never does this; it lets a test show the app checks what a click claims.
   */
  forgedValue?: string;
}

export interface ClickButtonResult extends BotResponse {
  triggerId: string;
  responseUrl: string;
}

/** A click on a button in a message the user can see: a channel message, a thread reply or their ephemeral. */
export async function clickButton(
  env: InteractionEnv,
  input: ClickButtonInput,
  delivery: DeliveryOptions = {},
): Promise<ClickButtonResult> {
  const { state } = env;
  const user = requireUser(state, input.user);
  const channel = requireChannel(state, input.channel);
  const stored = state.messages.find(channel.id, input.messageTs);
  const ephemeral = stored ? undefined : state.messages.findEphemeral(channel.id, user.id, input.messageTs);
  const visible = stored && !stored.deleted ? stored : ephemeral && !ephemeral.deleted ? ephemeral : undefined;
  if (!visible) throw new StandInUsageError(`${user.id} sees no message ${input.messageTs} in ${channel.id}`);
  if (!channel.members.includes(user.id)) throw new StandInUsageError(`${user.id} is not in ${channel.id}`);

  const found = findButton(visible.blocks, input.actionId, input.blockId);
  if (!found) {
    throw new StandInUsageError(`message ${input.messageTs} has no button ${input.blockId ?? '*'}/${input.actionId}`);
  }
  const buttonValue = stringField(found.button, 'value');
  if (input.value !== undefined && input.value !== buttonValue) {
    throw new StandInUsageError(
      `button ${input.actionId} carries value ${JSON.stringify(buttonValue)}, not ${JSON.stringify(input.value)}`,
    );
  }

  const trigger = state.triggers.issue(user.id, 'message_action');
  const grant = state.responseUrls.issue({
    kind: 'actions',
    channel: channel.id,
    user: user.id,
    messageTs: input.messageTs,
    ephemeral: stored === undefined,
  });
  const responseUrl = `${env.baseUrl()}${grant.path}`;
  const action: JsonObject = {
    type: 'button',
    action_id: input.actionId,
    block_id: found.blockId,
    text: found.button.text,
    ...(input.forgedValue !== undefined
      ? { value: input.forgedValue }
      : buttonValue === undefined
        ? {}
        : { value: buttonValue }),
    ...(typeof found.button.style === 'string' ? { style: found.button.style } : {}),
    action_ts: state.ids.messageTs(),
  };
  const threadTs = visible.threadTs;
  const payload = messageBlockActions(basics(env, user), {
    channel,
    messageTs: input.messageTs,
    ephemeral: stored === undefined,
    action,
    triggerId: trigger.id,
    responseUrl,
    ...(threadTs === undefined ? {} : { threadTs }),
    ...(stored === undefined ? {} : { message: messageJson(state, stored) }),
  });
  const response = await deliver(env, 'block_actions', () => env.bot.postPayload(payload, delivery));
  return { ...response, triggerId: trigger.id, responseUrl };
}

function findButton(
  blocks: unknown[],
  actionId: string,
  blockId: string | undefined,
): { blockId: string; button: JsonObject } | undefined {
  for (const block of blocks) {
    if (!isRecord(block)) continue;
    const id = stringField(block, 'block_id') ?? '';
    if (blockId !== undefined && id !== blockId) continue;
    const candidates =
      block.type === 'actions' && Array.isArray(block.elements)
        ? block.elements
        : block.type === 'section' && block.accessory !== undefined
          ? [block.accessory]
          : [];
    const button = candidates.find(
      (element): element is JsonObject =>
        isRecord(element) && element.type === 'button' && element.action_id === actionId,
    );
    if (button) return { blockId: id, button };
  }
  return undefined;
}
