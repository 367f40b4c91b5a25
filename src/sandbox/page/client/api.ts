import type { SandboxActionResult, SandboxSnapshot } from '../snapshot-types.js';

/** The page's server, same origin: GET /sandbox/state and the POST routes that act as a person. */

export async function fetchSnapshot(user: string, channel: string | undefined): Promise<SandboxSnapshot> {
  const query = new URLSearchParams({ user, ...(channel ? { channel } : {}) });
  const response = await fetch(`/sandbox/state?${query.toString()}`, { cache: 'no-store' });
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
