import { describe, expect, it } from 'vitest';
import { identifierFromArn, identifierProblem, sameIdentifier } from '../../src/domain/identifiers.js';

describe('identifierProblem', () => {
  it.each(['orders', 'o', 'orders-copy-1', 'A'.repeat(63)])('accepts RDS identifier %s', (name) => {
    expect(identifierProblem('aurora-cluster', name)).toBeUndefined();
  });

  it.each([
    ['', /1 to 63/],
    ['A'.repeat(64), /1 to 63/],
    ['1orders', /start with a letter/],
    ['orders_copy', /letters, digits and hyphens/],
    ['orders--copy', /two consecutive hyphens/],
    ['orders-', /end with a hyphen/],
  ])('refuses RDS identifier %j', (name, problem) => {
    expect(identifierProblem('rds-instance', name)).toMatch(problem);
    expect(identifierProblem('docdb-cluster', name)).toMatch(problem);
  });

  it.each(['abc', 'orders.events_v2-copy', 'A'.repeat(255)])('accepts table name %s', (name) => {
    expect(identifierProblem('dynamodb-table', name)).toBeUndefined();
  });

  it.each([
    ['ab', /3 to 255/],
    ['A'.repeat(256), /3 to 255/],
    ['orders events', /letters, digits/],
    ['orders/events', /letters, digits/],
  ])('refuses table name %j', (name, problem) => {
    expect(identifierProblem('dynamodb-table', name)).toMatch(problem);
  });
});

describe('sameIdentifier', () => {
  it('ignores case for RDS identifiers but not for table names', () => {
    expect(sameIdentifier('aurora-cluster', 'Orders', 'orders')).toBe(true);
    expect(sameIdentifier('dynamodb-table', 'Orders', 'orders')).toBe(false);
  });
});

describe('identifierFromArn', () => {
  it('takes the identifier out of RDS and DynamoDB ARNs', () => {
    expect(identifierFromArn('arn:aws:rds:eu-west-1:111111111111:cluster:orders')).toBe('orders');
    expect(identifierFromArn('arn:aws:dynamodb:eu-west-1:111111111111:table/carts')).toBe('carts');
    expect(identifierFromArn('orders')).toBe('orders');
  });
});
