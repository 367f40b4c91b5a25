import { type Clock, systemClock } from '../../../../../src/domain/ports/clock.js';

/** Slack's time under the test's control: trigger expiry without waiting. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start = systemClock.now().getTime()) {
    this.current = start;
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
