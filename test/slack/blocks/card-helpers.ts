import type { ActionsBlock, Button, KnownBlock } from '@slack/types';

/** Every text in the blocks, joined by newlines: what a reader of the card sees. */
export function textOf(blocks: readonly KnownBlock[]): string {
  const texts: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, entry] of Object.entries(value)) {
        if (key === 'text' && typeof entry === 'string') texts.push(entry);
        else visit(entry);
      }
    }
  };
  visit(blocks);
  return texts.join('\n');
}

/** The card's buttons, in order. */
export function buttonsOf(blocks: readonly KnownBlock[]): Button[] {
  return blocks
    .filter((block): block is ActionsBlock => block.type === 'actions')
    .flatMap((block) => block.elements)
    .filter((element): element is Button => element.type === 'button');
}

/**
 * The lines a reader sees before any wrapping: each line of a header, section or context text, and
 * one per row of buttons (confirm dialogs are not on the card until a button is pressed).
 */
export function visibleLines(blocks: readonly KnownBlock[]): string[] {
  return blocks.flatMap((block): string[] => {
    if (block.type === 'actions') return ['[buttons]'];
    if (block.type === 'context') return textOf([block]).split('\n');
    if (block.type === 'header' || block.type === 'section') return (block.text?.text ?? '').split('\n');
    return [];
  });
}
