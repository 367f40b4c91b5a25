import { describeExtendChoice, EXTEND_CHOICES, isExtendChoice } from '../../../domain/copy-extension.js';
import { JobTransitionError } from '../../../domain/job/errors.js';
import type { ListenerDeps } from '../../deps.js';
import { parseExtendButtonValue } from '../../ids.js';
import { type ButtonArgs, onJobButton } from './job-button.js';

/**
 * "Extend 1 day / 3 days / 7 days" on a succeeded card. The choice comes back in the button's value,
 * which a client could change: anything but a listed choice is refused, and the service refuses a
 * choice past the policy's maximum (a stale card), each with a word to the clicker.
 */
export function extendButton(deps: ListenerDeps) {
  return (args: ButtonArgs) =>
    onJobButton(deps, args, async (value, userId) => {
      const { jobId, choice } = parseExtendButtonValue(value);
      if (!isExtendChoice(choice)) {
        throw new JobTransitionError(
          `"${choice.replace(/[^a-z0-9]/gi, '').slice(0, 20)}" is not an Extend choice: pick ${EXTEND_CHOICES.map(describeExtendChoice).join(', ')} on the card`,
        );
      }
      return deps.service.extend(jobId, await deps.directory.principalOf(userId), choice);
    });
}

/** "Delete now" (behind a confirm dialog): the worker deletes the copy with a final snapshot. */
export function deleteNowButton(deps: ListenerDeps) {
  return (args: ButtonArgs) =>
    onJobButton(deps, args, async (jobId, userId) =>
      deps.service.deleteCopyNow(jobId, await deps.directory.principalOf(userId)),
    );
}
