/** One page of a Describe call: its items and the `Marker` of the next page, if any. */
export interface Page<T> {
  items: T[];
  marker?: string | undefined;
}

export type PageFetcher<T> = (marker: string | undefined) => Promise<Page<T>>;

/** Items of every page, fetched lazily so a caller that has enough stops early. */
export async function* paginate<T>(fetchPage: PageFetcher<T>): AsyncGenerator<T> {
  let marker: string | undefined;
  do {
    const page = await fetchPage(marker);
    yield* page.items;
    marker = page.marker;
  } while (marker);
}

export async function collectAll<T>(fetchPage: PageFetcher<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of paginate(fetchPage)) items.push(item);
  return items;
}

/** RDS filters take at most 100 values. */
export const MAX_FILTER_VALUES = 100;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
