// `npm run package` (the build, then `osls package`) fully offline (dummy credentials, every non-loopback
// lookup or connection refused and recorded), then checks on the CloudFormation template it compiles.
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  type ServiceInputTypes,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedDynamoDb, startEmbeddedDynamoDb } from '../../dev/embedded-dynamodb.js';
import { readerRoleArn } from '../../src/aws/clients.js';
import { loadPolicy } from '../../src/config/policy.js';
import { systemClock } from '../../src/domain/ports/clock.js';
import { ensureJobTable } from '../../src/jobs/job-table.js';
import { ACTIVE_JOBS_INDEX, RECENT_JOBS_INDEX } from '../../src/jobs/table/keys.js';
import type { TickReport } from '../../src/jobs/worker.js';
import { cfnLintErrors } from './helpers/cfn-lint.js';
import {
  actionsOf,
  allowedActions,
  attachedStatements,
  cfn,
  leastPrivilegeViolations,
  loadCloudFormationYaml,
  loadJsonTemplate,
  resourcesOf,
  type Template,
} from './helpers/cloudformation.js';
import { sdkActionsUnder } from './helpers/driver-calls.js';
import { invokeBundle, type StandIns, startStandIns } from './helpers/run-bundle.js';
import { zipEntries } from './helpers/zip-entries.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEMPLATE = join(ROOT, '.serverless', 'cloudformation-template-update-stack.json');
const STAGE = 'ci';
const REGION = 'eu-west-1';
const FUNCTIONS = { slack: 'SlackLambdaFunction', worker: 'WorkerLambdaFunction' } as const;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 90_000 });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${output}`);
  return output;
}

/** The input `ensureJobTable` gives CreateTable: the table as local runs and tests create it. */
async function localJobTable(): Promise<CreateTableCommandInput> {
  let created: CreateTableCommandInput | undefined;
  const client = {
    send: async (command: { input: ServiceInputTypes }) => {
      if (command instanceof DescribeTableCommand) {
        if (!created) throw Object.assign(new Error('not found'), { name: 'ResourceNotFoundException' });
        return { Table: { TableStatus: 'ACTIVE' } };
      }
      created = command.input as CreateTableCommandInput;
      return {};
    },
  } as unknown as DynamoDBClient;
  await ensureJobTable(client, 'jobs');
  if (!created) throw new Error('ensureJobTable created no table');
  return created;
}

describe('serverless.yml, packaged by osls', () => {
  let template: Template;
  const networkLog = join(mkdtempSync(join(tmpdir(), 'osls-offline-')), 'network.log');

  beforeAll(() => {
    rmSync(join(ROOT, '.serverless'), { recursive: true, force: true });
    const { AWS_PROFILE: _profile, AWS_SESSION_TOKEN: _token, ...inherited } = process.env;
    // The README's one command: it builds dist/ (bundles and policy), then runs `osls package` with the rest.
    run('npm', ['run', 'package', '--', '--stage', STAGE, '--region', REGION], {
      ...inherited,
      AWS_ACCESS_KEY_ID: 'dummy',
      AWS_SECRET_ACCESS_KEY: 'dummy',
      AWS_EC2_METADATA_DISABLED: 'true',
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
      npm_config_update_notifier: 'false',
      NODE_OPTIONS: `--require ${fileURLToPath(new URL('./helpers/deny-network.cjs', import.meta.url))}`,
      DENY_NETWORK_LOG: networkLog,
    });
    template = loadJsonTemplate(TEMPLATE);
  }, 120_000);

  it('packages without any network beyond loopback', () => {
    let attempts = '';
    try {
      attempts = readFileSync(networkLog, 'utf8');
    } catch {
      // No log: nothing was attempted.
    }
    expect(attempts).toBe('');
  });

  it('has no wildcard action, and modifies or deletes only databases tagged restore-bot:managed=true', () => {
    expect(leastPrivilegeViolations(attachedStatements(template))).toEqual([]);
  });

  it('gives each function a role of its own, named as the target-account role trusts it', () => {
    const roles = Object.values(FUNCTIONS).map((id) => template.Resources[id]?.Properties?.Role);
    expect(roles).toEqual([{ 'Fn::GetAtt': ['SlackRole', 'Arn'] }, { 'Fn::GetAtt': ['WorkerRole', 'Arn'] }]);
    expect(template.Resources.SlackRole?.Properties?.RoleName).toBe(`db-restore-bot-${STAGE}-${REGION}-slack`);
    expect(template.Resources.WorkerRole?.Properties?.RoleName).toBe(`db-restore-bot-${STAGE}-${REGION}-worker`);
    expect(Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::IAM::Role')).toHaveLength(2);
  });

  it("lets the worker assume exactly the policy's roles, and the Slack function only their read-only twins", async () => {
    const policy = await loadPolicy(join(ROOT, 'policy.example.yml'));
    const roleArns = [
      ...new Set(Object.values(policy.environments).flatMap((environment) => environment.roleArn ?? [])),
    ].sort();
    const assume = attachedStatements(template).filter(({ statement }) =>
      actionsOf(statement).includes('sts:AssumeRole'),
    );
    expect(
      assume.map(({ roles, statement }) => [roles, resourcesOf(statement).sort()]).sort((a, b) => (a < b ? -1 : 1)),
    ).toEqual([
      [['SlackRole'], roleArns.map(readerRoleArn)],
      [['WorkerRole'], roleArns],
    ]);
  });

  it('lets the Slack function kick the worker and nothing else, and tells it the worker by name', () => {
    const invoke = attachedStatements(template).filter(({ statement }) =>
      actionsOf(statement).some((action) => action.startsWith('lambda:')),
    );
    expect(invoke.map(({ roles, statement }) => [roles, actionsOf(statement), resourcesOf(statement)])).toEqual([
      [
        ['SlackRole'],
        ['lambda:InvokeFunction'],
        [
          `arn:${cfn('AWS::Partition')}:lambda:${cfn('AWS::Region')}:${cfn('AWS::AccountId')}:function:db-restore-bot-${STAGE}-worker`,
        ],
      ],
    ]);
    const slack = template.Resources.SlackLambdaFunction?.Properties as { Environment: { Variables: object } };
    expect(slack.Environment.Variables).toMatchObject({ WORKER_FUNCTION_NAME: `db-restore-bot-${STAGE}-worker` });
    expect(template.Resources.WorkerLambdaFunction?.Properties?.FunctionName).toBe(`db-restore-bot-${STAGE}-worker`);
  });

  it('reads the Slack secrets from SSM by name, with decryption only through SSM; the worker the token alone', () => {
    const parameterArn = (name: string) =>
      `arn:${cfn('AWS::Partition')}:ssm:${cfn('AWS::Region')}:${cfn('AWS::AccountId')}:parameter/db-restore-bot/${STAGE}/${name}`;
    const statements = attachedStatements(template);
    const environmentOf = (functionId: string) =>
      (template.Resources[functionId]?.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)
        ?.Variables ?? {};
    const secretsOf = (role: string) => ({
      variables: Object.keys(environmentOf(role === 'SlackRole' ? FUNCTIONS.slack : FUNCTIONS.worker)).filter((name) =>
        name.startsWith('SLACK_'),
      ),
      readable: statements
        .filter((s) => s.roles.includes(role) && actionsOf(s.statement).includes('ssm:GetParameter'))
        .flatMap(({ statement }) => resourcesOf(statement)),
      decryptable: statements
        .filter((s) => s.roles.includes(role) && actionsOf(s.statement).includes('kms:Decrypt'))
        // The database policies decrypt through RDS and DynamoDB; these are the secrets' statements.
        .filter(({ statement }) => JSON.stringify(statement.Condition ?? {}).includes('ssm.'))
        .map(({ statement }) => [
          statement.Condition?.StringEquals?.['kms:ViaService'],
          statement.Condition?.StringEquals?.['kms:EncryptionContext:PARAMETER_ARN'],
        ]),
    });
    const token = parameterArn('slack-bot-token');
    const secret = parameterArn('slack-signing-secret');
    const sub = (text: string) => ({ 'Fn::Sub': text });
    const viaSsm = sub(`ssm.${cfn('AWS::Region')}.amazonaws.com`);

    expect(secretsOf('SlackRole')).toEqual({
      variables: ['SLACK_BOT_TOKEN_PARAMETER', 'SLACK_SIGNING_SECRET_PARAMETER'],
      readable: [token, secret],
      decryptable: [[viaSsm, [sub(token), sub(secret)]]],
    });
    expect(secretsOf('WorkerRole')).toEqual({
      variables: ['SLACK_BOT_TOKEN_PARAMETER'],
      readable: [token],
      decryptable: [[viaSsm, sub(token)]],
    });
  });

  it('keeps jobs in a table keyed as src/jobs/job-table.ts creates it, with PITR, SSE and TTL on expiresAt', async () => {
    const table = template.Resources.JobsTable?.Properties ?? {};
    const local = await localJobTable();
    expect(table).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    expect(table.KeySchema).toEqual(local.KeySchema);
    expect(table.AttributeDefinitions).toEqual(local.AttributeDefinitions);
    expect(table.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
  });

  it('lets both functions make exactly the job store calls, on the table and its indexes only', () => {
    const storeCalls = sdkActionsUnder(new URL('../../src/jobs/', import.meta.url));
    for (const role of ['SlackRole', 'WorkerRole']) {
      const onTable = attachedStatements(template).filter(
        ({ roles, statement }) =>
          roles.includes(role) && resourcesOf(statement).some((resource) => resource.includes('JobsTable')),
      );
      expect(new Set(onTable.flatMap(({ statement }) => actionsOf(statement)))).toEqual(
        new Set(
          [...storeCalls].filter((action) => action !== 'dynamodb:CreateTable' && action !== 'dynamodb:DescribeTable'),
        ),
      );
      for (const { statement } of onTable) {
        expect(resourcesOf(statement)).toEqual(
          actionsOf(statement).includes('dynamodb:Query')
            ? [ACTIVE_JOBS_INDEX, RECENT_JOBS_INDEX].map((index) => `${cfn('JobsTable.Arn')}/index/${index}`)
            : ['GetAtt:JobsTable.Arn'],
        );
      }
    }
  });

  it('runs both functions on nodejs24.x, arm64, with log groups that expire', () => {
    for (const id of Object.values(FUNCTIONS)) {
      expect(template.Resources[id]?.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
    }
    const logGroups = Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::Logs::LogGroup');
    expect(logGroups).toHaveLength(2);
    for (const group of logGroups) expect(group.Properties?.RetentionInDays).toBeGreaterThan(0);
  });

  it("gives the bot's own account the target-account role's documents, each only when the policy needs it", () => {
    const target = loadCloudFormationYaml(join(ROOT, 'infra', 'target-account-role.yml'));
    const pairs = {
      BotAccountDatabaseReadPolicy: 'DatabaseReadPolicy',
      BotAccountDatabaseRestorePolicy: 'DatabaseRestorePolicy',
      BotAccountDeleteManagedPolicy: 'DeleteManagedPolicy',
    };
    for (const [own, shared] of Object.entries(pairs)) {
      expect(template.Resources[own]?.Properties?.PolicyDocument).toEqual(
        target.Resources[shared]?.Properties?.PolicyDocument,
      );
      expect(template.Resources[own]?.Condition).toBeDefined();
    }
    // policy.example.yml names a role for every environment: none of them is created.
    expect(template.Conditions).toMatchObject({
      AssumesRoles: { 'Fn::Equals': ['true', 'true'] },
      DatabasesInBotAccount: { 'Fn::Equals': ['false', 'true'] },
      DeletesInBotAccount: { 'Fn::Equals': ['false', 'true'] },
      RefreshesParametersInBotAccount: { 'Fn::Equals': ['false', 'true'] },
      RefreshesPipelinesInBotAccount: { 'Fn::Equals': ['false', 'true'] },
    });
    // A refresh in the bot's own account gets the actions the target-account role grants for it, and only those.
    for (const [own, shared] of [
      ['BotAccountRefreshParametersPolicy', 'RefreshParametersPolicy'],
      ['BotAccountRefreshPipelinesPolicy', 'RefreshPipelinesPolicy'],
    ] as const) {
      const actions = (resources: Template['Resources'], name: string) =>
        (
          resources[name]?.Properties?.PolicyDocument as { Statement?: { Action: string[] }[] } | undefined
        )?.Statement?.map((statement) => statement.Action);
      expect(actions(template.Resources, own)).toHaveLength(1);
      expect(actions(template.Resources, own)).toEqual(actions(target.Resources, shared));
      expect(template.Resources[own]?.Properties?.Roles).toEqual([{ Ref: 'WorkerRole' }]);
    }
    const worker = allowedActions(attachedStatements(template).filter(({ roles }) => roles.includes('WorkerRole')));
    const slack = allowedActions(attachedStatements(template).filter(({ roles }) => roles.includes('SlackRole')));
    const drivers = sdkActionsUnder(new URL('../../src/drivers/', import.meta.url));
    expect([...drivers].filter((action) => !worker.has(action))).toEqual([]);
    expect(
      [...slack].filter((action) =>
        /^rds:(Restore|Create|Copy|Modify|Delete)|^dynamodb:(Restore|DeleteTable$)/.test(action),
      ),
    ).toEqual([]);
  });

  it('ships each function its own bundle and the policy, nothing else', () => {
    for (const name of Object.keys(FUNCTIONS)) {
      const entries = zipEntries(join(ROOT, '.serverless', `${name}.zip`));
      expect(entries).toContain(`dist/${name}/index.mjs`);
      expect(entries).toContain('dist/policy.json');
      expect(entries.filter((entry) => entry !== 'dist/policy.json' && !entry.startsWith(`dist/${name}/`))).toEqual([]);
    }
  });

  it('bundles the product alone: no tool package, no local-run code, and no module of its own stubbed out', () => {
    for (const name of Object.keys(FUNCTIONS)) {
      const { inputs } = JSON.parse(readFileSync(join(ROOT, 'dist', 'meta', `${name}.json`), 'utf8')) as {
        inputs: Record<string, { imports: { path: string; original?: string }[] }>;
      };
      const ours = Object.keys(inputs).filter((input) => !input.startsWith('node_modules/') && !input.includes(':'));
      expect(ours.filter((input) => !input.startsWith('src/'))).toEqual([]);
      // A stub stands in for third-party code only: one of ours replaced by path would hide what the product imports.
      const stubbedOfOurs = ours.flatMap((input) =>
        inputs[input]?.imports
          .filter((imported) => imported.path.startsWith('lambda-stub:') && imported.original?.startsWith('.'))
          .map((imported) => `${input} -> ${imported.original}`),
      );
      expect(stubbedOfOurs).toEqual([]);
    }
  });

  it('imports each bundle without starting anything (no composition, no environment needed)', () => {
    for (const name of Object.keys(FUNCTIONS)) {
      const script = `await import(${JSON.stringify(join(ROOT, 'dist', name, 'index.mjs'))}); console.log('ok')`;
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        env: { PATH: process.env.PATH },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(`${result.stdout}${result.stderr}`.trim()).toBe('ok');
    }
  });

  describe('the built bundles, run as Lambda runs them (on loopback stand-ins)', () => {
    const tokenParameter = `/db-restore-bot/${STAGE}/slack-bot-token`;
    const secretParameter = `/db-restore-bot/${STAGE}/slack-signing-secret`;
    let standIns: StandIns;
    let dynamo: EmbeddedDynamoDb;
    /** The environment serverless.yml gives both functions, pointed at the stand-ins. */
    let lambdaEnv: Record<string, string>;

    beforeAll(async () => {
      standIns = await startStandIns({ [tokenParameter]: 'xoxb-from-ssm', [secretParameter]: 'secret-from-ssm' });
      dynamo = await startEmbeddedDynamoDb();
      await ensureJobTable(dynamo.client, 'jobs');
      lambdaEnv = {
        NODE_ENV: 'production',
        POLICY_FILE: 'dist/policy.json',
        JOBS_TABLE: 'jobs',
        SLACK_BOT_TOKEN_PARAMETER: tokenParameter,
        SLACK_SIGNING_SECRET_PARAMETER: secretParameter,
        SLACK_API_URL: `${standIns.url}/api/`,
        AWS_REGION: REGION,
        AWS_ACCESS_KEY_ID: 'dummy',
        AWS_SECRET_ACCESS_KEY: 'dummy',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_ENDPOINT_URL_SSM: standIns.url,
        AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      };
    });

    afterAll(async () => {
      standIns.close();
      await dynamo.close();
    });

    it('serves /healthz and Slack requests, verified with the signing secret read from SSM', async () => {
      // Prepare: HTTP API (payload 2.0) events; a url_verification signed as Slack signs, and a forged one.
      const timestamp = String(Math.floor(systemClock.now().getTime() / 1000));
      const body = JSON.stringify({ type: 'url_verification', challenge: 'from-the-bundle', token: 'x' });
      const sign = (version: string, at: string) =>
        `${version}=${createHmac('sha256', 'secret-from-ssm').update(`${version}:${at}:${body}`).digest('hex')}`;
      const signature = sign('v0', timestamp);
      // Signed correctly but refused by Slack's rules: 6 minutes ahead, and a version other than v0.
      const aheadBy6Minutes = String(Number(timestamp) + 360);
      const event = (method: string, path: string, headers: Record<string, string> = {}, payload?: string) => ({
        version: '2.0',
        routeKey: `${method} ${path}`,
        rawPath: path,
        rawQueryString: '',
        headers,
        requestContext: { http: { method, path, sourceIp: '127.0.0.1' }, requestId: 'r', stage: '$default' },
        isBase64Encoded: false,
        ...(payload ? { body: payload } : {}),
      });
      const slackHeaders = (sig: string, at = timestamp) => ({
        'content-type': 'application/json',
        'x-slack-request-timestamp': at,
        'x-slack-signature': sig,
      });

      // Act
      const run = await invokeBundle<{ statusCode: number; body: string }>(
        ROOT,
        'slack',
        [
          event('GET', '/healthz'),
          event('POST', '/slack/events', slackHeaders(signature), body),
          event('POST', '/slack/events', slackHeaders('v0=forged'), body),
          event('POST', '/slack/events', slackHeaders(sign('v0', aheadBy6Minutes), aheadBy6Minutes), body),
          event('POST', '/slack/events', slackHeaders(sign('v1', timestamp)), body),
        ],
        { ...lambdaEnv, WORKER_FUNCTION_NAME: `db-restore-bot-${STAGE}-worker` },
      );

      // Assess
      expect(run.code, run.output).toBe(0);
      expect(run.results.map(({ statusCode }) => statusCode)).toEqual([200, 200, 401, 401, 401]);
      expect(JSON.parse(run.results[0]?.body ?? '{}')).toEqual({ ok: true });
      expect(JSON.parse(run.results[1]?.body ?? '{}')).toEqual({ challenge: 'from-the-bundle' });
      expect(standIns.requested.map(({ target, name, decrypt }) => `${target} ${name} ${decrypt}`).sort()).toEqual([
        `AmazonSSM.GetParameter ${tokenParameter} true`,
        `AmazonSSM.GetParameter ${secretParameter} true`,
      ]);
    }, 30_000);

    it('ticks over the job table from a scheduled event', async () => {
      // Act: what EventBridge's rate(1 minute) rule sends.
      const run = await invokeBundle<TickReport>(
        ROOT,
        'worker',
        [{ version: '0', 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} }],
        lambdaEnv,
      );

      // Assess
      expect(run.code, run.output).toBe(0);
      expect(run.results).toEqual([{ active: 0, checked: 0, acted: 0, changed: 0, errors: [] }]);
    }, 30_000);

    it('refuses to tick without the bot token, rather than run restores nobody sees', async () => {
      // Act
      const { SLACK_BOT_TOKEN_PARAMETER: _token, ...withoutToken } = lambdaEnv;
      const run = await invokeBundle<TickReport>(ROOT, 'worker', [{ source: 'aws.events' }], withoutToken);

      // Assess
      expect(run.code).not.toBe(0);
      expect(run.output).toContain('the worker needs the bot token to post job cards');
    }, 30_000);
  });

  it('keeps the build outputs out of git', () => {
    const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['dist/', '.serverless/']));
  });

  it('passes cfn-lint when it is installed', () => {
    // W3005: DependsOn the framework adds beside a GetAtt. W8003: the Conditions compare values the
    // policy fixed at package time; that they are constant is the point.
    expect(cfnLintErrors([TEMPLATE], ['W3005', 'W8003'])).toEqual([]);
  }, 120_000);
});
