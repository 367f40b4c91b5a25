/**
 * Statuses as a timeline: every change is written as "from this instant on, this status", so a
 * read at any time computes the status without timers, and a test that moves the clock sees AWS's
 * progression (`creating` → `available`, `deleting` → gone).
 */
export interface Lifecycle {
  phases: Phase[];
  /** From this instant the resource no longer exists. */
  goneAt?: Date;
}

interface Phase {
  status: string;
  from: Date;
}

export function startedAs(status: string, at: Date): Lifecycle {
  return { phases: [{ status, from: at }] };
}

/** `status` now, then `next` once `durationMs` has passed. */
export function startedFor(status: string, at: Date, durationMs: number, next = 'available'): Lifecycle {
  return { phases: [{ status, from: at }, ...after(at, durationMs, next)] };
}

export function statusAt(lifecycle: Lifecycle, at: Date): string {
  let current = lifecycle.phases[0]?.status ?? 'available';
  for (const phase of lifecycle.phases) {
    if (phase.from.getTime() <= at.getTime()) current = phase.status;
  }
  return current;
}

export function existsAt(lifecycle: Lifecycle, at: Date): boolean {
  return !lifecycle.goneAt || lifecycle.goneAt.getTime() > at.getTime();
}

/** Replaces whatever was still to come with `status` for `durationMs`, then `next` (or gone). */
export function transition(
  lifecycle: Lifecycle,
  at: Date,
  status: string,
  durationMs: number,
  next: string | 'gone' = 'available',
): void {
  lifecycle.phases = lifecycle.phases.filter((phase) => phase.from.getTime() <= at.getTime());
  lifecycle.phases.push({ status, from: at });
  if (next === 'gone') lifecycle.goneAt = new Date(at.getTime() + durationMs);
  else lifecycle.phases.push(...after(at, durationMs, next));
}

function after(at: Date, durationMs: number, status: string): Phase[] {
  return [{ status, from: new Date(at.getTime() + durationMs) }];
}
