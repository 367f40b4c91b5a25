/**
 * Runs `start` once and shares its result with every later call. A failure is not kept: the next
 * call starts again. For what a process builds once and must not be stuck without after a
 * passing fault (a Lambda container's composition, a secret, a lazily loaded client or driver).
 */
export function memoizeSuccess<T>(start: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= start().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
