/**
 * Advances one job right away instead of waiting for the next scheduled tick: an async
 * invoke of the worker function on Lambda, an in-process call locally. Best effort: the
 * scheduled tick is the backstop, so a lost kick only costs time.
 */
export interface Kicker {
  kick(jobId: string): Promise<void>;
}
