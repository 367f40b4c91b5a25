import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { wallClockReads, wallClockReadsIn } from '../scripts/wall-clock-reads.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('one clock', () => {
  it('finds every way of reading the wall clock, and no mention in a comment', () => {
    const text = [
      'const a = Date.now();',
      'const b = new Date();',
      'const c = new Date;',
      'const d = [1].map(Date.now);',
      'const e = new Date(0); // Date.now() in a comment',
      '/* new Date() */ const f = new Date(a);',
    ].join('\n');

    expect(wallClockReads(text).map((read) => read.line)).toEqual([1, 2, 3, 4]);
  });

  it('reads the wall clock only in the clock modules (src/domain/ports/clock.ts, packages/<name>/src/clock.ts)', () => {
    expect(wallClockReadsIn(root)).toEqual([]);
  });
});
