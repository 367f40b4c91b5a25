import type { ListenerDeps } from '../../deps.js';
import { type ButtonArgs, onJobButton } from './job-button.js';

/** "Extend" on a succeeded card: the copy lives one default expiry longer. */
export function extendButton(deps: ListenerDeps) {
  return (args: ButtonArgs) =>
    onJobButton(args, async (jobId, userId) => deps.service.extend(jobId, await deps.directory.principalOf(userId)));
}

/** "Delete now" (behind a confirm dialog): the worker deletes the copy with a final snapshot. */
export function deleteNowButton(deps: ListenerDeps) {
  return (args: ButtonArgs) =>
    onJobButton(args, async (jobId, userId) =>
      deps.service.deleteCopyNow(jobId, await deps.directory.principalOf(userId)),
    );
}
