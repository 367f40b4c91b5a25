// `npx osls package` on a fresh clone, before any build: it must fail with the one line that says
// what to run, not with osls's stack traces. The clone is a copy of what packaging reads (so this
// test never races the one that builds dist/ in the working tree), with the installed node_modules.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOT_BUILT = 'dist/policy.json is missing: run `npm run build`';

describe('osls package before npm run build', () => {
  const clone = mkdtempSync(join(tmpdir(), 'fresh-clone-'));

  afterAll(() => {
    rmSync(clone, { recursive: true, force: true });
  });

  it('fails with one line naming the missing build, and no stack trace', () => {
    // Prepare
    for (const path of ['serverless.yml', 'package.json', 'infra', 'src']) {
      cpSync(join(ROOT, path), join(clone, path), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');

    // Act
    const { AWS_PROFILE: _profile, AWS_SESSION_TOKEN: _token, ...inherited } = process.env;
    const result = spawnSync('npx', ['osls', 'package', '--stage', 'ci', '--region', 'eu-west-1'], {
      cwd: clone,
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        ...inherited,
        AWS_ACCESS_KEY_ID: 'dummy',
        AWS_SECRET_ACCESS_KEY: 'dummy',
        AWS_EC2_METADATA_DISABLED: 'true',
        SLS_TELEMETRY_DISABLED: '1',
        SLS_NOTIFICATIONS_MODE: 'off',
        npm_config_update_notifier: 'false',
      },
    });
    const output = `${result.stdout}${result.stderr}`;

    // Assess
    expect(result.status, output).toBe(1);
    expect(output.split('\n').filter((line) => line.includes(NOT_BUILT))).toHaveLength(1);
    expect(output).toContain('npm run package');
    expect(output).not.toMatch(/^\s+at /m);
  }, 120_000);
});
