import { spawnSync } from 'node:child_process';

/**
 * Runs Python's cfn-lint when it is on the PATH; otherwise says it was skipped. Returns the
 * errors (exit code bit 2); warnings and informational findings are printed, not failed on.
 */
export function cfnLintErrors(templates: string[], ignoreChecks: string[] = []): string[] {
  const version = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    console.log(`cfn-lint is not on the PATH: skipped linting ${templates.join(', ')}`);
    return [];
  }
  const args = [...(ignoreChecks.length > 0 ? ['--ignore-checks', ...ignoreChecks] : []), '--', ...templates];
  const result = spawnSync('cfn-lint', args, { encoding: 'utf8', timeout: 120_000 });
  const output = `${result.stdout}${result.stderr}`.trim();
  const status = result.status ?? 1;
  // cfn-lint's exit code is a bit mask: 2 errors, 4 warnings, 8 informational.
  if (output) console.log(`cfn-lint ${version.stdout.trim()} on ${templates.join(', ')}:\n${output}`);
  return (status & 2) !== 0 || result.error ? [output || String(result.error)] : [];
}
