import type { ActionsBlock, Button } from '@slack/types';
import { describeExtendChoice, type ExtendChoice } from '../../domain/copy-extension.js';
import type { Job } from '../../domain/job/job.js';
import { extendActionId, extendButtonValue, JOB_ACTIONS } from '../ids.js';
import { truncate } from './text.js';

/** Every button's value names the job: the listener loads the job and checks the transition itself. */
function button(text: string, actionId: string, value: string, extra: Partial<Button> = {}): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text, emoji: true },
    action_id: actionId,
    value,
    ...extra,
  };
}

/** Approve / Reject (confirmed: it asks for a reason next) / Cancel, while the job waits for approval. */
export function approvalActions(job: Job): ActionsBlock {
  return {
    type: 'actions',
    elements: [
      button('Approve', JOB_ACTIONS.approve, job.id, { style: 'primary' }),
      button('Reject', JOB_ACTIONS.reject, job.id, {
        style: 'danger',
        confirm: {
          title: { type: 'plain_text', text: 'Reject this restore?' },
          text: {
            type: 'plain_text',
            text: truncate(`You will be asked why. ${job.plan.target.identifier} will not be restored.`, 300),
          },
          confirm: { type: 'plain_text', text: 'Reject' },
          deny: { type: 'plain_text', text: 'Keep it' },
          style: 'danger',
        },
      }),
      button('Cancel', JOB_ACTIONS.cancel, job.id),
    ],
  };
}

/**
 * Extend by each choice the policy still allows (`choices`), then Delete now, for a restored copy
 * that expires. Deleting is confirmed: it cannot be undone.
 */
export function expiryActions(job: Job, choices: readonly ExtendChoice[]): ActionsBlock {
  return {
    type: 'actions',
    elements: [
      ...choices.map((choice) =>
        button(`Extend ${describeExtendChoice(choice)}`, extendActionId(choice), extendButtonValue(job.id, choice)),
      ),
      button('Delete now', JOB_ACTIONS.deleteNow, job.id, {
        style: 'danger',
        confirm: {
          title: { type: 'plain_text', text: 'Delete the restored database?' },
          text: {
            type: 'plain_text',
            text: truncate(
              `${job.plan.target.identifier} is deleted now instead of at its expiry. This cannot be undone.`,
              300,
            ),
          },
          confirm: { type: 'plain_text', text: 'Delete now' },
          deny: { type: 'plain_text', text: 'Keep it' },
          style: 'danger',
        },
      }),
    ],
  };
}
