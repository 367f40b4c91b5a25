import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../dev/demo/accounts.js';
import type { StsSimulation } from '../../../packages/aws-simulator/src/sts/index.js';
import { createHarness, failure, type Harness, NOV_20_NOON } from './simulated-harness.js';

const production = DEMO_ACCOUNTS.production;
const ROLE = 'arn:aws:iam::222222222222:role/restore-bot';

describe('simulated STS', () => {
  let harness: Harness;
  let sts: StsSimulation;
  let client: STSClient;
  const assume = (DurationSeconds?: number, RoleArn = ROLE) =>
    client.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: 'restore-job-42', DurationSeconds }));

  beforeEach(() => {
    harness = createHarness(NOV_20_NOON);
    sts = harness.sim.sts;
    client = harness.plug(new STSClient({ region: production.region }), production);
  });

  it('denies a role that was not registered', async () => {
    // Act
    const error = await failure(assume());

    // Assess
    expect(error).toBeInstanceOf(STSServiceException);
    expect((error as Error).name).toBe('AccessDenied');
    expect((error as Error).message).toContain(`not authorized to perform: sts:AssumeRole on resource: ${ROLE}`);
    expect(harness.sim.callsOf('AssumeRole', 'STS')[0]).toMatchObject({
      input: { RoleArn: ROLE },
      outcome: 'AccessDenied',
    });
  });

  it('returns temporary credentials that expire after DurationSeconds, one hour by default', async () => {
    // Prepare
    sts.allowRole(ROLE);

    // Act
    const byDefault = await assume();
    const short = await assume(900);

    // Assess
    expect(byDefault.Credentials?.Expiration).toEqual(new Date('2026-11-20T13:00:00Z'));
    expect(byDefault.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(byDefault.Credentials?.SecretAccessKey).toBeTruthy();
    expect(byDefault.Credentials?.SessionToken).toBeTruthy();
    expect(byDefault.AssumedRoleUser).toMatchObject({
      Arn: 'arn:aws:sts::222222222222:assumed-role/restore-bot/restore-job-42',
      AssumedRoleId: expect.stringMatching(/^AROA[A-Z2-7]{16}:restore-job-42$/),
    });
    expect(short.Credentials?.Expiration).toEqual(new Date('2026-11-20T12:15:00Z'));
    expect(short.Credentials?.AccessKeyId).not.toBe(byDefault.Credentials?.AccessKeyId);
  });

  it("refuses a duration beyond the role's maximum, and a malformed role ARN", async () => {
    // Prepare
    sts.allowRole(ROLE);

    // Act
    const tooLong = await failure(assume(7200));
    const malformed = await failure(assume(undefined, 'restore-bot'));

    // Assess
    expect((tooLong as Error).name).toBe('ValidationError');
    expect((tooLong as Error).message).toContain('MaxSessionDuration');
    expect((malformed as Error).name).toBe('ValidationError');
  });

  it('requires the external id a role was registered with', async () => {
    // Prepare
    sts.allowRole(ROLE, { externalId: 'restore-bot-prod' });

    // Act
    const without = await failure(assume());
    const withId = await client.send(
      new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'job', ExternalId: 'restore-bot-prod' }),
    );

    // Assess
    expect((without as Error).name).toBe('AccessDenied');
    expect(withId.Credentials).toBeDefined();
  });

  it("tells the caller the account of the client's target", async () => {
    // Prepare
    const acceptance = harness.plug(
      new STSClient({ region: DEMO_ACCOUNTS.acceptance.region }),
      DEMO_ACCOUNTS.acceptance,
    );

    // Act
    const fromProduction = await client.send(new GetCallerIdentityCommand({}));
    const fromAcceptance = await acceptance.send(new GetCallerIdentityCommand({}));

    // Assess
    expect(fromProduction.Account).toBe('111111111111');
    expect(fromAcceptance.Account).toBe('222222222222');
  });
});
