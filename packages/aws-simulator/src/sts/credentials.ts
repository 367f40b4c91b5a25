import { randomBytes } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** An IAM-style id: a four-letter prefix and 16 upper-case characters (`ASIA…` for temporary keys, `AROA…` for roles). */
export function iamId(prefix: string): string {
  const suffix = [...randomBytes(16)].map((byte) => UPPER_ALNUM[byte % UPPER_ALNUM.length]).join('');
  return `${prefix}${suffix}`;
}

export function secretAccessKey(): string {
  return randomBytes(30).toString('base64');
}

export function sessionToken(): string {
  return `IQoJb3JpZ2luX2Vj${randomBytes(180).toString('base64')}`;
}
