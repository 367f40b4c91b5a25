import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * Ten lower-case base-32 characters (50 bits): short enough to type in `/restore status`,
 * and its first eight characters, used in resource names, are unique among live jobs.
 */
export function newJobId(): string {
  return toJobId(randomBytes(10));
}

/**
 * The job id a request delivered with `key` always gets (a modal's view id): a retried
 * delivery of the same submission names the same job, which the store creates only once.
 */
export function jobIdFor(key: string): string {
  return toJobId(createHash('sha256').update(key).digest().subarray(0, 10));
}

function toJobId(bytes: Uint8Array): string {
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % 32];
  // Start with a letter so a name suffix never looks like a number.
  return /^[a-z]/.test(id) ? id : `j${id.slice(1)}`;
}
