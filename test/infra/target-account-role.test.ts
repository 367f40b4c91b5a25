import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cfnLintErrors } from './helpers/cfn-lint.js';
import {
  actionsOf,
  allowedActions,
  attachedStatements,
  cfn,
  leastPrivilegeViolations,
  loadCloudFormationYaml,
  requiresManagedResource,
  resourcesOf,
} from './helpers/cloudformation.js';
import { sdkActionsUnder } from './helpers/driver-calls.js';

const TEMPLATE = new URL('../../infra/target-account-role.yml', import.meta.url);

/**
 * Allowed although no driver calls them: what AWS authorizes on the caller behind a driver's
 * call. Anything else in the template must be a call the drivers make.
 */
const NEEDED_BEHIND_CALLS: Record<string, string> = {
  'dynamodb:PutItem': 'restores write the new table (RestoreTableToPointInTime / FromBackup)',
  'dynamodb:UpdateItem': 'restores write the new table',
  'dynamodb:DeleteItem': 'restores write the new table',
  'dynamodb:GetItem': 'restores read the new table',
  'dynamodb:Query': 'restores read the new table',
  'dynamodb:Scan': 'restores read the new table',
  'dynamodb:BatchWriteItem': 'restores write the new table',
  'cloudwatch:PutMetricAlarm': "Application Auto Scaling's target tracking creates alarms as the caller",
  'cloudwatch:DeleteAlarms': "Application Auto Scaling's target tracking replaces alarms as the caller",
  'cloudwatch:DescribeAlarms': 'Application Auto Scaling reads its alarms as the caller',
  'iam:CreateServiceLinkedRole': "Application Auto Scaling's DynamoDB role, created on first use",
  'rds:CreateDBSnapshot': 'DeleteDBInstance with a final snapshot is authorized as a snapshot creation too',
  'rds:CreateDBClusterSnapshot': 'DeleteDBCluster with a final snapshot is authorized as a snapshot creation too',
  'kms:DescribeKey': 'encrypted restores and copies with a customer managed key',
  'kms:Decrypt': 'encrypted restores and copies with a customer managed key',
  'kms:GenerateDataKey': 'encrypted restores and copies with a customer managed key',
  'kms:CreateGrant': 'RDS and DynamoDB keep grants on the key of what they restore',
};

