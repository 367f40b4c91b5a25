import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from '../clock.js';
import { BotClient, type BotResponse, type DeliveryOptions } from './bot-client.js';
import type { ApiCall } from './call-log.js';
import type { StandInChange } from './changes.js';
import { createDefaultWorkspace } from './default-workspace.js';
import { StandInUsageError } from './errors.js';
import { header, parseLoosely, readBody, send } from './http-io.js';
import { type OpenAppHomeInput, openAppHome } from './interactions/app-home.js';
import { type ClickButtonInput, type ClickButtonResult, clickButton } from './interactions/click-button.js';
import type { InteractionEnv } from './interactions/environment.js';
import { type SlashCommandInput, type SlashCommandResult, slashCommand } from './interactions/slash-command.js';
import { type SubmitViewResult, submitView } from './interactions/submit-view.js';
import {
  type ActInViewInput,
  actInView,
  closeView,
  type LoadOptionsInput,
  type LoadOptionsResult,
  loadOptions,
  setViewValue,
} from './interactions/view-actions.js';
import type { JsonObject } from './json.js';
import type { EphemeralMessage, StoredMessage } from './message-store.js';
import { handleResponseUrlPost } from './response-url-handler.js';
import { SlackState } from './slack-state.js';
import type { ViewStateValue } from './view-state.js';
import type { StoredView } from './view-store.js';
import { dispatchApiCall } from './web-api/dispatch.js';
import { decodedArgs, readApiRequest } from './web-api/request-args.js';
import { fail, type MethodResult } from './web-api/results.js';
import { UpdateRateLimiter } from './web-api/update-rate-limiter.js';
import type { SlackWorkspace } from './workspace.js';

export interface SlackStandInOptions {
  /** Who is in the workspace; `createDefaultWorkspace()` when left out. */
  workspace?: SlackWorkspace;
  /** The bot token the app must present (`Authorization: Bearer …` or `token`). */
  botToken?: string;
  /** The app's signing secret: every request to the app is signed with it. */
  signingSecret?: string;
  /** The legacy verification token Slack still puts in payloads (`token`). */
  verificationToken?: string;
  /** The app's request URL, e.g. `http://127.0.0.1:3000/slack/events`; also settable later. */
  botUrl?: string;
  /** Slack's time: message ts, trigger (3 s) and response URL (30 min) expiry, rate limits. */
  clock?: Clock;
  /**
   * Time for `X-Slack-Request-Timestamp`. Real time by default, because the app checks it against its
   * own clock: a test that moves `clock` should not make every request stale.
   */
  signingClock?: Clock;
  /** How long Slack waits for the app's answer (3000 ms, as Slack). */
  ackTimeoutMs?: number;
  /** Answer a second chat.update of one message within a second with HTTP 429 (off by default). */
  rateLimitChatUpdates?: boolean;
}

type StandInEvents = { change: [StandInChange] };

/**
 * A local Slack: serves the Web API at `{url}/api/<method>` and response URLs, keeps the workspace's
 * messages and modals, and acts as Slack toward the app (slash commands, clicks, modal input), signing
 * every request like Slack. Listen to `change` to follow what happens.
 */
export class SlackStandIn extends EventEmitter<StandInEvents> {
  readonly state: SlackState;
  readonly botToken: string;
  readonly signingSecret: string;
  readonly verificationToken: string;
  private readonly bot: BotClient;
  private readonly updateLimiter: UpdateRateLimiter;
  private readonly env: InteractionEnv;
  private server: Server | undefined;
  private baseUrl: string | undefined;

