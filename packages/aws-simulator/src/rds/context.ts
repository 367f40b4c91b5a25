import { fault } from '../errors.js';
import type { SimulatedWorld } from '../world.js';
import type { Birth } from './builders.js';
import { type Lifecycle, startedFor } from './lifecycle.js';
import type { View } from './shapes.js';
import type { RdsStore } from './store.js';

/** What every RDS handler works with. */
export interface RdsContext {
  world: SimulatedWorld;
  store: RdsStore;
}

export function viewNow(ctx: RdsContext): View {
  return { now: ctx.world.now(), restoreLagMs: ctx.world.durations.restoreLagMs };
}

/** A resource created by a request: `creating` for `durationMs`, then `available`. */
export function bornCreating(ctx: RdsContext, durationMs: number): Birth {
  const at = ctx.world.now();
  return { at, lifecycle: startedFor('creating', at, durationMs), sequence: ctx.store.nextSequence() };
}

export function bornWith(ctx: RdsContext, at: Date, lifecycle: Lifecycle): Birth {
  return { at, lifecycle, sequence: ctx.store.nextSequence() };
}

/** AWS's answer to a missing required parameter. */
export function required<T>(value: T | undefined | null | '', name: string): T {
  if (value === undefined || value === null || value === '') {
    throw fault('InvalidParameterValue', `The parameter ${name} must be provided and must not be blank.`);
  }
  return value;
}

export function toDate(value: unknown, name: string): Date {
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) throw fault('InvalidParameterValue', `Invalid value for ${name}: ${String(value)}`);
  return date;
}
