import { randomBytes, randomInt } from 'node:crypto';
import type { Clock } from '../clock.js';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BLOCK_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(randomInt(alphabet.length));
  return out;
}

/** Ids in Slack's formats, with message timestamps taken from the stand-in's clock. */
export class IdSource {
  private lastMicros = 0;

  constructor(private readonly clock: Clock) {}

  /**
   * A message `ts` (`1531420618.000200`): seconds and microseconds, unique and increasing per
   * workspace, because a `ts` is a message's identity and two posts in one millisecond must differ.
   */
  messageTs(): string {
    const micros = Math.max(this.clock.now().getTime() * 1000, this.lastMicros + 1);
    this.lastMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  /** `398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c`, the shape of Slack's trigger ids. */
  triggerId(): string {
    return `${randomInt(1e11, 1e12)}.${randomInt(1e10, 1e11)}.${randomBytes(16).toString('hex')}`;
  }

  /** `Ev0123ABCD45`: an Events API delivery's id, the same on its retries. */
  eventId(): string {
    return `Ev${randomString(ID_ALPHABET, 10)}`;
  }

  viewId(): string {
    return `V${randomString(ID_ALPHABET, 10)}`;
  }

  /** A view hash (`1569262015.55b5e41b`): changes on every update so stale `views.update` calls fail. */
  viewHash(): string {
    return `${Math.floor(this.clock.now().getTime() / 1000)}.${randomBytes(4).toString('hex')}`;
  }

  /** Slack fills in a missing block_id / action_id with a short random one. */
  blockId(): string {
    return randomString(BLOCK_ID_ALPHABET, 5);
  }

  secret(): string {
    return randomBytes(12).toString('base64url');
  }

  numericId(): string {
    return String(randomInt(1e11, 1e12));
  }
}
