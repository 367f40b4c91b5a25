import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { isToldToPerson } from '../../../domain/job/errors.js';
import { checkRejectReason } from '../../../domain/reason.js';
import { ModalMetadataError } from '../../blocks/errors.js';
import type { ListenerDeps } from '../../deps.js';
import { REJECT_MODAL } from '../../ids.js';

export function rejectReasonSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const checked = checkRejectReason(
      view.state.values[REJECT_MODAL.reason.blockId]?.[REJECT_MODAL.reason.actionId]?.value ?? undefined,
    );
    if ('problem' in checked) {
      return ack({ response_action: 'errors', errors: { [REJECT_MODAL.reason.blockId]: checked.problem } });
    }
    try {
      const jobId = deps.metadataSeal.open(view.private_metadata);
      await deps.service.reject(jobId, await deps.directory.principalOf(body.user.id), checked.reason);
      await ack();
    } catch (error) {
      if (!(isToldToPerson(error) || error instanceof ModalMetadataError)) throw error;
      await ack({ response_action: 'errors', errors: { [REJECT_MODAL.reason.blockId]: error.message } });
    }
  };
}
