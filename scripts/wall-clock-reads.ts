// Finds reads of the wall clock outside the clock module: everything that compares times must
// take them from the one injected Clock (src/domain/ports/clock.ts), or a test pinned to a date
// and a service that issues times on another clock drift apart (credentials "expired" a year early).
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The one module of the product allowed to read the wall clock. */
export const CLOCK_MODULE = 'src/domain/ports/clock.ts';

/**
 * A tool package imports nothing of the product, so one that needs a default clock has its own
 * module for it (`packages/<name>/src/clock.ts`), the only place in the package that reads the wall.
 */
const PACKAGE_CLOCK_MODULE = /^packages\/[^/]+\/src\/clock\.ts$/;

// This check and its test spell the patterns out.
const CHECK_AND_ITS_TEST = ['scripts/wall-clock-reads.ts', 'test/wall-clock.test.ts'];
const ROOTS = ['src', 'test', 'bench', 'scripts', 'dev', 'packages'];
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;
// `Date.now` (called or passed along) and `new Date` with no argument, with or without parentheses.
const WALL_CLOCK = [/\bDate\.now\b/, /\bnew Date\s*\(\s*\)/, /\bnew Date\b(?!\s*\()/];

/** The lines of `text` that read the wall clock, ignoring line and block comments. */
export function wallClockReads(text: string): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  code.split('\n').forEach((line, index) => {
    const withoutComment = line.replace(/(^|[^:'"`])\/\/.*$/, '$1');
    if (WALL_CLOCK.some((pattern) => pattern.test(withoutComment))) found.push({ line: index + 1, text: line.trim() });
  });
  return found;
}

function* sourceFiles(directory: string): Generator<string> {
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (SOURCE.test(entry.name)) yield path;
  }
}

/** Every wall-clock read in the repository outside the clock module, as `path:line: text`. */
export function wallClockReadsIn(root: string): string[] {
  const reads: string[] = [];
  for (const top of ROOTS) {
    for (const path of sourceFiles(join(root, top))) {
      const name = relative(root, path).split('\\').join('/');
      if (name === CLOCK_MODULE || PACKAGE_CLOCK_MODULE.test(name) || CHECK_AND_ITS_TEST.includes(name)) continue;
      for (const read of wallClockReads(readFileSync(path, 'utf8'))) reads.push(`${name}:${read.line}: ${read.text}`);
    }
  }
  return reads;
}
