import { isRecord, type JsonObject } from '../json.js';

/** A Web API request as the stand-in reads it: arguments and the token, wherever the caller put it. */
export interface ApiRequest {
  args: JsonObject;
  token: string | undefined;
}

export type ApiRequestRead =
  | { ok: true; request: ApiRequest }
  | { ok: false; error: 'invalid_json' | 'invalid_form_data' };

/**
 * Reads a request the way Slack does: form-encoded (what @slack/web-api sends; nested objects are JSON
 * strings) or a JSON body, whose token must be in the Authorization header; query parameters also count.
 */
export function readApiRequest(
  contentType: string | undefined,
  authorization: string | undefined,
  query: URLSearchParams,
  rawBody: string,
): ApiRequestRead {
  const args: JsonObject = Object.fromEntries(query.entries());
  let bodyToken: string | undefined;
  if ((contentType ?? '').includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = rawBody === '' ? {} : JSON.parse(rawBody);
    } catch {
      return { ok: false, error: 'invalid_json' };
    }
    if (!isRecord(parsed)) return { ok: false, error: 'invalid_json' };
    // A token inside a JSON body does not count: JSON callers must use the Authorization header.
    Object.assign(args, parsed);
  } else if (rawBody !== '') {
    const form = new URLSearchParams(rawBody);
    Object.assign(args, Object.fromEntries(form.entries()));
    bodyToken = form.get('token') ?? undefined;
  }
  const queryToken = query.get('token') ?? undefined;
  delete args.token;
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  return { ok: true, request: { args, token: bearer ?? bodyToken ?? queryToken } };
}

export type JsonArgument = { present: false } | { present: true; value: unknown } | { present: true; malformed: true };

/** An argument that carries JSON: a string in forms (`blocks`, `view`), already a value in JSON bodies. */
export function jsonArgument(args: JsonObject, name: string): JsonArgument {
  const raw = args[name];
  if (raw === undefined || raw === null || raw === '') return { present: false };
  if (typeof raw !== 'string') return { present: true, value: raw };
  try {
    return { present: true, value: JSON.parse(raw) };
  } catch {
    return { present: true, malformed: true };
  }
}

/** The arguments as recorded in the call log: nested JSON decoded so assertions read naturally. */
export function decodedArgs(args: JsonObject): JsonObject {
  const decoded: JsonObject = { ...args };
  for (const name of ['blocks', 'view', 'attachments', 'metadata']) {
    const argument = jsonArgument(args, name);
    if (argument.present && 'value' in argument) decoded[name] = argument.value;
  }
  return decoded;
}

export function stringArg(args: JsonObject, name: string): string | undefined {
  const value = args[name];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}
