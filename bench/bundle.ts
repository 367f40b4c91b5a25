// The Lambda bundles: their size, and how long a fresh Node process takes to import each one
// (`node -e 'await import(...)'`, the median of BENCH_BUNDLE_RUNS runs, interleaved so that load
// on the machine hits every variant alike), beside `node -e 0` and beside a bare Bolt app that
// only acks, built in the same run with the same esbuild options:
//   bare_bolt          as any Bolt app bundles (Socket Mode, OAuth, every iconv code page, ...)
//   bare_bolt_trimmed  with the bot's Lambda stubs too (scripts/build.mjs), the floor for any Bolt app
// Ratios compare import time net of Node's own start-up (`node -e 0`). Then the cold path of the
// Slack function and of the trimmed bare Bolt bundle, first request answered (bench/cold.ts).
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildLambdaBundles, bundleSizes, lambdaBuildOptions } from '../scripts/build.mjs';
import { benchColdStart } from './cold.js';
import { printFigure } from './figures.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.env.BENCH_BUNDLE_RUNS ?? 7);

const kib = (bytes: number): number => Math.round(bytes / 1024);
const round = (value: number): number => Math.round(value * 100) / 100;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Wall time of a fresh `node -e <script>`, in milliseconds. */
function timeNode(script: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH },
    encoding: 'utf8',
  });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`node -e ${script} failed:\n${result.stderr}`);
  return elapsed;
}

/** Every file under `directory`, deflated as a zip stores it: roughly what the deployment package weighs. */
async function deflatedBytes(directory: string): Promise<number> {
  const files = await readdir(directory, { recursive: true, withFileTypes: true });
  let total = 0;
  for (const file of files.filter((entry) => entry.isFile())) {
    total += deflateRawSync(await readFile(path.join(file.parentPath, file.name)), { level: 9 }).length;
  }
  return total;
}

async function bareBolt(outDir: string, stubs: boolean): Promise<{ entry: string; bytes: number }> {
  const { metafile } = await build({
    ...lambdaBuildOptions({ stubs }),
    absWorkingDir: ROOT,
    entryPoints: ['bench/bare-bolt-handler.ts'],
    outdir: outDir,
  });
  if (!metafile) throw new Error('esbuild returned no metafile');
  const entry = path.join(outDir, 'index.mjs');
  return { entry, bytes: bundleSizes(metafile, path.relative(ROOT, entry).replaceAll('\\', '/')).cold };
}

export async function benchBundle(): Promise<void> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'bench-bundle-'));
  try {
    const ours = await buildLambdaBundles({ outDir: path.join(workDir, 'dist') });
    const plain = await bareBolt(path.join(workDir, 'bare-bolt'), false);
    const trimmed = await bareBolt(path.join(workDir, 'bare-bolt-trimmed'), true);

    printFigure('bundle.slack_kib', kib(ours.slack.total), 'KiB');
    printFigure('bundle.slack_cold_kib', kib(ours.slack.cold), 'KiB');
    printFigure('bundle.worker_kib', kib(ours.worker.total), 'KiB');
    printFigure('bundle.worker_cold_kib', kib(ours.worker.cold), 'KiB');
    for (const name of ['slack', 'worker'] as const) {
      printFigure(`bundle.${name}_deflated_kib`, kib(await deflatedBytes(path.join(workDir, 'dist', name))), 'KiB');
    }
    printFigure('bundle.bare_bolt_kib', kib(plain.bytes), 'KiB');
    printFigure('bundle.bare_bolt_trimmed_kib', kib(trimmed.bytes), 'KiB');

    const imports: Record<string, string> = {
      node_startup: '0',
      slack: `await import(${JSON.stringify(path.join(workDir, 'dist', 'slack', 'index.mjs'))})`,
      worker: `await import(${JSON.stringify(path.join(workDir, 'dist', 'worker', 'index.mjs'))})`,
      bare_bolt: `await import(${JSON.stringify(plain.entry)})`,
      bare_bolt_trimmed: `await import(${JSON.stringify(trimmed.entry)})`,
    };
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(imports).map((name) => [name, []]));
    for (const script of Object.values(imports)) timeNode(script); // warm the file cache
    for (let run = 0; run < RUNS; run += 1) {
      for (const [name, script] of Object.entries(imports)) samples[name]?.push(timeNode(script));
    }
    const ms = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
    const net = (name: string): number => (ms[name] ?? Number.NaN) - (ms.node_startup ?? Number.NaN);

    printFigure('bundle.node_startup_ms', round(ms.node_startup ?? Number.NaN), 'ms');
    for (const name of ['slack', 'worker', 'bare_bolt', 'bare_bolt_trimmed']) {
      printFigure(`bundle.${name}_import_ms`, round(ms[name] ?? Number.NaN), 'ms');
    }
    printFigure('bundle.slack_import_ratio', round(net('slack') / net('bare_bolt')), 'x');
    printFigure('bundle.worker_import_ratio', round(net('worker') / net('bare_bolt')), 'x');
    printFigure('bundle.slack_import_ratio_trimmed', round(net('slack') / net('bare_bolt_trimmed')), 'x');

    await benchColdStart({
      slackEntry: path.join(workDir, 'dist', 'slack', 'index.mjs'),
      policyFile: path.join(workDir, 'dist', 'policy.json'),
      bareBoltEntry: trimmed.entry,
    });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