  constructor(options: SlackStandInOptions = {}) {
    super();
    const clock = options.clock ?? systemClock;
    const notify = (change: StandInChange) => {
      this.emit('change', change);
    };
    this.state = new SlackState(options.workspace ?? createDefaultWorkspace(), clock, notify);
    this.botToken = options.botToken ?? 'xoxb-sandbox-bot-token';
    this.signingSecret = options.signingSecret ?? 'sandbox-signing-secret';
    this.verificationToken = options.verificationToken ?? 'sandbox-verification-token';
    this.bot = new BotClient({
      signingSecret: this.signingSecret,
      clock: options.signingClock ?? systemClock,
      ...(options.botUrl === undefined ? {} : { botUrl: options.botUrl }),
      ...(options.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: options.ackTimeoutMs }),
    });
    this.updateLimiter = new UpdateRateLimiter(clock, options.rateLimitChatUpdates === true);
    this.env = {
      state: this.state,
      bot: this.bot,
      verificationToken: this.verificationToken,
      baseUrl: () => this.url,
      notify,
    };
  }

  /** Starts serving; port 0 picks a free one. */
  async start(port = 0, host = '127.0.0.1'): Promise<{ url: string }> {
    if (this.server) throw new StandInUsageError('the stand-in is already started');
    const server = createServer((request, response) => {
      this.serve(request, response).catch((error: unknown) => {
        if (!response.headersSent) send(response, { status: 500, body: fail('internal_error').body });
        response.destroy(error instanceof Error ? error : undefined);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    this.server = server;
    this.baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    return { url: this.baseUrl };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.baseUrl = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // The app's HTTP client keeps connections alive; without this, close() waits for them to idle out.
      server.closeAllConnections();
    });
  }

  /** The base URL; the Web API is at `${url}/api/`. */
  get url(): string {
    if (!this.baseUrl) throw new StandInUsageError('the stand-in is not started');
    return this.baseUrl;
  }

  setBotUrl(botUrl: string): void {
    this.bot.botUrl = botUrl;
  }

  /** Switch simulated chat.update rate limiting on or off. */
  setChatUpdateRateLimiting(enabled: boolean): void {
    this.updateLimiter.enabled = enabled;
  }

  // Reading the workspace.

  get calls(): readonly ApiCall[] {
    return this.state.calls;
  }

  callsTo(method: string): ApiCall[] {
    return this.state.calls.filter((call) => call.method === method);
  }

  messages(channel: string): StoredMessage[] {
    return this.state.messages.inChannel(channel);
  }

  message(channel: string, ts: string): StoredMessage | undefined {
    return this.state.messages.find(channel, ts);
  }

  ephemerals(channel: string, user: string): EphemeralMessage[] {
    return this.state.messages.ephemerals(channel, user);
  }

  view(viewId: string): StoredView | undefined {
    return this.state.views.get(viewId);
  }

  /** The user's open modals, the visible one last. */
  openViews(user: string): StoredView[] {
    return this.state.views.stack(user);
  }

  /** The Home tab the app last published for the user (views.publish), if any. */
  homeView(user: string): StoredView | undefined {
    return this.state.views.home(user);
  }

  /** The view as Slack would send it in a payload (with `state.values`). */
  slackView(viewId: string): JsonObject {
    const view = this.state.views.get(viewId);
    if (!view) throw new StandInUsageError(`no view ${viewId}`);
    return this.state.views.toSlack(view);
  }

  /** A trigger for this user, as an interaction would issue one (3 s, one view). */
  issueTrigger(user: string): string {
    return this.state.triggers.issue(user, 'sandbox').id;
  }

  // Acting as Slack toward the app.

  slashCommand(input: SlashCommandInput, delivery?: DeliveryOptions): Promise<SlashCommandResult> {
    return slashCommand(this.env, input, delivery);
  }

  clickButton(input: ClickButtonInput, delivery?: DeliveryOptions): Promise<ClickButtonResult> {
    return clickButton(this.env, input, delivery);
  }

  /** The person opens the app's Home (or Messages) tab: `app_home_opened` over the Events API. */
  openAppHome(input: OpenAppHomeInput, delivery?: DeliveryOptions): Promise<BotResponse> {
    return openAppHome(this.env, input, delivery);
  }

  actInView(input: ActInViewInput, delivery?: DeliveryOptions): Promise<BotResponse & { triggerId: string }> {
    return actInView(this.env, input, delivery);
  }

  setViewValue(viewId: string, blockId: string, actionId: string, value: ViewStateValue): StoredView {
    return setViewValue(this.state, viewId, blockId, actionId, value);
  }

  submitView(input: { user: string; viewId: string }, delivery?: DeliveryOptions): Promise<SubmitViewResult> {
    return submitView(this.env, input, delivery);
  }

  closeView(
    input: { user: string; viewId: string; all?: boolean },
    delivery?: DeliveryOptions,
  ): Promise<BotResponse | null> {
    return closeView(this.env, input, delivery);
  }

  loadOptions(input: LoadOptionsInput, delivery?: DeliveryOptions): Promise<LoadOptionsResult> {
    return loadOptions(this.env, input, delivery);
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const at = this.state.clock.now();
    const apiMethod = /^\/api\/([A-Za-z0-9._]+)$/.exec(url.pathname)?.[1];
    if (apiMethod !== undefined) {
      const result = this.answerApiCall(apiMethod, request, url.searchParams, rawBody);
      send(response, result);
      return;
    }
    if (request.method === 'POST' && this.state.responseUrls.isResponsePath(url.pathname)) {
      const result = handleResponseUrlPost(this.state, url.pathname, rawBody);
      this.state.recordCall({
        method: 'response_url',
        args: parseLoosely(rawBody),
        response: result.body,
        status: result.status,
        at,
      });
      send(response, result);
      return;
    }
    send(response, { status: 404, body: fail('not_found').body });
  }

  private answerApiCall(
    method: string,
    request: IncomingMessage,
    query: URLSearchParams,
    rawBody: string,
  ): MethodResult {
    const at = this.state.clock.now();
    const read = readApiRequest(header(request, 'content-type'), header(request, 'authorization'), query, rawBody);
    const result = read.ok
      ? dispatchApiCall(method, read.request, this.botToken, { state: this.state, updateLimiter: this.updateLimiter })
      : fail(read.error);
    const args = read.ok ? decodedArgs(read.request.args) : {};
    this.state.recordCall({ method, args, response: result.body, status: result.status, at });
    return result;
  }
}
