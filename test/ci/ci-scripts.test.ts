import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const ciRun = readFileSync(join(root, '.ci/run'), 'utf8');

/** Every tsconfig.json outside node_modules and build output, as a folder relative to the root. */
function tsconfigFolders(folder = root): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', 'dist', '.git', '.data', '.serverless', 'coverage'].includes(entry.name)) return [];
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return tsconfigFolders(path);
    return entry.name === 'tsconfig.json' ? [relative(root, folder) || '.'] : [];
  });
}

describe('npm run typecheck', () => {
  it('checks every TypeScript project in the repository, the sandbox page client included', () => {
    // Prepare
    const typecheck = packageJson.scripts.typecheck ?? '';
    const checked = [...typecheck.matchAll(/tsc --noEmit(?: -p (\S+))?/g)].map((match) => match[1] ?? '.');

    // Assess
    expect(tsconfigFolders().sort()).toEqual([...new Set(checked)].sort());
  });

  it('is the only type check .ci/run runs, so a green typecheck locally means a green one in CI', () => {
    expect(ciRun).toMatch(/^npm run typecheck$/m);
    expect(ciRun).not.toMatch(/\btsc\b/);
  });
});

describe('.ci/install-tools', () => {
  /** Runs the script with stand-ins for id, sudo and apt-get that record how they were called. */
  function installAs(uid: number): string[] {
    const bin = mkdtempSync(join(tmpdir(), 'ci-tools-'));
    const calls = join(bin, 'calls');
    const stub = (name: string, body: string) => {
      writeFileSync(join(bin, name), `#!/bin/bash\n${body}\n`);
      chmodSync(join(bin, name), 0o755);
    };
    stub('id', `echo ${uid}`);
    stub('sudo', `echo "sudo $*" >> ${calls}; "$@"`);
    stub('apt-get', `echo "apt-get $*" >> ${calls}`);
    // PATH holds only the stand-ins: chromium and faketime are missing, as on a fresh runner.
    execFileSync('/bin/bash', [join(root, '.ci/install-tools')], { env: { PATH: bin } });
    return existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [];
  }

  it('installs the missing tools with apt-get as root', () => {
    expect(installAs(0)).toEqual(['apt-get update', 'apt-get install -y --no-install-recommends chromium faketime']);
  });

  it('goes through sudo when not root (GitHub runners)', () => {
    expect(installAs(1001)).toEqual([
      'sudo apt-get update',
      'apt-get update',
      'sudo apt-get install -y --no-install-recommends chromium faketime',
      'apt-get install -y --no-install-recommends chromium faketime',
    ]);
  });

  it('is what .ci/run calls before the tests', () => {
    expect(ciRun.indexOf('.ci/install-tools')).toBeGreaterThan(-1);
    expect(ciRun.indexOf('.ci/install-tools')).toBeLessThan(ciRun.indexOf('npm test'));
  });
});

describe('.github/workflows/ci.yml', () => {
  it('runs .ci/run on Node 20 on ubuntu-latest for every push and pull request', () => {
    // Prepare
    const workflow = parse(readFileSync(join(root, '.github/workflows/ci.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      jobs: Record<
        string,
        { 'runs-on': string; steps: { uses?: string; with?: { 'node-version'?: unknown }; run?: string }[] }
      >;
    };
    const [job] = Object.values(workflow.jobs);

    // Assess
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(job?.['runs-on']).toBe('ubuntu-latest');
    expect(job?.steps.find((step) => step.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(20);
    expect(job?.steps.some((step) => step.run?.trim() === 'bash .ci/run')).toBe(true);
  });
});

describe('coverage', () => {
  it('fails a run that leaves the domain and the drivers untested, naming each threshold', () => {
    // Prepare: a run of one test that touches neither, its report kept out of the repository
    const reports = mkdtempSync(join(tmpdir(), 'coverage-'));

    // Act
    const run = spawnSync(
      'npx',
      ['vitest', 'run', '--coverage', `--coverage.reportsDirectory=${reports}`, 'test/manifest.test.ts'],
      { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } },
    );

    // Assess
    expect(run.status).toBe(1);
    const output = `${run.stdout}${run.stderr}`;
    for (const folder of ['src/domain/**', 'src/drivers/**']) {
      for (const measure of ['statements', 'branches', 'functions', 'lines']) {
        expect(output).toMatch(
          new RegExp(`Coverage for ${measure} \\(0%\\) does not meet "${folder.replace(/\*/g, '\\*')}" threshold`),
        );
      }
    }
  });

  it("is measured in .ci/run's first run of the suite only (the run 400 days ahead goes without)", () => {
    // Both runs are README's `npm test`: the first measures coverage too.
    expect(packageJson.scripts.test).toBe('vitest run');
    expect(ciRun).toMatch(/^npm test -- --coverage$/m);
    expect(ciRun).toMatch(/^FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f '\+400d' npm test$/m);
  });
});
