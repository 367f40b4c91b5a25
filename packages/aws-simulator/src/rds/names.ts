import { createHash } from 'node:crypto';
import type { SimulatedTarget } from '../types.js';

/** The resource types in RDS ARNs: `arn:aws:rds:<region>:<account>:<type>:<id>`. */
export type ArnType = 'db' | 'cluster' | 'snapshot' | 'cluster-snapshot';

export interface ParsedArn extends SimulatedTarget {
  type: string;
  id: string;
}

export function rdsArn(owner: SimulatedTarget, type: ArnType, id: string): string {
  return `arn:aws:rds:${owner.region}:${owner.accountId}:${type}:${id}`;
}

/** Parses an RDS ARN; the id may itself contain `:` (automated snapshots are `rds:orders-...`). */
export function parseRdsArn(value: string): ParsedArn | undefined {
  const parts = value.split(':');
  if (parts.length < 7 || parts[0] !== 'arn' || parts[2] !== 'rds') return undefined;
  const [, , , region = '', accountId = '', type = ''] = parts;
  return { region, accountId, type, id: parts.slice(6).join(':').toLowerCase() };
}

/** What a request names: a plain identifier, or an ARN that may point at another account or region. */
export interface ResourceRef {
  id: string;
  owner?: SimulatedTarget;
  type?: string;
}

/** Identifiers are case-insensitive and stored in lowercase, as AWS does. */
export function toRef(value: string): ResourceRef {
  const arn = parseRdsArn(value);
  if (!arn) return { id: value.toLowerCase() };
  return { id: arn.id, owner: { accountId: arn.accountId, region: arn.region }, type: arn.type };
}

/** True when `ref` names a resource of `type` in `caller`'s own account and region. */
export function refersToOwn(ref: ResourceRef, caller: SimulatedTarget, type: ArnType): boolean {
  if (!ref.owner) return true;
  return ref.type === type && ref.owner.accountId === caller.accountId && ref.owner.region === caller.region;
}

function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('|')).digest('hex');
}

/** The per account-and-region part of endpoint host names (`c9akciq32rcl`). */
export function endpointHash(owner: SimulatedTarget): string {
  return BigInt(`0x${digest(owner.accountId, owner.region).slice(0, 15)}`)
    .toString(36)
    .slice(0, 12);
}

/** `db-ABC...` / `cluster-ABC...`: 26 upper-case characters, as DbiResourceId and DbClusterResourceId look. */
export function resourceId(prefix: 'db' | 'cluster', ...seed: string[]): string {
  const hex = digest(prefix, ...seed);
  const body = BigInt(`0x${hex.slice(0, 32)}`)
    .toString(36)
    .toUpperCase()
    .padStart(26, '0')
    .slice(0, 26);
  return `${prefix}-${body}`;
}

/** The VPC a named subnet group lives in: one main VPC per account and region. */
export function mainVpcId(owner: SimulatedTarget): string {
  return `vpc-${digest('vpc', owner.accountId, owner.region).slice(0, 17)}`;
}

export const DEFAULT_VPC_ID = 'vpc-default';
export const DEFAULT_SECURITY_GROUP = 'sg-default';
export const DEFAULT_SUBNET_GROUP = 'default';

/** The AWS managed key `aws/rds`: snapshots encrypted with it cannot be shared with other accounts. */
export function awsManagedKey(owner: SimulatedTarget): string {
  return `arn:aws:kms:${owner.region}:${owner.accountId}:alias/aws/rds`;
}

/** AWS reports KMS keys as ARNs, whatever form the request used. */
export function kmsKeyArn(owner: SimulatedTarget, keyId: string): string {
  if (keyId.startsWith('arn:')) return keyId;
  const resource = keyId.startsWith('alias/') || keyId.startsWith('key/') ? keyId : `key/${keyId}`;
  return `arn:aws:kms:${owner.region}:${owner.accountId}:${resource}`;
}

/** `2026-11-21-03-00`, the timestamp part of automated snapshot identifiers. */
export function snapshotStamp(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 10)}-${iso.slice(11, 13)}-${iso.slice(14, 16)}`;
}
