import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * Ten lower-case base-32 characters (50 bits): short enough to type in `/restore status`,
 * and its first eight characters, used in resource names, are unique among live jobs.
 */
export function newJobId(): string {
  const bytes = randomBytes(10);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % 32];
  // Start with a letter so a name suffix never looks like a number.
  return /^[a-z]/.test(id) ? id : `j${id.slice(1)}`;
}
