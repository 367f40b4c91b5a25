import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const biome = join(root, 'node_modules', '.bin', 'biome');

interface Diagnostic {
  category: string;
  location: { path: string; start: { line: number } };
}

/** One file per import, at `path`, so a diagnostic names the import by its file. */
const CASES: { path: string; from: string; allowed: boolean }[] = [
  { path: 'src/domain/a.ts', from: '@slack/web-api', allowed: false },
  { path: 'src/domain/b.ts', from: '@aws-sdk/client-rds', allowed: false },
  { path: 'src/domain/c.ts', from: '@smithy/types', allowed: false },
  { path: 'src/domain/d.ts', from: '../jobs/worker.js', allowed: false },
  { path: 'src/domain/e.ts', from: '../slack/slack-cards.js', allowed: false },
  { path: 'src/domain/f.ts', from: '../aws/clients.js', allowed: false },
  { path: 'src/domain/g.ts', from: '../drivers/index.js', allowed: false },
  { path: 'src/domain/h.ts', from: '../entrypoints/composition.js', allowed: false },
  { path: 'src/domain/job/i.ts', from: '../../jobs/worker.js', allowed: false },
  { path: 'src/domain/j.ts', from: './ports/clock.js', allowed: true },
  { path: 'src/jobs/k.ts', from: '../../dev/aws.js', allowed: false },
  { path: 'src/entrypoints/l.ts', from: '@db-restore-bot/aws-simulator', allowed: false },
  { path: 'src/slack/m.ts', from: '../../packages/slack-sandbox/src/index.js', allowed: false },
  { path: 'src/jobs/n.ts', from: '../slack/slack-cards.js', allowed: true },
  { path: 'src/slack/o.ts', from: '@slack/web-api', allowed: true },
  { path: 'packages/aws-simulator/src/p.ts', from: '../../../src/domain/ports/clock.js', allowed: false },
  { path: 'packages/slack-sandbox/src/q.ts', from: '../../../dev/aws.js', allowed: false },
  { path: 'packages/slack-sandbox/src/r.ts', from: './clock.js', allowed: true },
  { path: 'dev/s.ts', from: '../src/entrypoints/composition.js', allowed: true },
];

describe('the dependency direction (Biome noRestrictedImports, biome.json overrides)', () => {
  let scratch: string;
  let restricted: Set<string>;

  beforeAll(() => {
    // Prepare: the repository's Biome configuration over a scratch tree of one-import files.
    scratch = mkdtempSync(join(tmpdir(), 'import-direction-'));
    const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8')) as Record<string, unknown>;
    delete config.$schema;
    writeFileSync(join(scratch, 'biome.json'), JSON.stringify(config));
    for (const { path, from } of CASES) {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), `export * from '${from}';\n`);
    }

    // Act
    let output: string;
    try {
      output = execFileSync(biome, ['lint', '--vcs-enabled=false', '--reporter=json', '.'], {
        cwd: scratch,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    const { diagnostics } = JSON.parse(output) as { diagnostics: Diagnostic[] };
    restricted = new Set(
      diagnostics
        .filter((diagnostic) => diagnostic.category === 'lint/style/noRestrictedImports')
        .map((diagnostic) => diagnostic.location.path.replaceAll('\\', '/')),
    );
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each(CASES.filter((entry) => !entry.allowed))('refuses $from in $path', ({ path }) => {
    // Assess
    expect(restricted.has(path)).toBe(true);
  });

  it.each(CASES.filter((entry) => entry.allowed))('allows $from in $path', ({ path }) => {
    // Assess
    expect(restricted.has(path)).toBe(false);
  });
});
