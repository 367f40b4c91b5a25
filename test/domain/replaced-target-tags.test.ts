import { describe, expect, it } from 'vitest';
import { TAG_JOB_ID, TAG_MANAGED, TAG_RENAMED_FROM } from '../../src/domain/managed-resources.js';
import { replaceTags, TAG_TAGS_BEFORE, tagRestoreFor } from '../../src/domain/replaced-target-tags.js';

/** What a tag restore leaves: `current` with `add` applied, then `remove` taken off. */
function applied(current: Record<string, string>): Record<string, string> {
  const restore = tagRestoreFor(current);
  if (!restore) return current;
  const next = { ...current, ...restore.add };
  for (const key of restore.remove) delete next[key];
  return next;
}

describe('replaced target tags', () => {
  it('takes every tag it added off a database the bot never touched, keeping the owner’s', () => {
    const owners: Record<string, string> = { team: 'billing', env: 'acc' };
    const tagged = { ...owners, ...replaceTags('job-new', 'billing-acc', owners) };

    expect(tagged[TAG_MANAGED]).toBe('true');
    expect(applied(tagged)).toEqual(owners);
  });

  it('puts back the values it overwrote on a database an earlier job restored', () => {
    const earlier = { team: 'billing', [TAG_MANAGED]: 'true', [TAG_JOB_ID]: 'job-old', 'restore-bot:source': 'arn:x' };
    const tagged = { ...earlier, ...replaceTags('job-new', 'billing-acc', earlier) };

    expect(tagged[TAG_JOB_ID]).toBe('job-new');
    expect(tagRestoreFor(tagged)?.add).toEqual({ [TAG_MANAGED]: 'true', [TAG_JOB_ID]: 'job-old' });
    expect(applied(tagged)).toEqual(earlier);
  });

  it('keeps its first record when the rename step is retried', () => {
    const owners: Record<string, string> = { team: 'billing' };
    const once = { ...owners, ...replaceTags('job-new', 'billing-acc', owners) };
    const twice = { ...once, ...replaceTags('job-new', 'billing-acc', once) };

    expect(twice[TAG_TAGS_BEFORE]).toBe('none');
    expect(twice[TAG_RENAMED_FROM]).toBe('billing-acc');
    expect(applied(twice)).toEqual(owners);
  });

  it('leaves a database without the record alone', () => {
    expect(tagRestoreFor({ team: 'billing' })).toBeUndefined();
  });
});
