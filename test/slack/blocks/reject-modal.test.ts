import { checkView } from '@db-restore-bot/slack-sandbox';
import { describe, expect, it } from 'vitest';
import { buildRejectModal } from '../../../src/slack/blocks/reject-modal.js';
import { REJECT_MODAL } from '../../../src/slack/ids.js';

describe('buildRejectModal', () => {
  it('asks for a reason, carrying the job id in private_metadata', () => {
    const view = buildRejectModal('7f3c9a2e-5b1d-4c8e-9a0f-3e2d1c0b9a87');

    expect(view).toMatchObject({
      type: 'modal',
      callback_id: REJECT_MODAL.callbackId,
      private_metadata: '7f3c9a2e-5b1d-4c8e-9a0f-3e2d1c0b9a87',
      blocks: [
        {
          type: 'input',
          block_id: REJECT_MODAL.reason.blockId,
          element: { type: 'plain_text_input', action_id: REJECT_MODAL.reason.actionId, multiline: true },
        },
      ],
    });
    expect(checkView(view)).toEqual([]);
  });
});
