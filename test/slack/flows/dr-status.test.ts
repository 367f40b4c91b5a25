import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, type SlackHarness, startSlackHarness } from '../../helpers/slack-harness.js';

let harness: SlackHarness;

beforeAll(async () => {
  harness = await startSlackHarness();
});

afterAll(async () => {
  await harness.stop();
});

/** The readiness line of `identifier` in the answer. */
function lineOf(text: string, identifier: string): string {
  const line = text.split('\n').find((candidate) => candidate.includes(`\`${identifier}\``));
  if (!line) throw new Error(`no line for ${identifier} in:\n${text}`);
  return line;
}

describe('/restore dr status over signed HTTP, on the demo account', () => {
  it('shows each database’s DR path and RPO now, and warns where there is no path or the RPO is missed', async () => {
    // Act
    const answer = await harness.standIn.slashCommand({
      user: 'U0ONCALL',
      channel: CHANNEL,
      command: '/restore',
      text: 'dr status',
    });

    // Assess
    expect(answer.status).toBe(200);
    const body = answer.body as { response_type: string; text: string; blocks: { text?: { text: string } }[] };
    expect(body.response_type).toBe('ephemeral');
    const text = body.blocks.map((block) => block.text?.text ?? '').join('\n');
    expect(text).toContain('*production* → *production-dr* (us-west-2) · objectives RPO 5m, RTO 4h');
    expect(lineOf(text, 'orders-db')).toMatch(
      /^:white_check_mark: .*replicated automated backups · newest point .* · RPO now 5 min/,
    );
    expect(lineOf(text, 'billing-db')).toMatch(
      /^:warning: .*billing-db cannot be recovered in us-west-2: no automated backups replicated there and no snapshot copies/,
    );
    expect(lineOf(text, 'orders')).toMatch(
      /^:warning: .*cross-Region snapshot copy · .*its RPO is up to the copy interval \(1d\)/,
    );
    expect(text).toMatch(/more than the RPO of 5m/);
    expect(lineOf(text, 'inventory')).toMatch(/^:white_check_mark: .*global database failover · .*RPO now seconds/);
    expect(lineOf(text, 'catalog')).toMatch(/^:warning: .*cross-Region snapshot copy/);
    expect(lineOf(text, 'carts')).toMatch(/^:white_check_mark: .*global table replica \(switch only\)/);
    expect(lineOf(text, 'orders-events')).toMatch(
      /^:white_check_mark: .*cross-Region point-in-time restore · .*RPO now 5 min/,
    );
    expect(body.text).toBe('DR readiness: 3 databases need attention');
    expect(text).toMatch(
      /\*Scheduled drills\*\n• \*quarterly-catalog-drill\* next <!date\^\d+\^.*> in <#C0INCORDERS>: `catalog`/,
    );
    // Reads only: nothing in either Region was changed to answer.
    const writes = harness.sim.calls.filter(
      (call) => !/^(Describe|List|Get)/.test(call.operation) && call.operation !== 'AssumeRole',
    );
    expect(writes).toEqual([]);
  });

  it('tells a typo in the kind what it may have meant', async () => {
    // Act
    const answer = await harness.standIn.slashCommand({
      user: 'U0ONCALL',
      channel: CHANNEL,
      command: '/restore',
      text: 'dr auroa orders',
    });

    // Assess
    expect(JSON.stringify(answer.body)).toContain('\\"auroa\\" is not a kind: did you mean aurora?');
  });
});
