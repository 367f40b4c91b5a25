import type { SandboxActionResult, SandboxSnapshot } from '../snapshot-types.js';

/** The page's server, same origin: GET /sandbox/state and the POST routes that act as a person. */

/** The sandbox has no such person (a name remembered from another workspace, or mistyped in `?as=`). */
export class UnknownPersonError extends Error {
  constructor(readonly user: string) {
    super(`there is no person ${user} in the sandbox`);
    this.name = 'UnknownPersonError';
  }
}

/** The page as `user` sees it; without a user, as the server's default person (the requester). */
export async function fetchSnapshot(user: string | undefined, channel: string | undefined): Promise<SandboxSnapshot> {
  const query = new URLSearchParams({ ...(user ? { user } : {}), ...(channel ? { channel } : {}) });
  const response = await fetch(`/sandbox/state?${query.toString()}`, { cache: 'no-store' });
  if (response.status === 404 && user) throw new UnknownPersonError(user);
  if (!response.ok) throw new Error(`the sandbox answered HTTP ${response.status}`);
  return (await response.json()) as SandboxSnapshot;
}

export async function post(path: string, body: Record<string, unknown>): Promise<SandboxActionResult> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as SandboxActionResult;
  } catch (error) {
    return { ok: false, error: `the sandbox server cannot be reached (${(error as Error).message})` };
  }
}
