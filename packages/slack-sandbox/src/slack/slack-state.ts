import type { Clock } from '../clock.js';
import type { ApiCall } from './call-log.js';
import type { ChangeListener } from './changes.js';
import { IdSource } from './id-source.js';
import { MessageStore } from './message-store.js';
import { ResponseUrlRegistry } from './response-url-registry.js';
import { TriggerRegistry } from './trigger-registry.js';
import { ViewStore } from './view-store.js';
import type {
  SlackBotIdentity,
  SlackChannel,
  SlackTeam,
  SlackUser,
  SlackUserGroup,
  SlackWorkspace,
} from './workspace.js';

/** Everything the stand-in knows: the directory, messages, views, triggers, response URLs and the call log. */
export class SlackState {
  readonly team: SlackTeam;
  readonly bot: SlackBotIdentity;
  readonly users = new Map<string, SlackUser>();
  readonly userGroups = new Map<string, SlackUserGroup>();
  readonly channels = new Map<string, SlackChannel>();
  readonly ids: IdSource;
  readonly messages: MessageStore;
  readonly views: ViewStore;
  readonly triggers: TriggerRegistry;
  readonly responseUrls: ResponseUrlRegistry;
  readonly calls: ApiCall[] = [];

  constructor(
    workspace: SlackWorkspace,
    readonly clock: Clock,
    private readonly notify: ChangeListener,
  ) {
    this.team = { ...workspace.team };
    this.bot = { ...workspace.bot };
    for (const user of workspace.users) this.users.set(user.id, { ...user });
    this.users.set(this.bot.userId, {
      id: this.bot.userId,
      name: this.bot.name,
      realName: this.bot.name,
      tz: 'UTC',
      isBot: true,
    });
    for (const group of workspace.userGroups) this.userGroups.set(group.id, { ...group, users: [...group.users] });
    for (const { createdBeforeStartMs, ...channel } of workspace.channels) {
      const createdAt =
        channel.createdAt ?? new Date(clock.now().getTime() - (createdBeforeStartMs ?? 30 * 86_400_000));
      this.channels.set(channel.id, { ...channel, members: [...channel.members], createdAt });
    }
    this.ids = new IdSource(clock);
    this.messages = new MessageStore(this.ids, notify);
    this.views = new ViewStore(
      this.ids,
      { teamId: this.team.id, appId: this.bot.appId, botId: this.bot.botId },
      notify,
    );
    this.triggers = new TriggerRegistry(this.ids, clock);
    this.responseUrls = new ResponseUrlRegistry(this.ids, clock, this.team.id);
  }

  recordCall(call: ApiCall): void {
    this.calls.push(call);
    this.notify({ kind: 'api_call', call });
  }

  /**
   * A channel named as the Web API accepts it: an id, `#name` or `name`, or a user id, which posts to the
   * app's direct message with that user (opened on first use).
   */
  resolveChannel(reference: string): SlackChannel | undefined {
    const byId = this.channels.get(reference);
    if (byId) return byId;
    const name = reference.startsWith('#') ? reference.slice(1) : reference;
    const byName = [...this.channels.values()].find((channel) => !channel.isIm && channel.name === name);
    if (byName) return byName;
    const user = this.users.get(reference);
    return user && !user.isBot ? this.directMessage(user) : undefined;
  }

  /** The app's direct message with a user, where its Messages tab lives (opened on first use). */
  appChannelOf(user: SlackUser): SlackChannel {
    return this.directMessage(user);
  }

  /** The user groups a user belongs to. */
  groupsOf(userId: string): SlackUserGroup[] {
    return [...this.userGroups.values()].filter((group) => group.users.includes(userId));
  }

  private directMessage(user: SlackUser): SlackChannel {
    const id = `D${user.id.slice(1)}`;
    const existing = this.channels.get(id);
    if (existing) return existing;
    const channel: SlackChannel = {
      id,
      name: user.id,
      isPrivate: true,
      isIm: true,
      members: [user.id, this.bot.userId],
    };
    this.channels.set(id, channel);
    return channel;
  }
}
