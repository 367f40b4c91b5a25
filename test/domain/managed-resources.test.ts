import { describe, expect, it } from 'vitest';
import { identifierProblem } from '../../src/domain/identifiers.js';
import {
  finalSnapshotIdentifier,
  isReservedTagKey,
  isTaggedForJob,
  managedTags,
  renamedTargetIdentifier,
  writerInstanceIdentifier,
} from '../../src/domain/managed-resources.js';

describe('derived names', () => {
  it('suffixes with the short job id', () => {
    expect(renamedTargetIdentifier('orders-acc', 'J7K2M9QX4T')).toBe('orders-acc-old-j7k2m9qx');
    expect(finalSnapshotIdentifier('orders-acc', 'j7k2m9qx4t')).toBe('orders-acc-final-j7k2m9qx');
    expect(writerInstanceIdentifier('orders-acc', 'j7k2m9qx4t')).toBe('orders-acc-writer-j7k2m9qx');
  });

  it('stays a valid RDS identifier for the longest names', () => {
    const longest = `a${'-b'.repeat(31)}`;
    for (const name of [renamedTargetIdentifier(longest, 'job12345'), writerInstanceIdentifier(longest, 'job12345')]) {
      expect(name.length).toBeLessThanOrEqual(63);
      expect(identifierProblem('aurora-cluster', name)).toBeUndefined();
    }
  });
});

describe('tags', () => {
  it('marks resources as managed by one job', () => {
    const tags = managedTags('job1', { team: 'orders' });
    expect(tags).toEqual({ team: 'orders', 'restore-bot:managed': 'true', 'restore-bot:job-id': 'job1' });
    expect(isTaggedForJob(tags, 'job1')).toBe(true);
    expect(isTaggedForJob(tags, 'job2')).toBe(false);
    expect(isTaggedForJob({ 'restore-bot:job-id': 'job1' }, 'job1')).toBe(false);
  });

  it('reserves aws: and restore-bot: keys', () => {
    expect(isReservedTagKey('aws:cloudformation:stack-name')).toBe(true);
    expect(isReservedTagKey('restore-bot:job-id')).toBe(true);
    expect(isReservedTagKey('team')).toBe(false);
  });
});
