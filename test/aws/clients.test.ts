import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeDBClustersCommand, RDSClient } from '@aws-sdk/client-rds';
import { createSimulatedAws } from '@db-restore-bot/aws-simulator';
import { describe, expect, it } from 'vitest';
import { seedDemoAccounts } from '../../dev/demo/accounts.js';
import { AwsClientFactory, type AwsEnvironment, readOnly } from '../../src/aws/clients.js';
import { systemClock } from '../../src/domain/ports/clock.js';
import { ManualClock } from '../helpers/manual-clock.js';

const acceptance: AwsEnvironment = {
  name: 'acceptance',
  accountId: '222222222222',
  region: 'eu-west-1',
  roleArn: 'arn:aws:iam::222222222222:role/restore-bot',
};

function factoryOnSimulatedAccount() {
  const clock = new ManualClock();
  const sim = createSimulatedAws({ clock });
  seedDemoAccounts(sim);
  const clients = new AwsClientFactory({
    clock,
    pluginsFor: (environment, credentials) => [sim.plugin(environment, { credentials })],
  });
  return { sim, clients };
}

describe('AwsClientFactory', () => {
  it('builds one client per client class and environment, in its region, with adaptive retries', async () => {
    const { clients } = factoryOnSimulatedAccount();
    const rds = clients.client(RDSClient, acceptance);
    expect(clients.client(RDSClient, acceptance)).toBe(rds);
    expect(clients.client(RDSClient, { ...acceptance, name: 'other', region: 'us-west-2' })).not.toBe(rds);
    expect(await rds.config.region()).toBe('eu-west-1');
    expect(rds.config.retryMode).toBe('adaptive');
  });

  it('assumes the environment role once through STS and shares it between clients', async () => {
    const { sim, clients } = factoryOnSimulatedAccount();
    await clients.client(RDSClient, acceptance).send(new DescribeDBClustersCommand({}));
    await clients.client(DynamoDBClient, acceptance).send(new DescribeTableCommand({ TableName: 'carts-acc' }));
    const assumed = sim.callsOf('AssumeRole', 'STS');
    expect(assumed).toHaveLength(1);
    expect(assumed[0]?.input).toMatchObject({ RoleArn: acceptance.roleArn, RoleSessionName: 'db-restore-bot' });
  });

  it("assumes the environment's read-only twin for the read-only side of the bot", async () => {
    const { sim, clients } = factoryOnSimulatedAccount();
    await clients.client(RDSClient, readOnly(acceptance)).send(new DescribeDBClustersCommand({}));
    expect(sim.callsOf('AssumeRole', 'STS').map((call) => (call.input as { RoleArn?: string }).RoleArn)).toEqual([
      'arn:aws:iam::222222222222:role/restore-bot-reader',
    ]);
    // An environment in the bot's own account has no role to swap.
    const own: AwsEnvironment = { name: 'own', accountId: '333333333333', region: 'eu-west-1' };
    expect(readOnly(own)).toEqual(own);
  });

  it('surfaces a role the account does not let the bot assume', async () => {
    const { clients } = factoryOnSimulatedAccount();
    const stranger = { ...acceptance, name: 'stranger', roleArn: 'arn:aws:iam::222222222222:role/not-the-bot' };
    await expect(clients.client(RDSClient, stranger).send(new DescribeDBClustersCommand({}))).rejects.toThrow(
      /not authorized|AccessDenied/i,
    );
  });

  it('leaves endpoint resolution to the SDK, so AWS_ENDPOINT_URL redirects every client', async () => {
    const seen: string[] = [];
    const server = createServer((request, response) => {
      seen.push(`${request.method} ${request.headers.host}`);
      response.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    });
    try {
      const client = new AwsClientFactory({ clock: systemClock, maxAttempts: 1 }).client(RDSClient, {
        name: 'local',
        accountId: '000000000000',
        region: 'eu-west-1',
      });
      await client.send(new DescribeDBClustersCommand({})).catch(() => undefined);
      expect(seen).toEqual([`POST 127.0.0.1:${(server.address() as AddressInfo).port}`]);
    } finally {
      process.env = saved;
      server.close();
    }
  });
});
