import { type Clock, systemClock } from './ports/clock.js';

/**
 * A clock that runs `factor` times faster than `base` from `start`: the local demo lets a
 * minute of (simulated) AWS time pass each second, so a 20-minute restore takes 20 seconds.
 */
export class ScaledClock implements Clock {
  private readonly startedAt: number;
  private readonly start: Date;

  constructor(
    private readonly factor: number,
    private readonly base: Clock = systemClock,
    start?: Date,
  ) {
    this.startedAt = base.now().getTime();
    this.start = start ?? new Date(this.startedAt);
  }

  now(): Date {
    return new Date(this.start.getTime() + (this.base.now().getTime() - this.startedAt) * this.factor);
  }
}
