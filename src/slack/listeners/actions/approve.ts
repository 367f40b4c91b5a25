import type { ListenerDeps } from '../../deps.js';
import { type ButtonArgs, onJobButton } from './job-button.js';

export function approveButton(deps: ListenerDeps) {
  return (args: ButtonArgs) =>
    onJobButton(deps, args, async (jobId, userId) =>
      deps.service.approve(jobId, await deps.directory.principalOf(userId)),
    );
}
