import type { ValidationCheck } from './source.js';

/** The check that carries the restored database's address (`host:port`), as every RDS-family driver reports it. */
export const ENDPOINT_CHECK = 'Endpoint';

/** The restored database's endpoint from its validation report; undefined before it validated (or for a table). */
export function endpointOf(checks: readonly ValidationCheck[] | undefined): string | undefined {
  // Case-insensitive: jobs validated before the labels were made consistent stored `endpoint`.
  return checks?.find((check) => check.name.toLowerCase() === ENDPOINT_CHECK.toLowerCase())?.detail;
}

/**
 * A check's label in sentence case, the one style of every kind's report: `Engine version`, while
 * acronyms stay as written (`KMS key`, `DB parameter group`). For reports stored before the drivers
 * wrote labels this way.
 */
export function checkLabel(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
