import type {
  CodePipelineSimulation,
  Route53Simulation,
  SsmSimulation,
  StsSimulation,
} from '@db-restore-bot/aws-simulator';
import type { DemoAccounts } from './accounts.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The non-database services the bot uses: role assumption, the refresh parameters and the deployment pipeline. */
export interface PlatformSimulations {
  sts: StsSimulation;
  ssm: SsmSimulation;
  codePipeline: CodePipelineSimulation;
  route53: Route53Simulation;
}

/** The private zone production's applications resolve their databases through. */
export const INTERNAL_ZONE_ID = 'Z0INTERNAL';

export const RESTORE_BOT_ROLE = 'restore-bot';
export const ACCEPTANCE_REFRESH_PIPELINE = 'acceptance-refresh';
export const ACCEPTANCE_REFRESH_PARAMETER_PATH = '/restore-bot/acceptance/aurora-cluster/orders';

function snapshotArn(accounts: DemoAccounts, at: Date): string {
  const { accountId, region } = accounts.production;
  return `arn:aws:rds:${region}:${accountId}:cluster-snapshot:orders-refresh-${at.toISOString().slice(0, 10)}`;
}

/**
 * Seeds what the bot needs besides databases: the `restore-bot` roles in every demo account, the
 * `acceptance-refresh` pipeline in acceptance, and the refresh's SSM parameters there
 * (`…/latest` one run ahead of `…/current`, each with some history).
 */
export function seedPlatformDemo(platform: PlatformSimulations, accounts: DemoAccounts): void {
  const now = platform.ssm.world.now();
  const accountIds = new Set(
    [accounts.production, accounts.acceptance, accounts.disasterRecovery].map((t) => t.accountId),
  );
  for (const accountId of accountIds) {
    // The two roles infra/target-account-role.yml creates: the worker's and the Slack function's reader.
    platform.sts.allowRole(`arn:aws:iam::${accountId}:role/${RESTORE_BOT_ROLE}`);
    platform.sts.allowRole(`arn:aws:iam::${accountId}:role/${RESTORE_BOT_ROLE}-reader`);
  }
  // A V2 pipeline that declares the snapshot variables policy.example.yml's cycle passes it.
  platform.codePipeline.addPipeline(accounts.acceptance, ACCEPTANCE_REFRESH_PIPELINE, {
    variableNames: ['AURORA_SNAPSHOT_ID', 'DOCUMENTDB_SNAPSHOT_ID'],
  });
  // Where the acceptance refresh of policy.example.yml reads its pipeline's name, as such teams keep it.
  platform.ssm.putParameter(accounts.acceptance, {
    name: 'main_cicd_name',
    value: ACCEPTANCE_REFRESH_PIPELINE,
    modifiedAt: now,
  });
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const put = (leaf: string, snapshotDay: number, modifiedDay: number) =>
    platform.ssm.putParameter(accounts.acceptance, {
      name: `${ACCEPTANCE_REFRESH_PARAMETER_PATH}/${leaf}`,
      value: snapshotArn(accounts, ago(snapshotDay)),
      modifiedAt: ago(modifiedDay),
    });
  put('latest', 15, 15);
  put('current', 29, 29);
  put('current', 15, 15);
  put('latest', 1, 1);
  seedDisasterRecoveryEndpoints(platform, accounts, now);
}

/**
 * Where production's applications read their databases' endpoints: SSM parameters in the DR region
 * (what the DR stack's applications read) and a Route 53 CNAME, each naming the primary today.
 */
function seedDisasterRecoveryEndpoints(platform: PlatformSimulations, accounts: DemoAccounts, now: Date): void {
  const { region } = accounts.production;
  const endpoints: Record<string, string> = {
    '/orders/database-endpoint': `orders-db.c0prod1a2b3c.${region}.rds.amazonaws.com`,
    '/orders/aurora-endpoint': `orders.cluster-c0prod1a2b3c.${region}.rds.amazonaws.com`,
    '/inventory/database-endpoint': `inventory.cluster-c0prod1a2b3c.${region}.rds.amazonaws.com`,
    '/catalog/database-endpoint': `catalog.cluster-c0prod1a2b3c.${region}.docdb.amazonaws.com`,
    '/carts/table-arn': `arn:aws:dynamodb:${region}:${accounts.production.accountId}:table/carts`,
    '/orders-events/table-arn': `arn:aws:dynamodb:${region}:${accounts.production.accountId}:table/orders-events`,
  };
  for (const [name, value] of Object.entries(endpoints)) {
    platform.ssm.putParameter(accounts.disasterRecovery, { name, value, modifiedAt: now });
  }
  platform.route53.addHostedZone(accounts.production.accountId, {
    id: INTERNAL_ZONE_ID,
    name: 'internal.example.com',
    records: [
      {
        name: 'orders-db.internal.example.com',
        type: 'CNAME',
        ttl: 300,
        values: [endpoints['/orders/database-endpoint'] as string],
      },
    ],
  });
}
