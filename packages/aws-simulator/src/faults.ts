import type { SimulatedService } from './types.js';

interface ScheduledFailure {
  operation: string;
  code: string;
  message: string;
  remaining: number;
}

/**
 * Fault injection: throttle a share of calls, or fail the next calls of one operation.
 * The share is drawn from an injectable random source so a test can make it repeatable.
 */
export class FaultInjector {
  private throttleShare = 0;
  private random: () => number = Math.random;
  private readonly failures: ScheduledFailure[] = [];

  throttle(share: number, random: () => number = Math.random): void {
    this.throttleShare = share;
    this.random = random;
  }

  /** The next `times` calls of `operation` (any service) fail with `code`. */
  failNext(operation: string, code: string, message = `Simulated ${code}`, times = 1): void {
    this.failures.push({ operation, code, message, remaining: times });
  }

  clear(): void {
    this.throttleShare = 0;
    this.failures.length = 0;
  }

  /** The fault to raise for this call, if any; consumes one scheduled failure. */
  draw(_service: SimulatedService, operation: string): { code: string; message: string } | 'throttle' | undefined {
    const failure = this.failures.find((candidate) => candidate.operation === operation && candidate.remaining > 0);
    if (failure) {
      failure.remaining -= 1;
      return { code: failure.code, message: failure.message };
    }
    if (this.throttleShare > 0 && this.random() < this.throttleShare) return 'throttle';
    return undefined;
  }
}

/** A small seeded PRNG (mulberry32) for repeatable fault injection in tests and benchmarks. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
