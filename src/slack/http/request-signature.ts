import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack refuses to act on a request whose timestamp is more than five minutes from now, either way. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** The one signature version Slack documents: `v0=` hex HMAC-SHA256 over `v0:{timestamp}:{raw body}`. */
const VERSION = 'v0';

export interface SignedRequest {
  /** `X-Slack-Request-Timestamp`: Unix seconds, as Slack sent it. */
  timestamp: string | undefined;
  /** `X-Slack-Signature`. */
  signature: string | undefined;
  rawBody: string;
}

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Verifies a request as Slack's "Verifying requests from Slack" says: version `v0` only (another
 * version would let a forger choose what is hashed), and a timestamp within five minutes of `now`
 * in the past or the future (a request signed for later could be replayed until then).
 */
export function verifySlackSignature(signingSecret: string, request: SignedRequest, now: Date): SignatureVerdict {
  const { timestamp, signature, rawBody } = request;
  if (!timestamp || !signature) return { ok: false, reason: 'the signature or timestamp header is missing' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'the timestamp is not Unix seconds' };
  const skew = Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp));
  if (skew > MAX_CLOCK_SKEW_SECONDS) {
    return { ok: false, reason: `the timestamp is ${skew} s from now (at most ${MAX_CLOCK_SKEW_SECONDS} s)` };
  }
  if (!signature.startsWith(`${VERSION}=`)) return { ok: false, reason: `the signature is not of version ${VERSION}` };
  const expected = `${VERSION}=${createHmac('sha256', signingSecret).update(`${VERSION}:${timestamp}:${rawBody}`).digest('hex')}`;
  const given = Buffer.from(signature);
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    return { ok: false, reason: 'the signature does not match' };
  }
  return { ok: true };
}
