import { managedTags, TAG_SOURCE } from '../../domain/managed-resources.js';
import type { Plan } from '../../domain/plan.js';

/** A tag as RDS and DocumentDB return it. */
export interface TagShape {
  Key?: string | undefined;
  Value?: string | undefined;
}

export interface Tag {
  Key: string;
  Value: string;
}

export function toTagList(tags: Record<string, string>): Tag[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

export function fromTagList(list: readonly TagShape[] | undefined): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const { Key, Value } of list ?? []) {
    if (Key !== undefined) tags[Key] = Value ?? '';
  }
  return tags;
}

/**
 * Tags of everything a restore creates: the plan's tags (the source's own plus the expiry), then
 * the managed and job-id tags, which later steps rely on to recognise the resource as ours.
 */
export function restoredResourceTags(plan: Plan, jobId: string): Record<string, string> {
  return { ...plan.settings.tags, ...managedTags(jobId, { [TAG_SOURCE]: plan.source.arn }) };
}
