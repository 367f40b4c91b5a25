/** Small readers for the loosely typed JSON that crosses the wire in both directions. */

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringField(source: JsonObject, key: string): string | undefined {
  const value = source[key];
  return typeof value === 'string' ? value : undefined;
}

/** A copy that shares nothing with the original: stored payloads must not change when the caller's objects do. */
export function cloneJson<T>(value: T): T {
  return structuredClone(value);
}

/** Form fields arrive as strings (`"true"`, `"1"`); JSON bodies carry real booleans. */
export function booleanArg(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}
