const counts = new Intl.NumberFormat('en-US');

/** `1,284,503`: counts as people read them, in every message and report. */
export function formatCount(value: number): string {
  return counts.format(value);
}
