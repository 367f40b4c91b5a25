/** Slack ids shared by the builders (src/slack/blocks) and the listeners. Snake case, as Slack writes them. */

/** The restore modal. */
export const RESTORE_MODAL = {
  callbackId: 'restore_request',
  kind: { blockId: 'kind', actionId: 'kind_select' },
  source: { blockId: 'source', actionId: 'source_select' },
  targetEnvironment: { blockId: 'target_environment', actionId: 'target_environment_select' },
  restorePointType: { blockId: 'restore_point', actionId: 'restore_point_type' },
  restoreTime: { blockId: 'restore_time', actionId: 'restore_time_picker' },
  snapshot: { blockId: 'snapshot', actionId: 'snapshot_select' },
  restorableWindow: { blockId: 'restorable_window' },
  target: { blockId: 'target', actionId: 'target_input' },
  ifTargetExists: { blockId: 'if_target_exists', actionId: 'if_target_exists_choice' },
  expiry: { blockId: 'expiry', actionId: 'expiry_select' },
  reason: { blockId: 'reason', actionId: 'reason_input' },
  /** The line that says what submitting does. */
  whatHappens: { blockId: 'what_happens' },
} as const;

/** The modal that asks an approver why they reject. */
export const REJECT_MODAL = {
  callbackId: 'reject_reason',
  reason: { blockId: 'reject_reason', actionId: 'reject_reason_input' },
} as const;

/** Buttons on the job card; each button's value is the job id (Extend's adds its choice). */
export const JOB_ACTIONS = {
  approve: 'job_approve',
  reject: 'job_reject',
  cancel: 'job_cancel',
  /** The prefix of the Extend buttons' ids: `job_extend_7d` (Slack wants ids unique within a block). */
  extend: 'job_extend',
  deleteNow: 'job_delete_now',
  /** Opens the Details modal: every step, check and event of the job. */
  details: 'job_details',
  /** On a card that restored nothing (rejected, cancelled, expired): the restore modal, filled in from the job. */
  requestAgain: 'job_request_again',
} as const;

/** Buttons on a refresh run's card; each button's value is the run id. */
export const REFRESH_ACTIONS = {
  approve: 'refresh_approve',
  runNow: 'refresh_run_now',
  postpone: 'refresh_postpone',
  skip: 'refresh_skip',
} as const;

/** Buttons on a DR run's card; each button's value is the run id. */
export const DR_ACTIONS = {
  approve: 'dr_approve',
  reject: 'dr_reject',
  switch: 'dr_switch',
  switchBack: 'dr_switch_back',
  discard: 'dr_discard',
} as const;

/** The read-only modal with a job's whole story. */
export const JOB_DETAILS_MODAL = { callbackId: 'job_details' } as const;

/** Every Extend button, whatever choice it names: the listener checks the choice itself. */
export const EXTEND_ACTION_PATTERN = /^job_extend_/;

export function extendActionId(choice: string): string {
  return `${JOB_ACTIONS.extend}_${choice}`;
}

/** An Extend button's value: `<job id>:<choice>`, e.g. `abcd234567:7d`. */
export function extendButtonValue(jobId: string, choice: string): string {
  return `${jobId}:${choice}`;
}

/** The job id and the choice an Extend click carries, as sent: not yet checked. */
export function parseExtendButtonValue(value: string): { jobId: string; choice: string } {
  const at = value.lastIndexOf(':');
  return at < 0 ? { jobId: value, choice: '' } : { jobId: value.slice(0, at), choice: value.slice(at + 1) };
}

/** Values of the restore point radio buttons. */
export const RESTORE_POINT_TYPES = ['latest', 'time', 'snapshot'] as const;
export type RestorePointType = (typeof RESTORE_POINT_TYPES)[number];

/**
 * The modal's first expiry choice: no expiry asked for, so the planner decides: a new copy gets
 * the policy's default expiry, a replacement never expires (it stands in for a long-lived database).
 */
export const DEFAULT_EXPIRY_CHOICE = 'default';

/** Expiry choices in the modal. */
export const EXPIRY_CHOICES = ['1d', '3d', '7d', '14d', '30d', 'never'] as const;
