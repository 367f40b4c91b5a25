import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { SandboxCommand } from './snapshot-types.js';

/** The page's static parts: the HTML shell, the stylesheet and the browser script. */
export interface SandboxAssets {
  html: string;
  css: string;
  script: string;
}

const CLIENT_ENTRY = fileURLToPath(new URL('./client/main.ts', import.meta.url));
const STYLESHEET = fileURLToPath(new URL('./client/styles.css', import.meta.url));

/**
 * Bundles the browser script with esbuild's JS API, in memory, once per start (a few tens of ms).
 * esbuild is a dev dependency, present wherever `npm start` runs (tsx is one too), and never part of
 * the Lambda bundles: hence the dynamic import.
 */
export async function loadSandboxAssets(options: { title?: string } = {}): Promise<SandboxAssets> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'firefox115', 'safari16'],
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const script = result.outputFiles[0]?.text;
  if (script === undefined) throw new Error('esbuild produced no sandbox page script');
  return { html: pageHtml(options.title ?? 'Slack sandbox'), css: await readFile(STYLESHEET, 'utf8'), script };
}

/**
 * The slash commands a Slack app manifest (YAML or JSON) declares: the composer offers exactly these.
 * `fallback` when the file cannot be read or declares none.
 */
export async function manifestCommands(path: string, fallback: SandboxCommand[] = []): Promise<SandboxCommand[]> {
  let manifest: unknown;
  try {
    manifest = parseYaml(await readFile(path, 'utf8'));
  } catch {
    return fallback;
  }
  const features = isRecord(manifest) && isRecord(manifest.features) ? manifest.features : {};
  const declared = Array.isArray(features.slash_commands) ? features.slash_commands.filter(isRecord) : [];
  const commands = declared.flatMap((entry) =>
    typeof entry.command === 'string'
      ? [
          {
            command: entry.command,
            description: typeof entry.description === 'string' ? entry.description : '',
            usageHint: typeof entry.usage_hint === 'string' ? entry.usage_hint : '',
          },
        ]
      : [],
  );
  return commands.length > 0 ? commands : fallback;
}

function pageHtml(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/sandbox/app.css">
</head>
<body>
<div id="app" class="app"><p class="loading">Loading the sandbox…</p></div>
<noscript>The sandbox page needs JavaScript.</noscript>
<script src="/sandbox/app.js"></script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
