import { InvalidIdentifierError, type RequestField } from './errors.js';
import type { DatabaseKind } from './kinds.js';

const RDS_IDENTIFIER = /^[A-Za-z][A-Za-z0-9-]{0,62}$/;
const DYNAMODB_TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/**
 * Why `identifier` is not a valid name for `kind`, or undefined when it is.
 * RDS, Aurora and DocumentDB: 1-63 letters, digits and hyphens, starting with a letter, no
 * `--`, no trailing hyphen. DynamoDB: 3-255 of letters, digits, `_`, `.` and `-`.
 */
export function identifierProblem(kind: DatabaseKind, identifier: string): string | undefined {
  if (kind === 'dynamodb-table') {
    if (identifier.length < 3 || identifier.length > 255) return 'must be 3 to 255 characters long';
    if (!DYNAMODB_TABLE_NAME.test(identifier)) return 'may contain only letters, digits, "_", "." and "-"';
    return undefined;
  }
  if (identifier.length === 0 || identifier.length > 63) return 'must be 1 to 63 characters long';
  if (!/^[A-Za-z]/.test(identifier)) return 'must start with a letter';
  if (!RDS_IDENTIFIER.test(identifier)) return 'may contain only letters, digits and hyphens';
  if (identifier.includes('--')) return 'must not contain two consecutive hyphens';
  if (identifier.endsWith('-')) return 'must not end with a hyphen';
  return undefined;
}

/** Throws `InvalidIdentifierError` on `field` when `identifier` is not valid for `kind`. */
export function assertValidIdentifier(kind: DatabaseKind, identifier: string, field: RequestField): void {
  const problem = identifierProblem(kind, identifier);
  if (problem) throw new InvalidIdentifierError(field, `${field} "${identifier}" ${problem}`);
}

/** RDS identifiers are case-insensitive (AWS stores them lower-case); table names are not. */
export function sameIdentifier(kind: DatabaseKind, a: string, b: string): boolean {
  return kind === 'dynamodb-table' ? a === b : a.toLowerCase() === b.toLowerCase();
}

/** The identifier part of an ARN (`arn:aws:rds:...:cluster:orders` → `orders`), or the input itself. */
export function identifierFromArn(value: string): string {
  if (!value.startsWith('arn:')) return value;
  const table = /:table\/([^/]+)/.exec(value);
  if (table?.[1]) return table[1];
  return value.split(':').at(-1) ?? value;
}
