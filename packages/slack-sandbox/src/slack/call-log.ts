import type { JsonObject } from './json.js';

/** One request the app made to the stand-in, with what it was answered. */
export interface ApiCall {
  /** The Web API method (`chat.postMessage`), or `response_url` for a post to a response URL. */
  method: string;
  /** The arguments as the app sent them, nested JSON decoded; the token is left out. */
  args: JsonObject;
  response: JsonObject;
  /** The HTTP status the app got: 200, except 429 when rate limited and response URL refusals. */
  status: number;
  at: Date;
}
