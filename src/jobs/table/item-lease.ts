import { type AttributeValue, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { isConditionalCheckFailed } from '../../aws/error-names.js';
import type { JobTableOptions } from './keys.js';

/**
 * Takes the item at `key` for `owner` until `until`, if it is still at `version` and nobody else holds
 * an unexpired lease; false when someone does. Does not change the version: a lease is not a change.
 * Jobs and refresh runs are leased alike.
 */
export async function leaseItem(
  table: JobTableOptions,
  key: string,
  lease: { version: number; owner: string; now: Date; until: Date },
): Promise<boolean> {
  try {
    await table.client.send(
      new UpdateItemCommand({
        TableName: table.tableName,
        Key: { pk: { S: key } },
        UpdateExpression: 'SET leaseOwner = :owner, leaseUntil = :until',
        // Only at the version the caller read, and only if the lease is free, expired or already theirs.
        ConditionExpression:
          '#version = :version AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now OR leaseOwner = :owner)',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: {
          ':owner': { S: lease.owner },
          ':until': { N: String(lease.until.getTime()) },
          ':now': { N: String(lease.now.getTime()) },
          ':version': { N: String(lease.version) },
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/**
 * The SET and REMOVE of a versioned write: every attribute of `item` but its key is set, and each of
 * `removable` the item no longer has is removed. The caller adds its condition on `:expected`.
 */
export function versionedUpdate(
  item: Record<string, AttributeValue>,
  removable: readonly string[],
  expectedVersion: number,
): {
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, AttributeValue>;
} {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, AttributeValue> = { ':expected': { N: String(expectedVersion) } };
  const sets: string[] = [];
  for (const [attribute, value] of Object.entries(item)) {
    if (attribute === 'pk') continue;
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
    sets.push(`#${attribute} = :${attribute}`);
  }
  const removes = removable.filter((attribute) => !(attribute in item));
  for (const attribute of removes) names[`#${attribute}`] = attribute;
  return {
    UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.map((a) => `#${a}`).join(', ')}` : ''}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
