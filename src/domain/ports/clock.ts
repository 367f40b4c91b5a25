/** The time source. Injected everywhere so tests and the simulated account control time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
