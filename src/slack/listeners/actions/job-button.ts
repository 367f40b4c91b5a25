import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { isToldToPerson, JobTransitionError } from '../../../domain/job/errors.js';
import { mentionAll } from '../../blocks/text.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * Runs a job button's change and answers refusals to the clicker alone. A click is acked
 * first; the change itself is one conditional write, so double clicks change the job once.
 */
export async function onJobButton(
  args: ButtonArgs,
  change: (jobId: string, userId: string) => Promise<unknown>,
): Promise<void> {
  const { ack, body, action, client } = args;
  await ack();
  try {
    await change(action.value ?? '', body.user.id);
  } catch (error) {
    if (!isToldToPerson(error)) throw error;
    const channel = body.channel?.id;
    if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text: refusalText(error) });
  }
}

/** `:no_entry: you are not an approver for production: ask <!subteam^S0PLATFORM>`. */
export function refusalText(error: Error): string {
  const ask = error instanceof JobTransitionError && error.ask ? mentionAll(error.ask) : '';
  return `:no_entry: ${error.message}${ask ? `: ask ${ask}` : ''}`;
}
