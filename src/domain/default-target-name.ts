import { identifierFromArn } from './identifiers.js';
import { withSuffix } from './managed-resources.js';

/**
 * `<source>-<yyyymmdd-hhmm>` in UTC: a name that says what and when, valid as an RDS identifier
 * (letters, digits and single hyphens, starting with a letter, at most 63, no trailing hyphen).
 */
export function defaultTargetName(source: string, now: Date): string {
  const iso = now.toISOString();
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}`;
  const base = identifierFromArn(source)
    .replace(/[^A-Za-z0-9-]/g, '-')
    .replace(/^[^A-Za-z]+/, '')
    .replace(/-{2,}/g, '-');
  return withSuffix(base === '' ? 'restore' : base, stamp);
}
