import { buildRejectModal } from '../../blocks/reject-modal.js';
import type { ListenerDeps } from '../../deps.js';
import type { ButtonArgs } from './job-button.js';

/** Reject (after the button's confirm dialog) asks for the reason in a modal; the rejection happens on submit. */
export function rejectButton(deps: ListenerDeps) {
  return async ({ ack, action, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    await client.views.open({
      trigger_id: body.trigger_id,
      view: deps.metadataSeal.sealView(buildRejectModal(action.value ?? '')),
    });
  };
}
