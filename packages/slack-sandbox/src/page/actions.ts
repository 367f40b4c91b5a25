import { z } from 'zod';
import {
  type BotResponse,
  BotUnreachableError,
  InteractionNotSentError,
  type SlackStandIn,
  StandInUsageError,
  type ViewStateValue,
} from '../slack/index.js';
import type { SandboxActionResult, SandboxCommand } from './snapshot-types.js';

/**
 * The page's POST routes. Each one does what a person does in Slack's client, through the stand-in's
 * user methods: the app receives the same signed requests Slack would send, and cannot tell the page
 * from Slack.
 */

const Id = z.string().min(1).max(255);
const Option = z.looseObject({
  text: z.looseObject({ type: z.string(), text: z.string() }),
  value: z.string().max(2000),
  description: z.looseObject({ type: z.string(), text: z.string() }).optional(),
});

/** What a person can put in a modal field, in the shape Slack reports it (`view.state.values`). */
const Value = z.discriminatedUnion('type', [
  z.object({
    type: z.enum(['plain_text_input', 'number_input', 'email_text_input', 'url_text_input']),
    value: z.string().max(3000).nullable(),
  }),
  z.object({ type: z.enum(['static_select', 'external_select', 'radio_buttons']), selected_option: Option.nullable() }),
  z.object({
    type: z.enum(['multi_static_select', 'multi_external_select', 'checkboxes']),
    selected_options: z.array(Option).max(100),
  }),
  z.object({ type: z.literal('datepicker'), selected_date: z.string().nullable() }),
  z.object({ type: z.literal('timepicker'), selected_time: z.string().nullable() }),
  z.object({ type: z.literal('datetimepicker'), selected_date_time: z.number().int().nullable() }),
]) satisfies z.ZodType<ViewStateValue>;

const ViewElement = z.object({ user: Id, viewId: Id, blockId: Id, actionId: Id });

const Schemas = {
  command: z.object({ user: Id, channel: Id, text: z.string().min(1).max(4000) }),
  click: z.object({ user: Id, channel: Id, messageTs: Id, actionId: Id, blockId: Id.optional() }),
  act: ViewElement.extend({ action: z.union([Value, z.object({ type: z.literal('button') })]) }),
  value: ViewElement.extend({ value: Value }),
  submit: z.object({ user: Id, viewId: Id }),
  close: z.object({ user: Id, viewId: Id, all: z.boolean().optional() }),
  options: ViewElement.extend({ value: z.string().max(200) }),
  home: z.object({ user: Id }),
};

/** The body was not what the page sends. */
export class SandboxRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxRequestError';
  }
}

export type SandboxAction = (body: unknown) => Promise<SandboxActionResult>;

