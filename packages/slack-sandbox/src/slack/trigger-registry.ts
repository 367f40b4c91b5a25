import type { Clock } from '../clock.js';
import type { IdSource } from './id-source.js';

/** Slack's rule: a trigger_id opens one view, within 3 seconds of the interaction that issued it. */
export const TRIGGER_LIFETIME_MS = 3000;

/** Where the interaction that issued a trigger happened; `views.push` needs one from inside a modal. */
export type TriggerSource = 'slash_command' | 'message_action' | 'view_action' | 'view_submission' | 'sandbox';

export interface Trigger {
  id: string;
  user: string;
  source: TriggerSource;
  issuedAt: Date;
  used: boolean;
}

export type TriggerRedemption =
  | { ok: true; trigger: Trigger }
  | { ok: false; error: 'invalid_trigger_id' | 'expired_trigger_id' };

export class TriggerRegistry {
  private readonly triggers = new Map<string, Trigger>();

  constructor(
    private readonly ids: IdSource,
    private readonly clock: Clock,
  ) {}

  issue(user: string, source: TriggerSource): Trigger {
    const trigger: Trigger = { id: this.ids.triggerId(), user, source, issuedAt: this.clock.now(), used: false };
    this.triggers.set(trigger.id, trigger);
    return trigger;
  }

  /** Checks a trigger without using it up: a call that fails for another reason leaves it usable. */
  check(id: string): TriggerRedemption {
    const trigger = this.triggers.get(id);
    if (!trigger || trigger.used) return { ok: false, error: 'invalid_trigger_id' };
    if (this.clock.now().getTime() - trigger.issuedAt.getTime() > TRIGGER_LIFETIME_MS) {
      return { ok: false, error: 'expired_trigger_id' };
    }
    return { ok: true, trigger };
  }

  redeem(trigger: Trigger): void {
    trigger.used = true;
  }
}
