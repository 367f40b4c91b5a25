import { z } from 'zod';

/** How long a reason may be: long enough to explain, short enough to read on a card. */
export interface ReasonLimits {
  min: number;
  max: number;
}

/** Why a restore is needed; approvers read it before they approve. */
export const REQUEST_REASON_LIMITS: ReasonLimits = { min: 3, max: 500 };

/** Why an approver rejects; the requester reads it on the card. */
export const REJECT_REASON_LIMITS: ReasonLimits = { min: 3, max: 1000 };

/**
 * A reason, trimmed, with messages that say how to fix it. The same rules are enforced by Slack
 * as people type (min_length, max_length) and again here, since a client can send anything.
 */
export function reasonSchema(limits: ReasonLimits, what: string) {
  return z
    .string({ error: `Give a reason ${what}.` })
    .trim()
    .min(limits.min, {
      error: (issue) =>
        String(issue.input ?? '') === ''
          ? `Give a reason ${what}.`
          : `Give a reason of at least ${limits.min} characters ${what}.`,
    })
    .max(limits.max, {
      error: (issue) =>
        `Keep the reason to ${limits.max} characters or fewer (it has ${String(issue.input ?? '').length}).`,
    });
}

/** The reject reason as the listener received it, or the sentence to show on its field. */
export function checkRejectReason(text: string | undefined): { reason: string } | { problem: string } {
  const result = reasonSchema(REJECT_REASON_LIMITS, 'for rejecting: the requester reads it').safeParse(text ?? '');
  if (result.success) return { reason: result.data };
  return { problem: result.error.issues[0]?.message ?? 'Give a reason for rejecting.' };
}
