import type { Clock } from '../clock.js';
import type { IdSource } from './id-source.js';

/** Slack's rule: a response_url takes up to 5 posts within 30 minutes. */
export const RESPONSE_URL_MAX_USES = 5;
export const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;

/** What a response URL answers for: a slash command, or a click on a (possibly ephemeral) message. */
export interface ResponseUrlContext {
  kind: 'commands' | 'actions';
  channel: string;
  user: string;
  /** Set for message actions: the message `replace_original` / `delete_original` act on. */
  messageTs?: string;
  ephemeral?: boolean;
}

export interface ResponseUrlGrant extends ResponseUrlContext {
  path: string;
  issuedAt: Date;
  uses: number;
}

export type ResponseUrlRedemption =
  | { ok: true; grant: ResponseUrlGrant }
  | { ok: false; error: 'expired_url' | 'used_url' | 'not_found' };

export class ResponseUrlRegistry {
  private readonly grants = new Map<string, ResponseUrlGrant>();

  constructor(
    private readonly ids: IdSource,
    private readonly clock: Clock,
    private readonly teamId: string,
  ) {}

  /** Issues a path like Slack's hooks.slack.com ones: `/commands/T…/<id>/<secret>`. */
  issue(context: ResponseUrlContext): ResponseUrlGrant {
    const path = `/${context.kind}/${this.teamId}/${this.ids.numericId()}/${this.ids.secret()}`;
    const grant: ResponseUrlGrant = { ...context, path, issuedAt: this.clock.now(), uses: 0 };
    this.grants.set(path, grant);
    return grant;
  }

  isResponsePath(path: string): boolean {
    return this.grants.has(path);
  }

  redeem(path: string): ResponseUrlRedemption {
    const grant = this.grants.get(path);
    if (!grant) return { ok: false, error: 'not_found' };
    if (this.clock.now().getTime() - grant.issuedAt.getTime() > RESPONSE_URL_LIFETIME_MS) {
      return { ok: false, error: 'expired_url' };
    }
    if (grant.uses >= RESPONSE_URL_MAX_USES) return { ok: false, error: 'used_url' };
    grant.uses += 1;
    return { ok: true, grant };
  }
}
