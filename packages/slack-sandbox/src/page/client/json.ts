import type { BlockJson } from '../snapshot-types.js';

/** Readers for the Block Kit JSON the app sent: anything may be missing or of another type. */

export function isRecord(value: unknown): value is BlockJson {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(source: BlockJson | undefined, key: string): string | undefined {
  const value = source?.[key];
  return typeof value === 'string' ? value : undefined;
}

export function num(source: BlockJson | undefined, key: string): number | undefined {
  const value = source?.[key];
  return typeof value === 'number' ? value : undefined;
}

export function rec(source: BlockJson | undefined, key: string): BlockJson | undefined {
  const value = source?.[key];
  return isRecord(value) ? value : undefined;
}

export function records(source: BlockJson | undefined, key: string): BlockJson[] {
  const value = source?.[key];
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** The `text` of a text object (`{ type: 'plain_text', text }`), or ''. */
export function textOf(source: BlockJson | undefined, key: string): string {
  return str(rec(source, key), 'text') ?? '';
}
