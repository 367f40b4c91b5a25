import { parseDuration } from './duration.js';

/** What "Extend" offers on a restored copy's card: this many more days, each within the policy's maximum. */
export const EXTEND_CHOICES = ['1d', '3d', '7d'] as const;
export type ExtendChoice = (typeof EXTEND_CHOICES)[number];

export function isExtendChoice(value: string): value is ExtendChoice {
  return (EXTEND_CHOICES as readonly string[]).includes(value);
}

export function extendChoiceMs(choice: ExtendChoice): number {
  return parseDuration(choice) as number;
}

/** `1 day`, `7 days`: how a choice reads on a button and in a refusal. */
export function describeExtendChoice(choice: ExtendChoice): string {
  const days = extendChoiceMs(choice) / 86_400_000;
  return days === 1 ? '1 day' : `${days} days`;
}

/**
 * The new expiry of a copy extended by `byMs`: counted from its current expiry, or from now when
 * that is already past, so an extension always gives the full time asked for.
 */
export function extendedExpiry(currentAt: Date, byMs: number, now: Date): Date {
  return new Date(Math.max(currentAt.getTime(), now.getTime()) + byMs);
}

/** The choices that keep the copy no later than `maxMs` from now: the only ones the card offers. */
export function allowedExtendChoices(currentAt: Date, maxMs: number, now: Date): ExtendChoice[] {
  const latest = now.getTime() + maxMs;
  return EXTEND_CHOICES.filter((choice) => extendedExpiry(currentAt, extendChoiceMs(choice), now).getTime() <= latest);
}
