import type { ListenerDeps } from '../../deps.js';
import { modalStateFromJob } from '../../restore-modal/state-from-job.js';
import { buildRestoreModal } from '../../restore-modal/view.js';
import type { ButtonArgs } from './job-button.js';

/** The statuses whose cards offer Request again: nothing was restored, so asking again is the next step. */
const ASKABLE_AGAIN = new Set(['rejected', 'cancelled', 'expired']);

/**
 * Request again opens the restore modal filled in from the job, for whoever pressed it (they become
 * the requester of the new request). The click was checked to be on the job's card, so the card's
 * recorded channel is where the new request goes.
 */
export function requestAgainButton(deps: ListenerDeps) {
  return async ({ ack, action, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const jobId = action.value ?? '';
    const [job, card] = await Promise.all([deps.store.get(jobId), deps.cardStates.load([jobId])]);
    const channelId = card.get(jobId)?.channelId;
    const tell = (text: string) =>
      body.channel?.id ? client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, text }) : undefined;
    if (!job || !channelId) return void (await tell(`:no_entry: there is no job ${jobId}`));
    if (!ASKABLE_AGAIN.has(job.status))
      return void (await tell(
        `:no_entry: job ${jobId} is ${job.status.replace('_', ' ')}: there is nothing to ask again`,
      ));
    const timeZone = await deps.directory.timeZoneOf(body.user.id);
    const state = modalStateFromJob({ job, policy: deps.policy, channelId, timeZone });
    await client.views.open({
      trigger_id: body.trigger_id,
      view: deps.metadataSeal.sealView(buildRestoreModal(state)),
    });
  };
}
