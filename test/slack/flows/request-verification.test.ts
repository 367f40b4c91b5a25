import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/domain/ports/clock.js';
import { ManualClock } from '../../helpers/manual-clock.js';
import { postSigned, restoreCommandBody, secondsFrom } from '../../helpers/signed-delivery.js';
import { type SlackHarness, startSlackHarness } from '../../helpers/slack-harness.js';

const REQUESTER = 'U0REQUESTER';
const MINUTE = 60;
let harness: SlackHarness;
const logged: { message: string; detail?: object }[] = [];

beforeAll(async () => {
  // Starting at the wall clock's time shows that the verdicts do not rest on the two clocks differing.
  harness = await startSlackHarness({
    clock: new ManualClock(systemClock.now()),
    log: (message, detail) => logged.push({ message, ...(detail ? { detail } : {}) }),
  });
});

afterAll(async () => {
  await harness.stop();
});

/** The triggers the bot opened a modal with. */
const openedWith = (triggerId: string) =>
  harness.standIn
    .callsTo('views.open')
    .filter((call) => (call.args as { trigger_id?: string }).trigger_id === triggerId);

/** Delivers `/restore` signed at `timestamp` with `version`; reports the status and whether the modal opened. */
async function deliver(offsetSeconds: number, version = 'v0') {
  const body = restoreCommandBody(harness, REQUESTER);
  const triggerId = new URLSearchParams(body).get('trigger_id') ?? '';
  const response = await postSigned(harness, body, { timestamp: secondsFrom(harness, offsetSeconds), version });
  await harness.composition.idle();
  return { status: response.status, opened: openedWith(triggerId).length };
}

describe('requests to the bot, verified as Slack specifies on the bot clock', () => {
  it('accepts a v0 signature made now, and opens the modal', async () => {
    expect(await deliver(0)).toEqual({ status: 200, opened: 1 });
  });

  it('accepts a timestamp 4 minutes in the future or the past (clock skew within 5 minutes)', async () => {
    expect(await deliver(4 * MINUTE)).toEqual({ status: 200, opened: 1 });
    expect(await deliver(-4 * MINUTE)).toEqual({ status: 200, opened: 1 });
  });

  it('refuses with 401, starting nothing, a timestamp 6 minutes or a year in the future', async () => {
    expect(await deliver(6 * MINUTE)).toEqual({ status: 401, opened: 0 });
    expect(await deliver(365 * 24 * 60 * MINUTE)).toEqual({ status: 401, opened: 0 });
  });

  it('refuses with 401 a timestamp 6 minutes old', async () => {
    expect(await deliver(-6 * MINUTE)).toEqual({ status: 401, opened: 0 });
  });

  it('refuses with 401 a v1 signature over v1:ts:body, and says why in the log', async () => {
    expect(await deliver(0, 'v1')).toEqual({ status: 401, opened: 0 });
    expect(logged.at(-1)).toEqual({
      message: 'Slack request refused: not verified',
      detail: { reason: 'the signature is not of version v0' },
    });
  });

  it('judges the timestamp on the bot clock, not the wall clock', async () => {
    // Prepare: the bot clock moves 10 minutes ahead of what the signer believes
    const signedAt = secondsFrom(harness, 0);
    harness.clock.advance(10 * MINUTE * 1000);
    const body = restoreCommandBody(harness, REQUESTER);

    // Act
    const stale = await postSigned(harness, body, { timestamp: signedAt });
    const fresh = await postSigned(harness, body, { timestamp: secondsFrom(harness, 0) });

    // Assess
    expect([stale.status, fresh.status]).toEqual([401, 200]);
  });
});
