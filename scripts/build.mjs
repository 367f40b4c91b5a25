// `npm run build [-- --policy <file>] [--analyze]`: the Lambda bundles serverless.yml packages.
//
//   dist/slack/index.mjs, dist/worker/index.mjs   one entry per function (handler `index.handler`)
//   dist/<function>/chunks/*.mjs                  code loaded on first use (a database kind's driver and SDK client)
//   dist/policy.json                              the policy, validated here, shipped with both functions
//   dist/meta/<function>.json                     esbuild's metafile (not packaged): `--analyze` prints it
//
// - ESM (`.mjs`) because package.json says `"type": "module"`; the banner gives the CommonJS
//   dependencies (Bolt, Express) the `require` they call for Node built-ins.
// - Everything is bundled, the AWS SDK clients too: the SDK inside Lambda's runtime is not
//   pinned to the version we test with.
// - Code splitting: src/drivers/index.ts imports each kind's driver and SDK client with
//   `import()`, and lambda-runtime.ts the SSM client, so importing a handler parses only what
//   every request needs; the rest loads on first use.
// - Modules the Lambda path imports but never runs are replaced by stubs (see STUBS), and the
//   metafile is checked: local-only code in a bundle, or a cold start over MAX_COLD_BYTES,
//   fails the build.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeMetafile, build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The Lambda functions: serverless.yml's handler is `dist/<name>/index.handler`. */
export const FUNCTIONS = {
  slack: 'src/entrypoints/lambda-http.ts',
  worker: 'src/entrypoints/lambda-worker.ts',
};

/** Where the build writes the policy; serverless.yml ships it and sets POLICY_FILE to it. */
export const POLICY_OUTPUT = 'dist/policy.json';

/**
 * What a cold start loads (the entry and the chunks it imports statically) stays below this.
 * Chunks behind `import()` (a database kind's driver, the SDK's fallback credential providers)
 * load only when used.
 */
export const MAX_COLD_BYTES = 1024 * 1024;

/**
 * Input paths that must never reach a Lambda bundle: the tools (packages/: the simulated AWS account,
 * the Slack sandbox), the local run (dev/), and dependencies only they or the stubs below need. The
 * product never imports the first two (Biome's noRestrictedImports), so no stub has to keep them out.
 */
const FORBIDDEN_INPUTS = [
  /node_modules\/(@slack\/socket-mode|@slack\/oauth|ws|undici|dynalite|classic-level|yaml)\//,
  /(^|\/)packages\//,
  /(^|\/)dev\//,
];

/** Throws where a stubbed module would run: a stub is never a silent no-op. */
const notOnLambda = (what, why) => `throw new Error(${JSON.stringify(`${what} is not in the Lambda bundle: ${why}`)});`;

/** The media types Express may name in a response or a request check on Lambda. */
const MEDIA_TYPES = [
  'application/json',
  'application/octet-stream',
  'application/x-www-form-urlencoded',
  'text/html',
  'text/plain',
];

function mimeDbSubset() {
  const db = require('mime-db');
  return Object.fromEntries(MEDIA_TYPES.map((type) => [type, db[type]]));
}

/**
 * What one function never needs. The worker posts cards with the Web API client and is kicked,
 * never kicks: the Slack app (Bolt, Express, the listeners) and the Lambda client stay out of it.
 */
const FORBIDDEN_IN = {
  slack: [],
  worker: [
    /node_modules\/(@slack\/bolt|express|@aws-sdk\/client-lambda)\//,
    /src\/slack\/(app\.ts|listeners\/)/,
    /src\/entrypoints\/composition\.ts$/,
  ],
};

/**
 * Third-party modules the Lambda path imports but never runs, each replaced by a stub that throws if it
 * ever is used (or by the small part of it that runs). Stubs match package names, never this
 * repository's own modules: what Lambda must not run, the product does not import. A stub lists the names its importers use: if an importer starts using another
 * one, esbuild fails the build ("No matching export") instead of shipping a broken bundle.
 */
const STUBS = [
  {
    // Bolt's App requires its SocketModeReceiver, which requires @slack/socket-mode (ws, undici).
    filter: /^@slack\/socket-mode$/,
    contents: `export class SocketModeClient { constructor() { ${notOnLambda('Socket Mode', 'the Slack function receives events over HTTP')} } }`,
  },
  {
    // Bolt's receivers require the OAuth installer (jsonwebtoken, semver): used only with a client id.
    filter: /^@slack\/oauth$/,
    contents: `export class InstallProvider { constructor() { ${notOnLambda('Slack OAuth installation', 'the bot uses one bot token')} } }`,
  },
  {
    // The build turns the policy into JSON (below), which config/policy.ts reads without YAML.
    filter: /^yaml$/,
    contents: `export function parse() { ${notOnLambda('The YAML parser', `POLICY_FILE must be the ${POLICY_OUTPUT} the build writes`)} }`,
  },
  {
    // iconv-lite (through Express's body parsing) registers every code page it knows, 460 KB of
    // CJK tables. Slack sends UTF-8: keep the built-in encodings (UTF-8, UTF-16LE, Latin-1, base64, hex).
    filter: /^\.\.\/encodings$/,
    importer: /node_modules\/iconv-lite\/lib\/index\.js$/,
    contents: `module.exports = require(${JSON.stringify('iconv-lite/encodings/internal.js')});`,
  },
  {
    // zod's `locales` namespace pulls every translation of its messages (~250 KB); the bot
    // reports in English, zod's default.
    filter: /^\.\.\/locales\/index\.js$/,
    importer: /node_modules\/zod\/v4\/(classic\/external|core\/index)\.js$/,
    contents: `export { default as en } from ${JSON.stringify('zod/v4/locales/en.js')};`,
  },
  {
    // The SDK's browser user-agent provider parses navigator.userAgent with bowser (33 KB); on
    // Node the SDK builds its user agent from process.versions and never calls it.
    filter: /^bowser$/,
    importer: /node_modules\/@aws-sdk\/core\/dist-es\/submodules\/client\/util-user-agent-browser\//,
    contents: `export function parse() { ${notOnLambda('bowser', 'the SDK reads no browser user agent on Node')} }`,
  },
  {
    // Express looks media types up in mime-db (150 KB, every type known); the bot's HTTP
    // function answers JSON and reads Slack's form and JSON posts.
    filter: /^mime-db$/,
    contents: `module.exports = ${JSON.stringify(mimeDbSubset())};`,
  },
];

