import { z } from 'zod';
import { DATABASE_KINDS } from '../../domain/kinds.js';
import { BLOCK_KIT_LIMITS } from '../block-kit-limits.js';
import { ModalMetadataError } from '../blocks/errors.js';
import { RESTORE_POINT_TYPES } from '../ids.js';
import { SEAL_LENGTH } from '../metadata-seal.js';
import type { RestoreModalState } from './state.js';

const MetadataSchema = z.object({
  channelId: z.string(),
  timeZone: z.string().min(1),
  kind: z.enum(DATABASE_KINDS).optional(),
  source: z.object({ environment: z.string().min(1), identifier: z.string().min(1) }).optional(),
  targetEnvironment: z.string().min(1).optional(),
  restorePointType: z.enum(RESTORE_POINT_TYPES).default('latest'),
});

/** What the modal remembers between interactions: what the form itself does not hold. */
export type RestoreModalMetadata = z.output<typeof MetadataSchema>;

/**
 * The metadata as JSON, within Slack's 3000 characters once sealed (a source too long to keep is read
 * from the form instead).
 */
export function restoreModalMetadata(state: RestoreModalState): string {
  const metadata: RestoreModalMetadata = {
    channelId: state.channelId,
    timeZone: state.timeZone,
    restorePointType: state.restorePointType,
    ...(state.kind ? { kind: state.kind } : {}),
    ...(state.source ? { source: state.source } : {}),
    ...(state.targetEnvironment ? { targetEnvironment: state.targetEnvironment } : {}),
  };
  const json = JSON.stringify(metadata);
  if (json.length <= BLOCK_KIT_LIMITS.privateMetadata - SEAL_LENGTH) return json;
  const { source: _source, targetEnvironment: _target, ...rest } = metadata;
  return JSON.stringify(rest);
}

/** Reads back what `buildRestoreModal` stored; throws ModalMetadataError for anything else. */
export function readRestoreModalMetadata(privateMetadata: string): RestoreModalMetadata {
  let parsed: unknown;
  try {
    parsed = JSON.parse(privateMetadata);
  } catch (error) {
    throw new ModalMetadataError('the restore modal metadata is not JSON', { cause: error });
  }
  const result = MetadataSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ModalMetadataError(
      `the restore modal metadata is not valid: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim(),
      { cause: result.error },
    );
  }
  return result.data;
}
