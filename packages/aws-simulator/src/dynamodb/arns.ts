import { randomBytes } from 'node:crypto';
import type { SimulatedTarget } from '../types.js';

export function tableArn(target: SimulatedTarget, tableName: string): string {
  return `arn:aws:dynamodb:${target.region}:${target.accountId}:table/${tableName}`;
}

/**
 * AWS's backup ARN: `…:table/<name>/backup/<14-digit epoch ms>-<8 hex>`,
 * e.g. `arn:aws:dynamodb:us-east-1:123456789012:table/Music/backup/01489173575360-b308cd7d`.
 */
export function backupArn(target: SimulatedTarget, tableName: string, createdAt: Date): string {
  const id = `${String(createdAt.getTime()).padStart(14, '0')}-${randomBytes(4).toString('hex')}`;
  return `${tableArn(target, tableName)}/backup/${id}`;
}

/** Stream ARNs end in a label that is the creation time without the zone. */
export function streamLabel(at: Date): string {
  return at.toISOString().replace(/Z$/, '');
}

/** The AWS managed key DynamoDB uses when SSE is enabled without a key id. */
export function awsManagedKeyArn(target: SimulatedTarget): string {
  return `arn:aws:kms:${target.region}:${target.accountId}:key/0d3c4f6a-aws-managed-dynamodb`;
}

/** KMSMasterKeyId accepts a key id, an alias or an ARN; DynamoDB reports the key's ARN. */
export function kmsKeyArn(target: SimulatedTarget, keyId: string): string {
  if (keyId.startsWith('arn:')) return keyId;
  if (keyId === 'alias/aws/dynamodb') return awsManagedKeyArn(target);
  return `arn:aws:kms:${target.region}:${target.accountId}:${keyId.startsWith('alias/') ? keyId : `key/${keyId}`}`;
}

/**
 * TableName parameters take a name or a table ARN. An ARN of another account or region names a
 * table this region does not hold: undefined.
 */
export function tableNameIn(target: SimulatedTarget, nameOrArn: string): string | undefined {
  if (!nameOrArn.startsWith('arn:')) return nameOrArn;
  const match = /^arn:aws:dynamodb:([^:]+):(\d{12}):table\/([^/]+)$/.exec(nameOrArn);
  if (!match || match[1] !== target.region || match[2] !== target.accountId) return undefined;
  return match[3];
}
