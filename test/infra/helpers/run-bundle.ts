import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface SecretRequest {
  target: string;
  name: string;
  decrypt: boolean;
}

export interface StandIns {
  /** `http://127.0.0.1:<port>`: SSM's endpoint (JSON 1.1, by X-Amz-Target) and, under /api/, Slack's Web API. */
  url: string;
  requested: SecretRequest[];
  close(): void;
}

/**
 * One loopback server standing in for SSM's GetParameter (answering from `secrets`) and for
 * Slack's auth.test, which Bolt calls once to learn the bot's identity.
 */
export async function startStandIns(secrets: Record<string, string>): Promise<StandIns> {
  const requested: SecretRequest[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      if (request.url?.startsWith('/api/')) {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0TEAM' }));
        return;
      }
      const input = JSON.parse(body) as { Name: string; WithDecryption: boolean };
      requested.push({
        target: String(request.headers['x-amz-target']),
        name: input.Name,
        decrypt: input.WithDecryption,
      });
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      const value = secrets[input.Name];
      response.end(JSON.stringify({ Parameter: { Name: input.Name, Type: 'SecureString', Value: value } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requested, close: () => server.close() };
}

export interface BundleRun<R> {
  code: number | null;
  /** The child's output, for failure messages (the last 2,000 characters). */
  output: string;
  results: R[];
}

/**
 * Imports dist/<name>/index.mjs in a fresh Node process with only `env` (as Lambda would give it)
 * and calls its handler with each event in turn; resolves to the handler's results.
 */
export async function invokeBundle<R>(
  root: string,
  name: string,
  events: object[],
  env: Record<string, string>,
): Promise<BundleRun<R>> {
  const script = [
    `const { handler } = await import(${JSON.stringify(join(root, 'dist', name, 'index.mjs'))});`,
    'const results = [];',
    `for (const event of ${JSON.stringify(events)}) results.push(await handler(event, {}));`,
    "console.log('RESULTS ' + JSON.stringify(results));",
  ].join('\n');
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...machineClock(), ...env },
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const line = output.split('\n').find((text) => text.startsWith('RESULTS '));
  return {
    code,
    output: output.slice(-2_000),
    results: line ? (JSON.parse(line.slice('RESULTS '.length)) as R[]) : [],
  };
}

/**
 * The machine's clock as this process has it: a Lambda runs on its host's clock, and CI moves this
 * machine's (libfaketime's LD_PRELOAD and FAKETIME*) to prove the suite passes on any date.
 */
function machineClock(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        (entry[0] === 'LD_PRELOAD' || entry[0].startsWith('FAKETIME')) && entry[1] !== undefined,
    ),
  );
}
