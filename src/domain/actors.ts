/**
 * Who did something to a job, as its events and its requester record it: a Slack user id, the
 * worker, or a refresh cycle of the policy (the scheduled refresh requests its own restores).
 * Only a person can be mentioned or written to.
 */
const REFRESH_PREFIX = 'refresh:';

/** The requester of the restores a refresh cycle makes: the cycle itself, as the policy declares it. */
export function refreshActor(cycleName: string): string {
  return `${REFRESH_PREFIX}${cycleName}`;
}

/** The cycle an actor is, or undefined for a person or the worker. */
export function refreshCycleOfActor(actor: string): string | undefined {
  return actor.startsWith(REFRESH_PREFIX) ? actor.slice(REFRESH_PREFIX.length) : undefined;
}

const DRILL_PREFIX = 'drill:';

/** The requester of a scheduled DR drill's runs: the drill schedule the policy declares. */
export function drillActor(drillName: string): string {
  return `${DRILL_PREFIX}${drillName}`;
}

/** The drill schedule an actor is, or undefined. */
export function drillOfActor(actor: string): string | undefined {
  return actor.startsWith(DRILL_PREFIX) ? actor.slice(DRILL_PREFIX.length) : undefined;
}

/** A Slack user (not the worker, not a cycle or drill): the one kind of actor a message can mention or be sent to. */
export function isPerson(actor: string): boolean {
  return actor !== 'worker' && refreshCycleOfActor(actor) === undefined && drillOfActor(actor) === undefined;
}
