import type { WebClient } from '@slack/web-api';
import type { Policy, Principals } from '../domain/policy.js';
import type { Principal } from '../domain/policy-rules.js';
import type { Clock } from '../domain/ports/clock.js';

const CACHE_MS = 5 * 60_000;

interface Cached<T> {
  value: T;
  until: number;
}

/**
 * Who a Slack user is to the policy (their id and the policy's user groups they belong to)
 * and their time zone. Group members come from `usergroups.users.list`, cached for five
 * minutes, so an approval click costs no Slack call most of the time.
 */
export class UserDirectory {
  private readonly groups = new Map<string, Cached<ReadonlySet<string>>>();
  private readonly zones = new Map<string, Cached<string>>();
  private readonly channels = new Map<string, Cached<ReadonlySet<string>>>();

  constructor(
    private readonly client: WebClient,
    private readonly policy: Policy,
    private readonly clock: Clock,
  ) {}

  async principalOf(userId: string): Promise<Principal> {
    const groupIds = [
      ...new Set(
        Object.values(this.policy.environments).flatMap((environment) => [
          ...environment.requesters.userGroups,
          ...environment.approvers.userGroups,
        ]),
      ),
    ];
    const memberships = await Promise.all(
      groupIds.map(async (groupId) => ((await this.membersOf(groupId)).has(userId) ? groupId : undefined)),
    );
    return { userId, userGroupIds: memberships.filter((groupId): groupId is string => groupId !== undefined) };
  }

  /** The user's IANA time zone from their Slack profile; UTC when Slack does not say. */
  async timeZoneOf(userId: string): Promise<string> {
    const cached = this.fresh(this.zones.get(userId));
    if (cached) return cached;
    const { user } = await this.client.users.info({ user: userId });
    const zone = user?.tz ?? 'UTC';
    this.zones.set(userId, { value: zone, until: this.clock.now().getTime() + CACHE_MS });
    return zone;
  }

  /** Everyone `principals` names: its users and the members of its user groups. */
  async usersOf(principals: Principals): Promise<string[]> {
    const members = await Promise.all(principals.userGroups.map((groupId) => this.membersOf(groupId)));
    return [...new Set([...principals.users, ...members.flatMap((group) => [...group])])];
  }

  /**
   * The channels a user is in that the bot may know of (`users.conversations`: public ones, and private
   * ones the bot is in too), cached like group members. A failed lookup is no channels, not an error.
   */
  async channelsOf(userId: string): Promise<ReadonlySet<string>> {
    const cached = this.fresh(this.channels.get(userId));
    if (cached) return cached;
    const ids = new Set<string>();
    try {
      let cursor: string | undefined;
      do {
        const page = await this.client.users.conversations({
          user: userId,
          types: 'public_channel,private_channel',
          exclude_archived: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        for (const channel of page.channels ?? []) if (channel.id) ids.add(channel.id);
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
    } catch {
      return ids;
    }
    this.channels.set(userId, { value: ids, until: this.clock.now().getTime() + CACHE_MS });
    return ids;
  }

  private async membersOf(groupId: string): Promise<ReadonlySet<string>> {
    const cached = this.fresh(this.groups.get(groupId));
    if (cached) return cached;
    // A group the workspace does not have (a typo in the policy) grants nothing; it must not break every click.
    const members = await this.client.usergroups.users
      .list({ usergroup: groupId })
      .then(({ users }) => new Set(users ?? []))
      .catch(() => new Set<string>());
    this.groups.set(groupId, { value: members, until: this.clock.now().getTime() + CACHE_MS });
    return members;
  }

  private fresh<T>(cached: Cached<T> | undefined): T | undefined {
    return cached && cached.until > this.clock.now().getTime() ? cached.value : undefined;
  }
}
