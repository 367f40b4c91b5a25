import type { View } from '@slack/types';
import { REJECT_MODAL } from '../ids.js';

/** The reason may be long enough to explain; the card shows it cut to size. */
const MAX_REASON = 1000;

/** Asks an approver why they reject; the job id rides in private_metadata to the submission. */
export function buildRejectModal(jobId: string): View {
  return {
    type: 'modal',
    callback_id: REJECT_MODAL.callbackId,
    private_metadata: jobId,
    title: { type: 'plain_text', text: 'Reject restore' },
    submit: { type: 'plain_text', text: 'Reject' },
    close: { type: 'plain_text', text: 'Back' },
    blocks: [
      {
        type: 'input',
        block_id: REJECT_MODAL.reason.blockId,
        label: { type: 'plain_text', text: 'Why do you reject it?' },
        hint: { type: 'plain_text', text: 'The requester sees this on the card.' },
        element: {
          type: 'plain_text_input',
          action_id: REJECT_MODAL.reason.actionId,
          multiline: true,
          min_length: 3,
          max_length: MAX_REASON,
          placeholder: { type: 'plain_text', text: 'For example: restore into acceptance instead' },
        },
      },
    ],
  };
}
