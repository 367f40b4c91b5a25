import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Job } from '../../../domain/job/job.js';
import { awaitsApprovalBy, copyManagedBy, type Reader } from '../../../domain/job/personal-view.js';
import type { CardState } from '../../../domain/ports/card-states.js';
import { code } from '../../blocks/text.js';
import type { ListenerDeps } from '../../deps.js';
import { EXTEND_ACTION_PATTERN, JOB_ACTIONS } from '../../ids.js';
import { isHomeClick } from './job-button.js';

type ButtonMiddlewareArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Where the clicked button was, as the click says: every place it names must be the card. */
export function clickIsOnCard(body: BlockAction<ButtonAction>, card: CardState): boolean {
  const channels = [body.channel?.id, body.container?.channel_id].filter((id) => id !== undefined);
  const messages = [body.message?.ts, body.container?.message_ts].filter((ts) => ts !== undefined);
  if (channels.length === 0 || messages.length === 0 || body.container?.is_ephemeral === true) return false;
  return channels.every((id) => id === card.channelId) && messages.every((ts) => ts === card.messageTs);
}

/**
 * Whether the clicker's Home tab, drawn now, would offer this button for this job: Approve and Reject
 * while it awaits their approval, Extend and Delete now while its copy is theirs to manage.
 */
function homeOffers(job: Job, actionId: string, reader: Reader): boolean {
  if (actionId === JOB_ACTIONS.approve || actionId === JOB_ACTIONS.reject) return awaitsApprovalBy(job, reader);
  if (actionId === JOB_ACTIONS.deleteNow || EXTEND_ACTION_PATTERN.test(actionId)) return copyManagedBy(job, reader);
  return false;
}

/**
 * A job button acts on the job named in its value only when it was pressed on that job's card, the
 * one message the bot posted for it (buttons appear nowhere else: not in thread replies, not in
 * ephemerals), or on the clicker's Home tab where that tab, drawn from the job table now, offers it.
 * A copy of the button anywhere else is refused, and its presser told.
 */
export function fromJobCard(deps: ListenerDeps, jobIdOf: (value: string) => string = (value) => value) {
  return async ({ ack, body, action, client, next }: ButtonMiddlewareArgs): Promise<void> => {
    const jobId = jobIdOf(action.value ?? '');
    if (isHomeClick(body)) {
      const job = await deps.store.get(jobId);
      if (job && homeOffers(job, action.action_id, await deps.homes.readerOf(body.user.id))) return next();
      await ack();
      // What the tab showed is stale (or the click forged): show what is true now, and say why nothing changed.
      await deps.homes
        .publish(
          body.user.id,
          `:no_entry: your Home tab no longer offers that for job ${code(jobId.slice(0, 40))}, so nothing changed`,
        )
        .catch((error: Error) => deps.log('home tab not redrawn after a refused click', { error: error.message }));
      return;
    }
    const card = (await deps.cardStates.load([jobId])).get(jobId);
    if (card && clickIsOnCard(body, card)) return next();
    // No card and no job: the listener answers "there is no job" as it does for any unknown id.
    if (!card && !(await deps.store.get(jobId))) return next();
    await ack();
    const text = card
      ? `:no_entry: this button is not on the card of job ${jobId}, so it changed nothing: use the buttons on the card the bot posted`
      : `:no_entry: the card of job ${jobId} is still being posted, so nothing changed: press again in a moment`;
    const channel = body.channel?.id;
    if (!channel) return;
    await client.chat.postEphemeral({ channel, user: body.user.id, text }).catch((error: Error) => {
      deps.log('refused a click off its job card and could not say so', { jobId, channel, error: error.message });
    });
  };
}
