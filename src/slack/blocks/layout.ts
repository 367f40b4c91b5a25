import type { Button, ConfirmationDialog, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
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

/** The dialog Slack shows before a button acts: what will happen, and the words to go on or not. */
export function confirmDialog(title: string, text: string, confirm: string, deny = 'Not now'): ConfirmationDialog {
  return {
    title: { type: 'plain_text', text: title },
    text: { type: 'plain_text', text },
    confirm: { type: 'plain_text', text: confirm },
    deny: { type: 'plain_text', text: deny },
  };
}

/** A run card's button: its value is the run's id, which the click is checked against. */
export function runButton(text: string, actionId: string, runId: string, extra: Partial<Button> = {}): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text, emoji: true },
    action_id: actionId,
    value: runId,
    ...extra,
  };
}
