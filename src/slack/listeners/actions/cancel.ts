import type { ListenerDeps } from '../../deps.js';
import { type ButtonArgs, onJobButton } from './job-button.js';

export function cancelButton(deps: ListenerDeps) {
  return (args: ButtonArgs) => onJobButton(deps, args, (jobId, userId) => deps.service.cancel(jobId, userId));
}