describe('infra/target-account-role.yml', () => {
  const template = loadCloudFormationYaml(TEMPLATE);
  const statements = attachedStatements(template);

  it('has no wildcard action, and modifies or deletes only databases tagged restore-bot:managed=true', () => {
    expect(leastPrivilegeViolations(statements)).toEqual([]);
    const destructive = statements.filter(({ statement }) =>
      actionsOf(statement).some((action) => /^rds:(Modify|Delete)DB|^dynamodb:DeleteTable$/.test(action)),
    );
    expect(destructive.filter(({ statement }) => requiresManagedResource(statement)).length).toBeGreaterThanOrEqual(3);
  });

  it('allows every AWS call the drivers, the refresh and DR make, and nothing else beyond what AWS needs behind them', () => {
    const driverCalls = new Set([
      ...sdkActionsUnder(new URL('../../src/drivers/', import.meta.url)),
      ...sdkActionsUnder(new URL('../../src/aws/refresh/', import.meta.url)),
      ...sdkActionsUnder(new URL('../../src/aws/dr/', import.meta.url)),
    ]);
    const allowed = allowedActions(statements);

    expect([...driverCalls].filter((action) => !allowed.has(action))).toEqual([]);
    expect([...allowed].filter((action) => !driverCalls.has(action) && !(action in NEEDED_BEHIND_CALLS))).toEqual([]);
  });

  it("is assumable by the worker's role alone, and its read-only twin by the Slack function's alone", () => {
    const trustOf = (role: string) =>
      (template.Resources[role]?.Properties?.AssumeRolePolicyDocument as { Statement?: Record<string, unknown>[] })
        ?.Statement;
    const trusting = (botFunction: string) => [
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { AWS: { 'Fn::Sub': `arn:${cfn('AWS::Partition')}:iam::${cfn('BotAccountId')}:root` } },
        Condition: {
          ArnEquals: {
            'aws:PrincipalArn': {
              'Fn::Sub': `arn:${cfn('AWS::Partition')}:iam::${cfn('BotAccountId')}:role/db-restore-bot-${cfn('BotStage')}-${cfn('BotRegion')}-${botFunction}`,
            },
          },
        },
      },
    ];
    expect(trustOf('RestoreBotRole')).toEqual(trusting('worker'));
    expect(trustOf('ReaderRole')).toEqual(trusting('slack'));
    expect(template.Resources.ReaderRole?.Properties?.RoleName).toEqual({ 'Fn::Sub': `${cfn('RoleName')}-reader` });
  });

  it('attaches every policy to the role, deletes only when the account allows it', () => {
    const policies = Object.entries(template.Resources).filter(([, resource]) => resource.Type === 'AWS::IAM::Policy');
    expect(policies.map(([id]) => id).sort()).toEqual([
      'DatabaseReadPolicy',
      'DatabaseRestorePolicy',
      'DeleteManagedPolicy',
      'DrFailoverPolicy',
      'DrSwitchParametersPolicy',
      'DrSwitchRecordsPolicy',
      'ProtectedResourcesPolicy',
      'RefreshParametersPolicy',
      'RefreshPipelinesPolicy',
    ]);
    // The reader gets the describe and list permissions only.
    const rolesOf = Object.fromEntries(policies.map(([id, policy]) => [id, policy.Properties?.Roles]));
    expect(rolesOf).toEqual({
      DatabaseReadPolicy: [{ Ref: 'RestoreBotRole' }, { Ref: 'ReaderRole' }],
      DatabaseRestorePolicy: [{ Ref: 'RestoreBotRole' }],
      DeleteManagedPolicy: [{ Ref: 'RestoreBotRole' }],
      DrFailoverPolicy: [{ Ref: 'RestoreBotRole' }],
      DrSwitchParametersPolicy: [{ Ref: 'RestoreBotRole' }],
      DrSwitchRecordsPolicy: [{ Ref: 'RestoreBotRole' }],
      ProtectedResourcesPolicy: [{ Ref: 'RestoreBotRole' }],
      RefreshParametersPolicy: [{ Ref: 'RestoreBotRole' }],
      RefreshPipelinesPolicy: [{ Ref: 'RestoreBotRole' }],
    });
    const readActions = statements
      .filter(({ policy }) => policy === 'DatabaseReadPolicy')
      .flatMap(({ statement }) => actionsOf(statement));
    expect(readActions).toContain('rds:DescribeDBInstances');
    expect(readActions.filter((action) => !/:(Describe|List|Get)/.test(action))).toEqual([]);
    const deletes = statements.filter(
      ({ statement }) =>
        statement.Effect === 'Allow' && actionsOf(statement).some((action) => /Delete(DB|Table)/.test(action)),
    );
    expect(new Set(deletes.map(({ policy }) => policy))).toEqual(new Set(['DeleteManagedPolicy']));
    expect(template.Resources.DeleteManagedPolicy?.Condition).toBe('DeleteManaged');
  });

  it('denies every change it allows to databases their owners tagged restore-bot:protected=true', () => {
    const deniedWhenProtected = new Set(
      statements
        .filter(
          ({ statement }) =>
            statement.Effect === 'Deny' &&
            statement.Condition?.StringEquals?.['aws:ResourceTag/restore-bot:protected'] === 'true',
        )
        .flatMap(({ statement }) => actionsOf(statement)),
    );
    const changes = [...allowedActions(statements)].filter((action) =>
      /^rds:(AddTags|Modify|Delete)|^dynamodb:(TagResource|Update|Delete|Put|BatchWrite)/.test(action),
    );
    expect(changes).toContain('rds:DeleteDBCluster');
    expect(changes.filter((action) => !deniedWhenProtected.has(action))).toEqual([]);
  });

  it('scopes data-plane and settings writes to tables of its own account', () => {
    const tableWrites = statements.filter(({ statement }) =>
      actionsOf(statement).some((action) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(action)),
    );
    for (const { statement } of tableWrites) {
      expect(resourcesOf(statement)).toEqual([
        `arn:${cfn('AWS::Partition')}:dynamodb:*:${cfn('AWS::AccountId')}:table/*`,
      ]);
    }
  });

  it('the check itself catches wildcards, untagged deletes and unmarked tagging', () => {
    const database = `arn:${cfn('AWS::Partition')}:rds:*:${cfn('AWS::AccountId')}:db:*`;
    const problems = leastPrivilegeViolations([
      { policy: 'p', roles: [], statement: { Effect: 'Allow', Action: 'rds:*', Resource: '*' } },
      { policy: 'p', roles: [], statement: { Effect: 'Allow', Action: 'rds:DeleteDBInstance', Resource: database } },
      { policy: 'p', roles: [], statement: { Effect: 'Allow', Action: 'dynamodb:DeleteTable', Resource: '*' } },
      { policy: 'p', roles: [], statement: { Effect: 'Allow', Action: 'rds:AddTagsToResource', Resource: database } },
    ]);
    expect(problems).toEqual([
      'p: wildcard action rds:*',
      `p: rds:DeleteDBInstance on ${database} without the managed tag`,
      'p: dynamodb:DeleteTable on * without the managed tag',
      'p: rds:AddTagsToResource without requiring the managed tag in the request',
    ]);
  });

  it("reads and writes only the refresh cycles' named parameters and starts only their named pipelines", () => {
    const resources = (id: string) =>
      (template.Resources[id]?.Properties?.PolicyDocument as { Statement?: Record<string, unknown>[] } | undefined)
        ?.Statement ?? [];
    const [parameters] = resources('RefreshParametersPolicy');
    const [pipelines] = resources('RefreshPipelinesPolicy');
    expect(parameters?.Action).toEqual(['ssm:GetParameter', 'ssm:PutParameter']);
    expect(pipelines?.Action).toEqual(['codepipeline:StartPipelineExecution', 'codepipeline:GetPipelineExecution']);
    // Each is an ARN per name the stack is given, and the policy exists only when some are.
    expect(JSON.stringify(parameters?.Resource)).toContain(':parameter/');
    expect(JSON.stringify(parameters?.Resource)).toContain('{"Ref":"RefreshParameterNames"}');
    expect(JSON.stringify(pipelines?.Resource)).toContain('{"Ref":"RefreshPipelineNames"}');
    expect(template.Resources.RefreshParametersPolicy?.Condition).toBe('RefreshesParameters');
    expect(template.Resources.RefreshPipelinesPolicy?.Condition).toBe('RefreshesPipelines');
  });

  it("switches only the DR plans' named parameters and records (upserted CNAMEs), and fails over only named global databases", () => {
    const statementsOf = (id: string) =>
      (template.Resources[id]?.Properties?.PolicyDocument as { Statement?: Record<string, unknown>[] } | undefined)
        ?.Statement ?? [];
    const [parameters] = statementsOf('DrSwitchParametersPolicy');
    const [records, readRecords] = statementsOf('DrSwitchRecordsPolicy');
    const [failover] = statementsOf('DrFailoverPolicy');
    expect(parameters?.Action).toEqual(['ssm:GetParameter', 'ssm:PutParameter']);
    expect(JSON.stringify(parameters?.Resource)).toContain('{"Ref":"DrParameterNames"}');
    expect(JSON.stringify(parameters?.Resource)).toContain(':ssm:${DrRegion}:');
    expect(records?.Action).toBe('route53:ChangeResourceRecordSets');
    expect(JSON.stringify(records?.Resource)).toContain('{"Ref":"DrHostedZoneIds"}');
    expect(records?.Condition).toEqual({
      'ForAllValues:StringEquals': {
        'route53:ChangeResourceRecordSetsNormalizedRecordNames': { Ref: 'DrRecordNames' },
        'route53:ChangeResourceRecordSetsRecordTypes': ['CNAME'],
        'route53:ChangeResourceRecordSetsActions': ['UPSERT'],
      },
    });
    expect(readRecords?.Action).toBe('route53:ListResourceRecordSets');
    expect(JSON.stringify(failover?.Resource)).toContain('{"Ref":"DrGlobalClusters"}');
    // No other statement of the role lets it write a parameter, change a record or fail a database over.
    const writers = statements
      .filter(({ statement }) =>
        actionsOf(statement).some((action) =>
          ['ssm:PutParameter', 'route53:ChangeResourceRecordSets', 'rds:FailoverGlobalCluster'].includes(action),
        ),
      )
      .map(({ policy }) => policy);
    expect(new Set(writers)).toEqual(
      new Set(['RefreshParametersPolicy', 'DrSwitchParametersPolicy', 'DrSwitchRecordsPolicy', 'DrFailoverPolicy']),
    );
    expect(template.Resources.DrSwitchParametersPolicy?.Condition).toBe('SwitchesParameters');
    expect(template.Resources.DrSwitchRecordsPolicy?.Condition).toBe('SwitchesRecords');
    expect(template.Resources.DrFailoverPolicy?.Condition).toBe('FailsOverGlobalClusters');
  });

  it('passes cfn-lint when it is installed', () => {
    expect(cfnLintErrors([fileURLToPath(TEMPLATE)])).toEqual([]);
  }, 120_000);
});
