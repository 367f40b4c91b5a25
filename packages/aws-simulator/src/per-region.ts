import type { SimulatedTarget } from './types.js';

/**
 * State kept apart per account and region, as AWS keeps it, and made on first use: a call to an
 * account and region the simulation has not seen finds them empty rather than missing.
 */
export class PerRegion<T> {
  private readonly byTarget = new Map<string, T>();

  constructor(private readonly create: (target: SimulatedTarget) => T) {}

  region(target: SimulatedTarget): T {
    const key = regionKey(target);
    let state = this.byTarget.get(key);
    if (state === undefined) {
      state = this.create({ accountId: target.accountId, region: target.region });
      this.byTarget.set(key, state);
    }
    return state;
  }

  /** The state of an account and region already seen, without making it. */
  existing(target: SimulatedTarget): T | undefined {
    return this.byTarget.get(regionKey(target));
  }

  all(): IterableIterator<T> {
    return this.byTarget.values();
  }
}

function regionKey(target: SimulatedTarget): string {
  return `${target.accountId}/${target.region}`;
}
