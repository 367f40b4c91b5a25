import { ConditionalCheckFailedException, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsErrorName, hasAwsErrorName, isConditionalCheckFailed } from '../../src/aws/error-names.js';
import { type RunningDynalite, startDynalite } from '../helpers/dynalite.js';

let dynamo: RunningDynalite;

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo.close();
});

describe('AWS error names', () => {
  it('recognises a refused condition from the real DynamoDB API, the SDK class and a plain named error', async () => {
    // Prepare: a conditional write dynalite refuses.
    const write = () =>
      dynamo.client.send(
        new PutItemCommand({
          TableName: dynamo.tableName,
          Item: { pk: { S: 'error-names#taken' } },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    await write();

    // Act
    const refused = await write().catch((error: unknown) => error);

    // Assess
    expect(isConditionalCheckFailed(refused)).toBe(true);
    expect(isConditionalCheckFailed(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }))).toBe(true);
    expect(isConditionalCheckFailed(Object.assign(new Error('no'), { name: 'ConditionalCheckFailedException' }))).toBe(
      true,
    );
    expect(isConditionalCheckFailed(Object.assign(new Error('slow'), { name: 'ThrottlingException' }))).toBe(false);
  });

  it('answers for anything thrown, not only errors', () => {
    for (const thrown of [undefined, null, 'ConditionalCheckFailedException', 42, { name: 7 }]) {
      expect(isConditionalCheckFailed(thrown)).toBe(false);
      expect(awsErrorName(thrown)).toBeUndefined();
    }
    expect(
      hasAwsErrorName({ name: 'DBInstanceNotFoundFault' }, 'DBClusterNotFoundFault', 'DBInstanceNotFoundFault'),
    ).toBe(true);
  });
});
