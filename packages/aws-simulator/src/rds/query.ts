import type { Filter, Tag } from '@aws-sdk/client-rds';
import { fault } from '../errors.js';

/** What a record offers to each filter name: any of these values matches. */
export type FilterFields<T> = Record<string, (item: T) => Array<string | undefined>>;

const MAX_FILTER_VALUES = 100;

/** AWS semantics: filters are ANDed, the values of one filter ORed; unknown names and oversized lists are refused. */
export function applyFilters<T>(items: T[], filters: Filter[] | undefined, fields: FilterFields<T>): T[] {
  if (!filters?.length) return items;
  const tests = filters.map((filter) => {
    const name = filter.Name ?? '';
    const field = fields[name];
    if (!field) throw fault('InvalidParameterValue', `Unrecognized filter name: ${name}.`);
    const values: string[] = filter.Values ?? [];
    if (values.length === 0) throw fault('InvalidParameterValue', `The filter ${name} needs at least one value.`);
    if (values.length > MAX_FILTER_VALUES) {
      throw fault(
        'InvalidParameterValue',
        `The filter ${name} has ${values.length} values; at most ${MAX_FILTER_VALUES} are allowed.`,
      );
    }
    const wanted = new Set(values.map((value) => value.toLowerCase()));
    return (item: T) => field(item).some((value) => value !== undefined && wanted.has(value.toLowerCase()));
  });
  return items.filter((item) => tests.every((test) => test(item)));
}

export interface Page<T> {
  items: T[];
  marker?: string;
}

const DEFAULT_MAX_RECORDS = 100;
const MIN_MAX_RECORDS = 20;

/**
 * Marker/MaxRecords paging over items sorted by `keyOf`. The marker names the last key returned, so
 * a page stays correct when items appear or disappear between calls.
 */
export function paginate<T>(
  items: T[],
  keyOf: (item: T) => string,
  input: { MaxRecords?: number; Marker?: string },
): Page<T> {
  const max = input.MaxRecords ?? DEFAULT_MAX_RECORDS;
  if (!Number.isInteger(max) || max < MIN_MAX_RECORDS || max > DEFAULT_MAX_RECORDS) {
    throw fault(
      'InvalidParameterValue',
      `Invalid value ${max} for MaxRecords. Must be between ${MIN_MAX_RECORDS} and ${DEFAULT_MAX_RECORDS}`,
    );
  }
  const sorted = [...items].sort((a, b) => compare(keyOf(a), keyOf(b)));
  const after = input.Marker ? decodeMarker(input.Marker) : undefined;
  const remaining = after === undefined ? sorted : sorted.filter((item) => compare(keyOf(item), after) > 0);
  const page = remaining.slice(0, max);
  const last = page.at(-1);
  return remaining.length > max && last ? { items: page, marker: encodeMarker(keyOf(last)) } : { items: page };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function encodeMarker(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

function decodeMarker(marker: string): string {
  const key = Buffer.from(marker, 'base64url').toString('utf8');
  if (!key || encodeMarker(key) !== marker) throw fault('InvalidParameterValue', `Invalid marker: ${marker}`);
  return key;
}

export function toTagList(tags: Map<string, string>): Tag[] {
  return [...tags].map(([Key, Value]) => ({ Key, Value }));
}

export function tagMap(tags: Tag[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const tag of tags ?? []) {
    if (tag.Key !== undefined) map.set(tag.Key, tag.Value ?? '');
  }
  return map;
}
