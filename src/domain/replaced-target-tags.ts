import { managedTags, TAG_JOB_ID, TAG_MANAGED, TAG_RENAMED_FROM } from './managed-resources.js';

/**
 * What a replace tags the existing target with, and how a rollback takes it back off.
 *
 * The rename step must mark the database it moves aside as managed (the worker's role may rename
 * and delete only that), but a rollback has to leave it exactly as it was found: a database left
 * `restore-bot:managed=true` would stay within reach of the role. So the rename step records, on
 * the database itself, the values its tags overwrote; the rollback puts those back and removes the
 * rest. Kept on the resource (not in the job) because a cluster's members each have their own.
 */

/** The bot's record of what its replace tags overwrote: `key=value` entries, space-separated, or `none`. */
export const TAG_TAGS_BEFORE = 'restore-bot:tags-before';

const NOTHING_BEFORE = 'none';

/** The tags the rename step sets on a database (or cluster member) whose tags are `current` now. */
export function replaceTags(
  jobId: string,
  renamedFrom: string,
  current: Record<string, string>,
): Record<string, string> {
  const tags = managedTags(jobId, { [TAG_RENAMED_FROM]: renamedFrom });
  // A retry finds its own record already there: it must not record the job's own tags as the owner's.
  const recorded = current[TAG_TAGS_BEFORE];
  if (recorded !== undefined && current[TAG_JOB_ID] === jobId) return { ...tags, [TAG_TAGS_BEFORE]: recorded };
  const before = Object.keys(tags)
    .filter((key) => current[key] !== undefined)
    .map((key) => `${key}=${current[key]}`);
  return { ...tags, [TAG_TAGS_BEFORE]: before.length > 0 ? before.join(' ') : NOTHING_BEFORE };
}

/** The tag calls that give a database its tags from before the replace; undefined when it carries no record. */
export interface TagRestore {
  /** Values the replace overwrote, put back. */
  add: Record<string, string>;
  /** Keys the replace added, taken off again (the record itself included). */
  remove: string[];
}

export function tagRestoreFor(current: Record<string, string>): TagRestore | undefined {
  const recorded = current[TAG_TAGS_BEFORE];
  if (recorded === undefined) return undefined;
  const add: Record<string, string> = {};
  if (recorded !== NOTHING_BEFORE) {
    for (const entry of recorded.split(' ')) {
      const at = entry.indexOf('=');
      if (at > 0) add[entry.slice(0, at)] = entry.slice(at + 1);
    }
  }
  const added = [TAG_MANAGED, TAG_JOB_ID, TAG_RENAMED_FROM, TAG_TAGS_BEFORE];
  return { add, remove: added.filter((key) => add[key] === undefined) };
}
