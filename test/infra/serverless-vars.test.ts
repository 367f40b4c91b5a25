import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { examplePolicy } from '../helpers/simulated-environment.js';

const require = createRequire(import.meta.url);
const vars = require('../../infra/serverless-vars.cjs') as {
  botAccountRefresh(policy: unknown): { parameterArns: string[]; pipelineArns: string[] };
  botAccountDr(policy: unknown): {
    parameterArns: string[];
    zoneArns: string[];
    recordNames: string[];
    globalClusterArns: string[];
  };
};

/** policy.example.yml with acceptance in the bot's own account (no role to assume there). */
function acceptanceInBotAccount(pipeline: { name?: string; nameParameter?: string }) {
  const policy = examplePolicy();
  const acceptance = policy.environments.acceptance;
  if (acceptance) delete acceptance.roleArn;
  for (const cycle of policy.refreshCycles) cycle.pipeline = pipeline;
  return policy;
}

describe("serverless-vars.cjs: a refresh in the bot's own account", () => {
  it('allows nothing when every refreshed environment has a role of its own', () => {
    expect(vars.botAccountRefresh(examplePolicy())).toEqual({ parameterArns: [], pipelineArns: [] });
  });

  it("names exactly the cycle's parameters and pipeline, in that environment's account and region", () => {
    const refresh = vars.botAccountRefresh(
      acceptanceInBotAccount({ name: 'acceptance-refresh', nameParameter: 'main_cicd_name' }),
    );
    const ssm = (name: string) => `arn:*:ssm:eu-west-1:222222222222:parameter/${name}`;
    expect(refresh.parameterArns).toEqual(
      [
        'aurora_current_snapshot_id',
        'aurora_latest_snapshot_id',
        'documentdb_current_snapshot_id',
        'documentdb_latest_snapshot_id',
        'main_cicd_name',
      ].map(ssm),
    );
    expect(refresh.pipelineArns).toEqual(['arn:*:codepipeline:eu-west-1:222222222222:acceptance-refresh']);
  });

  it('stops packaging when the pipeline is named only by a parameter, saying what to add', () => {
    expect(() => vars.botAccountRefresh(acceptanceInBotAccount({ nameParameter: 'main_cicd_name' }))).toThrow(
      "refresh cycle acceptance-refresh starts a pipeline in the bot's own account named only by main_cicd_name: add pipeline.name to the policy",
    );
  });
});

describe("serverless-vars.cjs: DR into the bot's own account", () => {
  it('allows nothing when the DR environment has a role of its own', () => {
    expect(vars.botAccountDr(examplePolicy())).toEqual({
      parameterArns: [],
      zoneArns: [],
      recordNames: [],
      globalClusterArns: [],
    });
  });

  it('names exactly the switched parameters (in the DR Region) and records, and the global databases to fail over', () => {
    const policy = examplePolicy();
    const dr = policy.environments['production-dr'];
    if (dr) delete dr.roleArn;
    const allowed = vars.botAccountDr(policy);
    expect(allowed.parameterArns).toEqual(
      [
        'carts/table-arn',
        'catalog/database-endpoint',
        'inventory/database-endpoint',
        'orders-events/table-arn',
        'orders/aurora-endpoint',
        'orders/database-endpoint',
      ].map((name) => `arn:*:ssm:us-west-2:111111111111:parameter/${name}`),
    );
    expect(allowed.zoneArns).toEqual(['arn:*:route53:::hostedzone/Z0INTERNAL']);
    expect(allowed.recordNames).toEqual(['orders-db.internal.example.com']);
    expect(allowed.globalClusterArns).toEqual(['arn:*:rds::111111111111:global-cluster:*']);
  });
});
