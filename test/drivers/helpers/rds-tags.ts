import { managedTags } from '../../../src/domain/managed-resources.js';
import { EXPIRES_AT, JOB_ID } from './plan-builder.js';

/** A tag as RDS and DocumentDB list it. */
export interface Tag {
  Key: string;
  Value: string;
}

/** This job's managed tags, as a resource the job made (or took over) carries them. */
export const OUR_TAGS: Tag[] = Object.entries(managedTags(JOB_ID)).map(([Key, Value]) => ({ Key, Value }));

/** What every resource restored for the default plan is tagged with: the source's tags, then the bot's. */
export function restoreTags(sourceTags: Tag[], sourceArn: string): Tag[] {
  return [
    ...sourceTags,
    { Key: 'restore-bot:expires-at', Value: EXPIRES_AT },
    { Key: 'restore-bot:source', Value: sourceArn },
    { Key: 'restore-bot:managed', Value: 'true' },
    { Key: 'restore-bot:job-id', Value: JOB_ID },
  ];
}

/**
 * The tags the rename step puts on the existing target before moving it aside; `before` is its
 * record of the bot's tags the target already had (`none` for a target the bot never touched).
 */
export function renamedFromTags(identifier: string, before = 'none'): Tag[] {
  return [
    { Key: 'restore-bot:renamed-from', Value: identifier },
    { Key: 'restore-bot:managed', Value: 'true' },
    { Key: 'restore-bot:job-id', Value: JOB_ID },
    { Key: 'restore-bot:tags-before', Value: before },
  ];
}
