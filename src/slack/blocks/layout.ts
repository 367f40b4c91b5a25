import type { ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { BLOCK_KIT_LIMITS } from '../block-kit-limits.js';
import { truncate } from './text.js';

/** What every message builder returns: the blocks, and the plain text Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** A plain-text header, cut to Slack's 150 characters. */
export function header(text: string): HeaderBlock {
  return {
    type: 'header',
    text: { type: 'plain_text', text: truncate(text, BLOCK_KIT_LIMITS.headerText), emoji: true },
  };
}

/** A mrkdwn section, cut to Slack's 3000 characters (callers size free text well below that). */
export function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, BLOCK_KIT_LIMITS.sectionText) } };
}

/** A context line in mrkdwn, cut to Slack's limit. */
export function context(text: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, BLOCK_KIT_LIMITS.contextText) }] };
}
