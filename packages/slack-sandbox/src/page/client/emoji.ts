/**
 * The shortcodes the bot uses (and a few common ones) as real emoji; any other `:name:` stays as text,
 * as Slack shows a custom emoji it does not know.
 */
const EMOJI: Record<string, string> = {
  '+1': '👍',
  thumbsup: '👍',
  '-1': '👎',
  alarm_clock: '⏰',
  arrows_counterclockwise: '🔄',
  calendar: '📆',
  clock3: '🕒',
  eyes: '👀',
  floppy_disk: '💾',
  heavy_check_mark: '✔️',
  heavy_multiplication_x: '✖️',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  information_source: 'ℹ️',
  leftwards_arrow_with_hook: '↩️',
  lock: '🔒',
  no_entry: '⛔',
  no_entry_sign: '🚫',
  point_right: '👉',
  repeat: '🔁',
  rocket: '🚀',
  tada: '🎉',
  warning: '⚠️',
  wastebasket: '🗑️',
  wave: '👋',
  white_check_mark: '✅',
  white_small_square: '▫️',
  x: '❌',
};

export function emojiFor(shortcode: string): string | undefined {
  return EMOJI[shortcode];
}

/** Plain text with `emoji: true`: Slack turns shortcodes into emoji, and nothing else. */
export function withEmoji(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (match, name: string) => emojiFor(name) ?? match);
}
