/** The stand-in's HTTP plumbing: read a request, write a JSON answer. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord, type JsonObject } from './json.js';
import type { MethodResult } from './web-api/results.js';

export function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function send(response: ServerResponse, result: MethodResult): void {
  response.writeHead(result.status, { 'Content-Type': 'application/json; charset=utf-8', ...result.headers });
  response.end(JSON.stringify(result.body));
}

export function parseLoosely(rawBody: string): JsonObject {
  try {
    const parsed: unknown = JSON.parse(rawBody);
    return isRecord(parsed) ? parsed : {};
  } catch {
    return { raw: rawBody };
  }
}
