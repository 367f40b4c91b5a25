// `npm run package [-- --policy <file>] [osls options]`: the one command that packages the stack from a
// fresh clone. It builds the bundles and dist/policy.json (serverless.yml reads the policy the build
// validated), then runs `osls package` with every other option, e.g. `--stage prod --region eu-west-1`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildLambdaBundles } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const { values, tokens } = parseArgs({
  options: { policy: { type: 'string', default: 'policy.example.yml' } },
  strict: false,
  allowPositionals: true,
  tokens: true,
});
// Everything but --policy (and its value, when given apart) is osls's, passed on as typed.
const policyArgs = new Set(
  tokens
    .filter((token) => token.kind === 'option' && token.name === 'policy')
    .flatMap((token) => (token.inlineValue === false ? [token.index, token.index + 1] : [token.index])),
);
const oslsArgs = process.argv.slice(2).filter((_, index) => !policyArgs.has(index));

await buildLambdaBundles({ policyFile: String(values.policy) });
const osls = path.join(path.dirname(require.resolve('osls/package.json')), 'bin', 'serverless.js');
const packaged = spawnSync(process.execPath, [osls, 'package', ...oslsArgs], { cwd: root, stdio: 'inherit' });
process.exitCode = packaged.status ?? 1;
