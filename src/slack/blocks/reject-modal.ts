import type { View } from '@slack/types';
import { REJECT_REASON_LIMITS } from '../../domain/reason.js';
import { REJECT_MODAL } from '../ids.js';

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
          // The submission checks the same limits again: a client can send anything.
          min_length: REJECT_REASON_LIMITS.min,
          max_length: REJECT_REASON_LIMITS.max,
          placeholder: { type: 'plain_text', text: 'For example: restore into acceptance instead' },
        },
      },
    ],
  };
}
