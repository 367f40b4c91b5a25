/**
 * Maps `items` with at most `limit` calls in flight, keeping the order. DynamoDB has no batch
 * describe, and a worker tick may check many tables: this keeps it under the control-plane rate.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  // One iterator shared by every lane: each item is taken exactly once.
  const queue = items.entries();
  async function lane(): Promise<void> {
    for (const [index, item] of queue) {
      results[index] = await map(item);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
