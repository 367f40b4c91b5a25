import { JobNotFoundError } from '../../../domain/job/errors.js';
import { buildJobDetailsModal } from '../../blocks/job-details-modal.js';
import type { ListenerDeps } from '../../deps.js';
import type { ButtonArgs } from './job-button.js';

/** Details opens the job's whole story in a modal for whoever pressed it (read-only: it changes nothing). */
export function detailsButton(deps: ListenerDeps) {
  return async ({ ack, action, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const jobId = action.value ?? '';
    const job = await deps.store.get(jobId);
    if (!job) {
      const channel = body.channel?.id;
      const text = `:no_entry: ${new JobNotFoundError(jobId).message}`;
      if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text });
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: buildJobDetailsModal(job, deps.clock.now()) });
  };
}
