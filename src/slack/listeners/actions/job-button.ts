import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { isToldToPerson, JobTransitionError } from '../../../domain/job/errors.js';
import { mentionAll } from '../../blocks/text.js';
import type { ListenerDeps } from '../../deps.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** A click on the clicker's own Home tab (Slack sends the view it was on), not on a message. */
export function isHomeClick(body: BlockAction): boolean {
  return body.container?.type === 'view' && body.view?.type === 'home';
}

/**
 * Runs a job button's change and answers refusals to the clicker alone: an ephemeral message by
 * the card, or a line at the top of their Home tab, which is drawn again either way. A click is acked
 * first; the change itself is one conditional write, so double clicks change the job once.
 */
export async function onJobButton(
  deps: Pick<ListenerDeps, 'homes' | 'log'>,
  args: ButtonArgs,
  change: (jobId: string, userId: string) => Promise<unknown>,
): Promise<void> {
  const { ack, body, action, client } = args;
  await ack();
  const fromHome = isHomeClick(body);
  let refusal: string | undefined;
  try {
    await change(action.value ?? '', body.user.id);
  } catch (error) {
    if (!isToldToPerson(error)) throw error;
    refusal = refusalText(error);
  }
  if (fromHome) {
    await deps.homes.publish(body.user.id, refusal).catch((error: Error) => {
      deps.log('home tab not redrawn after a click', { userId: body.user.id, error: error.message });
    });
    return;
  }
  const channel = body.channel?.id;
  if (refusal && channel) await client.chat.postEphemeral({ channel, user: body.user.id, text: refusal });
}

/** `:no_entry: you are not an approver for production: ask <!subteam^S0PLATFORM>`. */
export function refusalText(error: Error): string {
  const ask = error instanceof JobTransitionError && error.ask ? mentionAll(error.ask) : '';
  return `:no_entry: ${error.message}${ask ? `: ask ${ask}` : ''}`;
}
