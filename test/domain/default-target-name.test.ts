import { describe, expect, it } from 'vitest';
import { defaultTargetName } from '../../src/domain/default-target-name.js';
import { identifierProblem } from '../../src/domain/identifiers.js';

describe('defaultTargetName', () => {
  const now = new Date('2026-11-22T09:05:59Z');

  it('is the source with the UTC date and time', () => {
    expect(defaultTargetName('orders', now)).toBe('orders-20261122-0905');
    expect(defaultTargetName('arn:aws:rds:eu-west-1:111111111111:cluster:orders', now)).toBe('orders-20261122-0905');
  });

  it('stays a valid RDS identifier for long, odd or hyphen-ended names', () => {
    const names = ['a'.repeat(80), `${'b'.repeat(48)}-xyz`, 'orders_v2.main', '1st-db', 'ends-with-', '___'];

    const results = names.map((name) => defaultTargetName(name, now));

    for (const result of results) {
      expect(identifierProblem('rds-instance', result)).toBeUndefined();
      expect(result.length).toBeLessThanOrEqual(63);
    }
    expect(results[0]).toBe(`${'a'.repeat(49)}-20261122-0905`);
    expect(results[1]).toBe(`${'b'.repeat(48)}-20261122-0905`);
    expect(results[2]).toBe('orders-v2-main-20261122-0905');
  });
});