const withStubs = {
  name: 'lambda-stubs',
  setup(builder) {
    STUBS.forEach(({ filter, importer }, index) => {
      builder.onResolve({ filter }, (args) =>
        importer && !importer.test(args.importer.replaceAll('\\', '/'))
          ? undefined
          : { path: String(index), namespace: 'lambda-stub' },
      );
    });
    builder.onLoad({ filter: /.*/, namespace: 'lambda-stub' }, (args) => ({
      contents: STUBS[Number(args.path)].contents,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/** esbuild options every Lambda bundle is built with. */
export function lambdaBuildOptions({ stubs = true } = {}) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    splitting: true,
    entryNames: 'index',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // ESM builds of the SDK and its Smithy packages tree-shake better than their CommonJS builds.
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    plugins: stubs ? [withStubs] : [],
  };
}

/**
 * Sizes of one function's build: `total`, every file shipped; `cold`, the entry and the chunks
 * it imports statically, which is what importing the handler parses.
 */
export function bundleSizes(metafile, entryFile) {
  const outputs = metafile.outputs;
  const code = Object.keys(outputs).filter((file) => file.endsWith('.mjs'));
  const loaded = new Set();
  const pending = [entryFile];
  while (pending.length > 0) {
    const file = pending.pop();
    if (loaded.has(file) || !outputs[file]) continue;
    loaded.add(file);
    for (const { path: imported, kind } of outputs[file].imports)
      if (kind === 'import-statement') pending.push(imported);
  }
  const bytes = (files) => files.reduce((sum, file) => sum + outputs[file].bytes, 0);
  return { total: bytes(code), cold: bytes([...loaded]), files: code.length };
}

/**
 * Reads and validates the policy with the bot's own loader (bundled on the fly), so a bad
 * policy fails the build instead of a cold start, and writes it as JSON.
 */
async function writePolicy(policyFile, outDir) {
  const checker = path.join(outDir, 'meta', 'policy-check.mjs');
  await build({
    ...lambdaBuildOptions({ stubs: false }),
    splitting: false,
    metafile: false,
    absWorkingDir: root,
    entryPoints: ['src/config/policy.ts'],
    entryNames: 'policy-check',
    outdir: path.dirname(checker),
  });
  const { loadPolicy } = await import(pathToFileURL(checker).href);
  await loadPolicy(path.resolve(root, policyFile));
  const { parse } = await import('yaml');
  const text = await readFile(path.resolve(root, policyFile), 'utf8');
  const document = policyFile.endsWith('.json') ? JSON.parse(text) : parse(text);
  await writeFile(path.join(outDir, 'policy.json'), `${JSON.stringify(document, null, 2)}\n`);
}

/** Builds every function into `outDir`; returns each function's bytes and metafile. */
export async function buildLambdaBundles({
  outDir = path.join(root, 'dist'),
  policyFile = 'policy.example.yml',
  analyze = false,
} = {}) {
  await rm(outDir, { recursive: true, force: true });
  await writePolicy(policyFile, outDir);
  const results = {};
  for (const [name, entry] of Object.entries(FUNCTIONS)) {
    const { metafile } = await build({
      ...lambdaBuildOptions(),
      absWorkingDir: root,
      entryPoints: [entry],
      outdir: path.join(outDir, name),
    });
    const sizes = bundleSizes(
      metafile,
      path.relative(root, path.join(outDir, name, 'index.mjs')).replaceAll('\\', '/'),
    );
    const rules = [...FORBIDDEN_INPUTS, ...FORBIDDEN_IN[name]];
    const forbidden = Object.keys(metafile.inputs).filter((input) => rules.some((re) => re.test(input)));
    if (forbidden.length > 0) {
      throw new Error(`${name}: the bundle contains code that must not run in it:\n  ${forbidden.join('\n  ')}`);
    }
    if (analyze) console.log(await analyzeMetafile(metafile));
    await writeFile(path.join(outDir, 'meta', `${name}.json`), JSON.stringify(metafile));
    console.log(
      `dist/${name}: ${kib(sizes.cold)} KiB loaded at cold start, ${kib(sizes.total)} KiB in ${sizes.files} files`,
    );
    if (sizes.cold > MAX_COLD_BYTES) {
      throw new Error(`${name}: a cold start loads ${sizes.cold} bytes, over the ${MAX_COLD_BYTES}-byte budget`);
    }
    results[name] = { ...sizes, metafile };
  }
  console.log(`${POLICY_OUTPUT}: from ${policyFile}`);
  return results;
}

const kib = (bytes) => (bytes / 1024).toFixed(0);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      policy: { type: 'string', default: 'policy.example.yml' },
      analyze: { type: 'boolean', default: false },
    },
  });
  await buildLambdaBundles({ policyFile: values.policy, analyze: values.analyze });
}
