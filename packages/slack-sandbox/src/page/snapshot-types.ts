/**
 * What the sandbox page's server sends its browser script: one person's view of the stand-in workspace
 * (`GET /sandbox/state`), and the answers of the action routes. Types only, shared by the server and the
 * browser script (the script imports them with `import type`, so nothing of the server is bundled).
 */

/** Block Kit as the app sent it: the browser reads it defensively. */
export type BlockJson = Record<string, unknown>;

export interface SandboxPerson {
  id: string;
  /** The handle, e.g. `riley.requester`. */
  name: string;
  realName: string;
  /** IANA zone from the Slack profile: times and the datetime picker use it, as Slack's client does. */
  tz: string;
  /** Handles of the user groups the person is in. */
  groups: string[];
}

export interface SandboxConversation {
  id: string;
  /** `db-restores`; for a direct message, the other person's id. */
  name: string;
  isIm: boolean;
}

export interface SandboxMessage {
  ts: string;
  user: string;
  isBot: boolean;
  text: string;
  blocks: BlockJson[];
  edited: boolean;
  deleted: boolean;
  replies: SandboxMessage[];
}

/** A message only the viewer sees ("Only visible to you"). */
export interface SandboxEphemeral {
  messageTs: string;
  text: string;
  blocks: BlockJson[];
  threadTs?: string;
}

export interface SandboxView {
  id: string;
  hash: string;
  title: string;
  submit?: string;
  close?: string;
  blocks: BlockJson[];
  /** `view.state.values` as Slack would send them: block_id → action_id → value. */
  values: Record<string, Record<string, BlockJson>>;
  /** Field errors by block_id (`response_action: 'errors'`, or Slack's own required-field check). */
  errors: Record<string, string>;
}

/** One Web API call the app made, for the page's call log. */
export interface SandboxApiCall {
  at: string;
  method: string;
  ok: boolean;
  error?: string;
  /** Slack's explanations (`response_metadata.messages`), e.g. why blocks were refused. */
  messages: string[];
}

export interface SandboxCommand {
  command: string;
  description: string;
  usageHint: string;
}

export interface SandboxSnapshot {
  /** Grows with every change in the stand-in: equal versions mean nothing changed. */
  version: number;
  team: { name: string; domain: string };
  bot: { userId: string; name: string };
  /** The person looking. */
  me: string;
  /** The stand-in's clock when this was drawn: "today" and "yesterday" in date tokens are judged by it. */
  nowMs: number;
  people: SandboxPerson[];
  userGroups: { id: string; handle: string; name: string }[];
  /** Conversations the viewer is in. */
  conversations: SandboxConversation[];
  channel: SandboxConversation;
  messages: SandboxMessage[];
  ephemerals: SandboxEphemeral[];
  /** The viewer's open modals, the visible one last. */
  views: SandboxView[];
  /** The Home tab the app last published for the viewer (views.publish), if any. */
  home?: SandboxView;
  /** The app's most recent Web API calls, oldest first. */
  calls: SandboxApiCall[];
  commands: SandboxCommand[];
  /** What a newcomer should know about this sandbox (what is kept across restarts, the time scale). */
  notices: string[];
}

/** The answer of every POST /sandbox/... route. */
export type SandboxActionResult =
  | ({ ok: true } & SandboxActionDetails)
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

export interface SandboxActionDetails {
  /** Set when Slack would tell the person the app failed (no timely 200, a refused answer). */
  warning?: string;
  /** For `/sandbox/options`: the options to offer, as the app sent them (`{ text, value, description? }`). */
  options?: BlockJson[];
  /** For `/sandbox/options`: why nothing was asked yet (query too short). */
  hint?: string;
}
