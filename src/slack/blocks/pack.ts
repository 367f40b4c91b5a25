import type { SectionBlock } from '@slack/types';
import { BLOCK_KIT_LIMITS } from '../block-kit-limits.js';
import { truncate } from './text.js';

export interface PackOptions {
  /** Blocks the packed lines may use. */
  maxBlocks: number;
  /** Characters per block; defaults to Slack's section limit. */
  maxChars?: number;
  /** Put before the first line, in the first block. */
  heading?: string;
  /** The line that stands for the `hidden` last lines when they do not fit. */
  more: (hidden: number) => string;
}

/**
 * Lines into as few mrkdwn texts as fit, each within the section limit, at most `maxBlocks` of
 * them. A list too long for that ends with `more(hidden)` instead of its tail, so a card with 80
 * validation checks still fits Slack's 50 blocks and 3000 characters per section.
 */
export function packLines(lines: readonly string[], options: PackOptions): string[] {
  const maxChars = options.maxChars ?? BLOCK_KIT_LIMITS.sectionText;
  const all = options.heading === undefined ? [...lines] : [options.heading, ...lines];
  const headed = options.heading === undefined ? 0 : 1;
  const texts: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const [index, raw] of all.entries()) {
    const line = truncate(raw, maxChars);
    const length = used === 0 ? line.length : used + 1 + line.length;
    if (length <= maxChars) {
      current.push(line);
      used = length;
      continue;
    }
    if (texts.length + 1 >= options.maxBlocks) {
      texts.push(withMore(current, all.length - index, texts.length === 0 ? headed : 0, maxChars, options.more));
      return texts.map((text) => text.join('\n'));
    }
    texts.push(current);
    current = [line];
    used = line.length;
  }
  if (current.length > 0) texts.push(current);
  return texts.map((text) => text.join('\n'));
}

/** The block's lines, shortened from the end (never its `keep` first lines) until `more(hidden)` fits after them. */
function withMore(
  lines: string[],
  hidden: number,
  keep: number,
  maxChars: number,
  more: (hidden: number) => string,
): string[] {
  const kept = [...lines];
  let count = hidden;
  const fits = () => [...kept, more(count)].join('\n').length <= maxChars;
  while (kept.length > keep && !fits()) {
    kept.pop();
    count++;
  }
  return [...kept, truncate(more(count), maxChars)];
}

/** Packed lines as mrkdwn sections. */
export function packedSections(lines: readonly string[], options: PackOptions): SectionBlock[] {
  return packLines(lines, options).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}
