/**
 * The stand-in's time source: when it signs a delivery, expires a trigger id, dates a message.
 * Pass the app's own clock so the app judges the stand-in's timestamps on the clock that made them.
 */
export interface Clock {
  now(): Date;
}

/** The wall clock: the stand-in's default, and this package's only read of it. */
export const systemClock: Clock = { now: () => new Date() };
