import type { ViewStateValue } from '@slack/bolt';
import { DATABASE_KINDS, type DatabaseKind } from '../../domain/kinds.js';
import { RESTORE_MODAL, RESTORE_POINT_TYPES, type RestorePointType } from '../ids.js';

type StateValues = Record<string, Record<string, ViewStateValue>>;

/** What the person has entered in the restore modal so far. */
export interface RestoreModalValues {
  kind?: DatabaseKind;
  /** The source option's value: `<environment>/<identifier>`. */
  sourceValue?: string;
  sourceLabel?: string;
  targetEnvironment?: string;
  restorePointType?: RestorePointType;
  restoreTime?: Date;
  snapshotValue?: string;
  snapshotLabel?: string;
  target?: string;
  ifTargetExists?: 'fail' | 'replace';
  expiry?: string;
  reason?: string;
}

/** Reads the modal's `state.values` by the ids the builder used. Pure; missing inputs stay undefined. */
export function readRestoreModalValues(values: StateValues): RestoreModalValues {
  const pick = (ids: { blockId: string; actionId: string }) => values[ids.blockId]?.[ids.actionId];
  const kind = pick(RESTORE_MODAL.kind)?.selected_option?.value;
  const source = pick(RESTORE_MODAL.source)?.selected_option;
  const pointType = pick(RESTORE_MODAL.restorePointType)?.selected_option?.value;
  const time = pick(RESTORE_MODAL.restoreTime)?.selected_date_time;
  const snapshot = pick(RESTORE_MODAL.snapshot)?.selected_option;
  const ifExists = pick(RESTORE_MODAL.ifTargetExists)?.selected_option?.value;
  return withoutUndefined({
    kind: DATABASE_KINDS.find((candidate) => candidate === kind),
    sourceValue: source?.value,
    sourceLabel: source?.text?.text,
    targetEnvironment: pick(RESTORE_MODAL.targetEnvironment)?.selected_option?.value,
    restorePointType: RESTORE_POINT_TYPES.find((candidate) => candidate === pointType),
    restoreTime: typeof time === 'number' ? new Date(time * 1000) : undefined,
    snapshotValue: snapshot?.value,
    snapshotLabel: snapshot?.text?.text,
    target: pick(RESTORE_MODAL.target)?.value?.trim() || undefined,
    ifTargetExists: ifExists === 'replace' || ifExists === 'fail' ? ifExists : undefined,
    expiry: pick(RESTORE_MODAL.expiry)?.selected_option?.value,
    reason: pick(RESTORE_MODAL.reason)?.value?.trim() || undefined,
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
