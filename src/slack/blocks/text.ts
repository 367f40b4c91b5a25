/**
 * Text helpers for Block Kit: Slack refuses text over its limits, so everything people or AWS
 * wrote (reasons, failures, check details) is escaped and cut to size before it goes in a block.
 */

import { drillOfActor, refreshCycleOfActor } from '../../domain/actors.js';

const ELLIPSIS = '…';

/** At most `max` characters, ending in `…` when cut; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = text.slice(0, max - ELLIPSIS.length);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}${ELLIPSIS}`;
}

/** Whitespace (newlines included) collapsed to single spaces: for text that must stay on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const MRKDWN_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Slack's mrkdwn treats `<`, `>` and `&` as control characters: free text must escape them. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (char) => MRKDWN_ESCAPES[char] ?? char);
}

/**
 * Free text as mrkdwn, on one line, escaped and cut to `max` characters after escaping (an
 * escape is never cut in half, so `&amp;` cannot turn into a stray `&am`).
 */
export function mrkdwnSnippet(text: string, max: number): string {
  const escaped = escapeMrkdwn(oneLine(text));
  if (escaped.length <= max) return escaped;
  let out = '';
  for (const char of oneLine(text)) {
    const piece = MRKDWN_ESCAPES[char] ?? char;
    if (out.length + piece.length > max - ELLIPSIS.length) break;
    out += piece;
  }
  return `${out}${ELLIPSIS}`;
}

/** An identifier as inline code; backticks inside would end the code span, so they become quotes. */
export function code(text: string): string {
  return `\`${escapeMrkdwn(text.replace(/`/g, "'"))}\``;
}

/** A Slack user mention, or the worker by name. */
export function mention(actor: string): string {
  if (actor === 'worker') return 'the bot';
  const cycle = refreshCycleOfActor(actor);
  if (cycle) return `the scheduled refresh ${cycle}`;
  const drill = drillOfActor(actor);
  return drill ? `the scheduled drill ${drill}` : `<@${actor}>`;
}

/** `1 approval`, `2 approvals`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `<!subteam^S0PLATFORM> or <@U0ONCALL>`: everyone who may act, as mentions that notify them. */
export function mentionAll(principals: { users: readonly string[]; userGroups: readonly string[] }): string {
  const all = [...principals.userGroups.map((id) => `<!subteam^${id}>`), ...principals.users.map(mention)];
  if (all.length <= 1) return all.join('');
  return `${all.slice(0, -1).join(', ')} or ${all.at(-1)}`;
}
