import type { Clock } from '../../clock.js';

/**
 * Optional: answers a second `chat.update` of the same message within a second with HTTP 429 and
 * `Retry-After`, as Slack's chat limits do under load, so the app's pacing can be exercised. Off by default.
 */
export class UpdateRateLimiter {
  private readonly lastUpdate = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    public enabled: boolean,
  ) {}

  /** Seconds to wait, or undefined when the update may go ahead (and is then counted). */
  retryAfter(channel: string, ts: string): number | undefined {
    if (!this.enabled) return undefined;
    const key = `${channel}/${ts}`;
    const now = this.clock.now().getTime();
    const last = this.lastUpdate.get(key);
    if (last !== undefined && now - last < 1000) return 1;
    this.lastUpdate.set(key, now);
    return undefined;
  }
}