/** The POST routes by path; each validates its body and answers with a `SandboxActionResult`. */
export function createSandboxActions(
  standIn: SlackStandIn,
  commands: readonly SandboxCommand[],
): Record<string, SandboxAction> {
  const botName = standIn.state.bot.name;
  const failure = (response: BotResponse) => appFailure(botName, response);
  return {
    '/sandbox/command': (body) =>
      attempt(async () => {
        const input = parse(Schemas.command, body);
        const text = input.text.trim();
        if (!text.startsWith('/')) {
          // The app subscribes to no message events (manifest.yml), so Slack would tell it nothing either.
          const person = standIn.state.users.get(input.user);
          const channel = standIn.state.resolveChannel(input.channel);
          if (!person || person.isBot) throw new StandInUsageError(`no person ${input.user} in the workspace`);
          if (!channel?.members.includes(person.id)) throw new StandInUsageError(`${person.id} is not in that channel`);
          standIn.state.messages.post(channel.id, { user: input.user, text, blocks: [] });
          return { ok: true };
        }
        const command = text.split(/\s+/, 1)[0] ?? '';
        if (!commands.some((known) => known.command === command)) {
          return {
            ok: false,
            error: `${command} is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands.`,
          };
        }
        const result = await standIn.slashCommand({
          user: input.user,
          channel: input.channel,
          command,
          text: text.slice(command.length).trim(),
        });
        const rejected = result.rejectedResponse?.error;
        const warning =
          failure(result) ??
          (typeof rejected === 'string' ? `Slack refused ${botName}'s answer: ${rejected}` : undefined);
        return warned(warning);
      }),
    '/sandbox/home': (body) =>
      attempt(async () => {
        const input = parse(Schemas.home, body);
        return warned(failure(await standIn.openAppHome({ user: input.user })));
      }),
    '/sandbox/click': (body) =>
      attempt(async () => {
        const input = parse(Schemas.click, body);
        return warned(failure(await standIn.clickButton(input)));
      }),
    '/sandbox/view/act': (body) =>
      attempt(async () => {
        const input = parse(Schemas.act, body);
        return warned(failure(await standIn.actInView(input)));
      }),
    '/sandbox/view/value': (body) =>
      attempt(async () => {
        const input = parse(Schemas.value, body);
        if (standIn.view(input.viewId)?.user !== input.user) {
          throw new StandInUsageError(`view ${input.viewId} is not open for ${input.user}`);
        }
        standIn.setViewValue(input.viewId, input.blockId, input.actionId, input.value);
        return { ok: true };
      }),
    '/sandbox/view/submit': (body) =>
      attempt(async () => {
        const input = parse(Schemas.submit, body);
        const result = await standIn.submitView(input);
        const { outcome } = result;
        if (outcome.action === 'errors')
          return { ok: false, error: 'the app refused some fields', fieldErrors: outcome.errors };
        if (outcome.action === 'failed')
          return warned(`We had some trouble connecting (${outcome.reason}). Try again?`);
        return { ok: true };
      }),
    '/sandbox/view/close': (body) =>
      attempt(async () => {
        const input = parse(Schemas.close, body);
        const response = await standIn.closeView(input);
        return warned(response ? failure(response) : undefined);
      }),
    '/sandbox/options': (body) =>
      attempt(async () => {
        const input = parse(Schemas.options, body);
        try {
          const result = await standIn.loadOptions(input);
          const refused = result.problems.map((problem) => problem.message).join('; ');
          const warning = failure(result) ?? (refused ? `Slack refused the options: ${refused}` : undefined);
          const options = result.options.map((option) => ({ ...option }));
          return { ok: true, options, ...(warning ? { warning } : {}) };
        } catch (error) {
          // Slack's client asks for options only once enough is typed; until then the list stays empty.
          if (error instanceof InteractionNotSentError) return { ok: true, options: [], hint: error.message };
          throw error;
        }
      }),
  };
}

/** The HTTP status for an action's answer: what Slack would show is 200, a move Slack would not allow 409. */
export function statusOf(result: SandboxActionResult): number {
  return result.ok || result.fieldErrors ? 200 : 409;
}

async function attempt(act: () => Promise<SandboxActionResult>): Promise<SandboxActionResult> {
  try {
    return await act();
  } catch (error) {
    if (error instanceof SandboxRequestError) throw error;
    if (error instanceof InteractionNotSentError) {
      return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
    }
    if (error instanceof StandInUsageError) return { ok: false, error: error.message };
    if (error instanceof BotUnreachableError)
      return { ok: true, warning: `The app cannot be reached: ${error.message}` };
    throw error;
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new SandboxRequestError(`bad request: ${issue?.path.join('.') || '(body)'} ${issue?.message ?? ''}`.trim());
  }
  return result.data;
}

function warned(warning: string | undefined): SandboxActionResult {
  return warning ? { ok: true, warning } : { ok: true };
}

/** What Slack's client says when the app did not answer in time, or answered with an error status. */
function appFailure(botName: string, response: BotResponse): string | undefined {
  if (response.timedOut) return `${botName} did not respond in time (operation_timeout).`;
  if (response.status !== 200) return `${botName} responded with HTTP ${response.status} (dispatch_failed).`;
  return undefined;
}
