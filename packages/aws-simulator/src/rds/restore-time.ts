import { fault } from '../errors.js';
import { toDate } from './context.js';
import type { RestorableWindow } from './shapes.js';

export interface RestoreTimeInput {
  /** `RestoreTime` for instances, `RestoreToTime` for clusters. */
  name: string;
  time?: unknown;
  useLatest?: boolean;
  /** Clones take the source as it is now and name no time. */
  clone?: boolean;
}

/** The parameter rules AWS applies before looking at the source. */
export function checkRestoreTimeParameters(input: RestoreTimeInput): void {
  const hasTime = input.time !== undefined && input.time !== null;
  if (hasTime && input.useLatest) {
    throw fault('InvalidParameterCombination', `${input.name} and UseLatestRestorableTime cannot be used together.`);
  }
  if (hasTime && input.clone) {
    throw fault('InvalidParameterCombination', `${input.name} cannot be used with RestoreType copy-on-write.`);
  }
  if (!hasTime && !input.useLatest && !input.clone) {
    throw fault('InvalidParameterCombination', `Either ${input.name} or UseLatestRestorableTime must be specified.`);
  }
}

/** The instant asked for must lie inside the source's restorable window, or AWS answers InvalidRestoreFault. */
export function checkRestoreInstant(window: RestorableWindow | undefined, input: RestoreTimeInput): void {
  if (!window) {
    throw fault('InvalidRestoreFault', 'The source has no restorable window: it is being created or has no backups.');
  }
  if (input.useLatest || input.clone) return;
  const time = toDate(input.time, input.name);
  if (time.getTime() < window.earliest.getTime() || time.getTime() > window.latest.getTime()) {
    throw fault(
      'InvalidRestoreFault',
      `${input.name} ${time.toISOString()} is outside the restorable window ${window.earliest.toISOString()} to ${window.latest.toISOString()}.`,
    );
  }
}
