import type { ActionsBlock, Button, ConfirmationDialog } from '@slack/types';
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

/** Details: the whole story of the job (steps, checks, activity) in a modal, on every card. */
export function detailsButton(job: Job): Button {
  return button('Details', JOB_ACTIONS.details, job.id);
}

/** Request again: the restore modal filled in from this job, for a request that restored nothing. */
export function requestAgainButton(job: Job): Button {
  return button('Request again', JOB_ACTIONS.requestAgain, job.id, { style: 'primary' });
}

/**
 * Approve / Reject (confirmed: it asks for a reason next) / Cancel, while the job waits for approval.
 * Approving a plan that renames and deletes an existing database is confirmed too, naming it: a
 * misclick there cannot be taken back.
 */
export function approvalActions(job: Job): ActionsBlock {
  const destructive = destructiveApprovalConfirm(job);
  return {
    type: 'actions',
    elements: [
      button('Approve', JOB_ACTIONS.approve, job.id, {
        style: 'primary',
        ...(destructive ? { confirm: destructive } : {}),
      }),
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

/** The confirmation an Approve needs when the plan renames or deletes a database that exists now; none otherwise. */
function destructiveApprovalConfirm(job: Job): ConfirmationDialog | undefined {
  const replace = job.plan.replace;
  if (!replace) return undefined;
  return {
    title: { type: 'plain_text', text: 'Approve replacing a database?' },
    text: {
      type: 'plain_text',
      text: truncate(
        `${replace.identifier} is renamed to ${replace.renamedTo}, and once the restore validates it is DELETED ` +
          `(final snapshot ${replace.finalSnapshotIdentifier}). Anything using ${replace.identifier} loses it meanwhile.`,
        300,
      ),
    },
    confirm: { type: 'plain_text', text: 'Approve and replace' },
    deny: { type: 'plain_text', text: 'Not yet' },
    style: 'danger',
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
      deleteNowButton(
        job,
        'Delete the restored database?',
        `${job.plan.target.identifier} is deleted now instead of at its expiry. This cannot be undone.`,
      ),
    ],
  };
}

/**
 * Delete now alone, for what a failed restore left behind (nobody needs it past the grace period).
 * Confirmed, naming the leftover: it cannot be undone.
 */
export function leftoverActions(job: Job): ActionsBlock {
  const leftover = job.expiry?.identifier ?? job.plan.target.identifier;
  return {
    type: 'actions',
    elements: [
      deleteNowButton(
        job,
        'Delete the leftover copy?',
        `${leftover}, left by the failed restore, is deleted now (with a final snapshot) instead of after the grace period.`,
      ),
    ],
  };
}

/** Delete now, behind a danger confirm that says what is deleted: it cannot be undone. */
function deleteNowButton(job: Job, title: string, consequence: string): Button {
  return button('Delete now', JOB_ACTIONS.deleteNow, job.id, {
    style: 'danger',
    confirm: {
      title: { type: 'plain_text', text: title },
      text: { type: 'plain_text', text: truncate(consequence, 300) },
      confirm: { type: 'plain_text', text: 'Delete now' },
      deny: { type: 'plain_text', text: 'Keep it' },
      style: 'danger',
    },
  });
}
