/** `DBClusterNotFoundFault: DBCluster orders not found.`: an error's name (unless plain) and its message. */
export function describeError(error: unknown): string {
  if (error instanceof Error)
    return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}
