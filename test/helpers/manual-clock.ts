import type { Clock } from '../../src/domain/ports/clock.js';

/** A clock that moves only when told: the simulated account's durations pass in an instant. */
export class ManualClock implements Clock {
  private current: Date;

  constructor(start = new Date('2026-11-22T10:00:00Z')) {
    this.current = start;
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
