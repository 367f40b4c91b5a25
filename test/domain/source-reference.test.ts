import { describe, expect, it } from 'vitest';
import { parseSourceReference } from '../../src/domain/source-reference.js';
import { examplePolicy } from '../helpers/simulated-environment.js';

describe('parseSourceReference', () => {
  it('splits environment/identifier, and looks for a bare name in the first environment', () => {
    expect(parseSourceReference(' acceptance/orders-acc ', examplePolicy())).toEqual({
      environment: 'acceptance',
      identifier: 'orders-acc',
    });
    expect(parseSourceReference('orders', examplePolicy())).toEqual({
      environment: 'production',
      identifier: 'orders',
    });
  });

  it('takes the environment an ARN names', () => {
    const arn = 'arn:aws:rds:eu-west-1:222222222222:cluster:orders-acc';

    expect(parseSourceReference(arn, examplePolicy())).toEqual({ environment: 'acceptance', identifier: arn });
  });

  it('refuses an unknown environment and an empty name, naming the field', () => {
    expect(() => parseSourceReference('staging/orders', examplePolicy())).toThrow(
      expect.objectContaining({ field: 'sourceEnvironment' }),
    );
    expect(() => parseSourceReference('production/', examplePolicy())).toThrow(
      expect.objectContaining({ field: 'source', message: expect.stringMatching(/production\/orders/) }),
    );
  });
});
