import { describe, expect, it } from 'vitest';
import { packLines } from '../../../src/slack/blocks/pack.js';
import { code, escapeMrkdwn, mrkdwnSnippet, truncate } from '../../../src/slack/blocks/text.js';

describe('text helpers', () => {
  it('truncates with an ellipsis within the limit, never splitting an emoji', () => {
    expect(truncate('abcdef', 6)).toBe('abcdef');
    expect(truncate('abcdefg', 6)).toBe('abcde…');
    expect(truncate('abcd😀xyz', 6)).toBe('abcd…');
    expect(truncate('abcd😀xyz', 6).length).toBeLessThanOrEqual(6);
  });

  it('escapes mrkdwn control characters and never cuts an escape in half', () => {
    expect(escapeMrkdwn('<@U1> & <!here>')).toBe('&lt;@U1&gt; &amp; &lt;!here&gt;');
    const snippet = mrkdwnSnippet('a&&&&&&&', 12);
    expect(snippet).toBe('a&amp;&amp;…');
    expect(snippet.length).toBeLessThanOrEqual(12);
  });

  it('puts free text on one line', () => {
    expect(mrkdwnSnippet('two\nlines  here', 100)).toBe('two lines here');
  });

  it('quotes identifiers as code without letting backticks end the span', () => {
    expect(code('odd`name')).toBe("`odd'name`");
  });
});

describe('packLines', () => {
  const more = (hidden: number) => `… and ${hidden} more`;

  it('packs lines into as few texts as fit', () => {
    expect(packLines(['a', 'b', 'c'], { maxBlocks: 3, maxChars: 3, more })).toEqual(['a\nb', 'c']);
  });

  it('puts the heading first', () => {
    expect(packLines(['a'], { maxBlocks: 1, heading: '*H*', more })).toEqual(['*H*\na']);
  });

  it('ends with a summary of what did not fit, counting the lines it gave up', () => {
    const lines = Array.from({ length: 20 }, (_, index) => `line ${String(index).padStart(2, '0')}`);

    const texts = packLines(lines, { maxBlocks: 2, maxChars: 30, more });

    expect(texts).toHaveLength(2);
    expect(texts.every((text) => text.length <= 30)).toBe(true);
    expect(texts).toEqual(['line 00\nline 01\nline 02', 'line 03\nline 04\n… and 15 more']);
  });
});
