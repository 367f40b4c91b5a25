import type { Clock } from './ports/clock.js';

/**
 * A clock that runs `factor` times faster than real time from `start`: the local demo lets a
 * minute of (simulated) AWS time pass each second, so a 20-minute restore takes 20 seconds.
 */
export class ScaledClock implements Clock {
  private readonly startedAt = Date.now();

  constructor(
    private readonly factor: number,
    private readonly start = new Date(),
  ) {}

  now(): Date {
    return new Date(this.start.getTime() + (Date.now() - this.startedAt) * this.factor);
  }
}
