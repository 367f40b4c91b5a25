import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackWebClient } from '../../src/slack/web-client.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(root, path)] : [];
  });
}

describe('createSlackWebClient', () => {
  const servers: ReturnType<typeof createServer>[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  /** A Web API that is down: every call is answered 503, and counted. */
  async function slackDown(): Promise<{ url: string; calls: () => number }> {
    let calls = 0;
    const server = createServer((_request, response) => {
      calls += 1;
      response.writeHead(503).end('down');
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, calls: () => calls };
  }

  it('tries a call that fails three times in all, then gives up (not for the default half hour)', async () => {
    // Prepare
    const slack = await slackDown();
    const client = createSlackWebClient('xoxb-test', slack.url);

    // Act
    const call = client.auth.test();

    // Assess
    await expect(call).rejects.toThrow(/503/);
    expect(slack.calls()).toBe(3);
  });
});

describe('Web API clients', () => {
  it('are made in one place in the product, so every one retries alike', () => {
    const makers = sourceFiles(join(root, 'src')).filter((path) =>
      /new WebClient\s*\(/.test(readFileSync(join(root, path), 'utf8')),
    );
    expect(makers).toEqual(['src/slack/web-client.ts']);
  });

  it('are configured in one place: no retry settings of their own elsewhere', () => {
    const configured = sourceFiles(join(root, 'src')).filter((path) =>
      /retryConfig\s*:/.test(readFileSync(join(root, path), 'utf8')),
    );
    expect(configured).toEqual(['src/slack/web-client.ts']);
  });
});
