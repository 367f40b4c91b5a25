// Facts serverless.yml takes from the policy the build validated and bundled (dist/policy.json,
// written by `npm run build -- --policy <file>`), so the IAM the stack grants always matches the
// policy the functions run with: `${file(infra/serverless-vars.cjs):roleArns}`.
//
// CommonJS (.cjs) because osls loads variable files with require().
const { readdirSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const POLICY_JSON = path.join(ROOT, 'dist', 'policy.json');

/** The newest modification time under `directory`, in milliseconds. */
function newestChange(directory) {
  return readdirSync(directory, { recursive: true })
    .map((file) => statSync(path.join(directory, String(file))).mtimeMs)
    .reduce((newest, time) => Math.max(newest, time), 0);
}

/**
 * Why packaging cannot go on, as osls shows it: osls prints a `ServerlessError` whose message starts
 * with "Cannot resolve variable at" as it is (any other error it prints with its stack), and lists
 * each distinct error once. One instance for every variable that needs the policy makes the whole
 * report the one line that says what to run, instead of a stack trace per variable.
 */
class ServerlessError extends Error {
  constructor(message) {
    super(`Cannot resolve variable at "\${file(infra/serverless-vars.cjs)}": ${message}`);
    this.name = 'ServerlessError';
    this.code = 'DB_RESTORE_BOT_NOT_BUILT';
  }
}

const RUN_BUILD = 'run `npm run build` first, or `npm run package` to build and package in one step';

function loadBuiltPolicy() {
  let built;
  try {
    built = statSync(POLICY_JSON).mtimeMs;
  } catch {
    return { error: new ServerlessError(`dist/policy.json is missing: ${RUN_BUILD}`) };
  }
  // Packaging ships dist/ as it is: refuse bundles older than the code they were built from.
  if (newestChange(path.join(ROOT, 'src')) > built) {
    return { error: new ServerlessError(`src/ changed after the last build: ${RUN_BUILD}`) };
  }
  return { value: JSON.parse(readFileSync(POLICY_JSON, 'utf8')) };
}

let builtPolicy;

/** The built policy, read once per osls run; the same error for every variable when it cannot be used. */
function readPolicy() {
  builtPolicy ??= loadBuiltPolicy();
  if (builtPolicy.error) throw builtPolicy.error;
  return builtPolicy.value;
}

function environments() {
  return Object.values(readPolicy().environments ?? {});
}

/** The roles the bot assumes: sts:AssumeRole is allowed on exactly these. */
function roleArns() {
  return [
    ...new Set(environments().flatMap((environment) => (environment.roleArn ? [environment.roleArn] : []))),
  ].sort();
}

/**
 * The read-only twins the Slack function assumes (infra/target-account-role.yml's ReaderRole;
 * src/aws/clients.ts readerRoleArn derives the same names).
 */
function readerRoleArns() {
  return roleArns().map((roleArn) => `${roleArn}-reader`);
}

/** Environments without a role are in the bot's own account: its roles then need the database permissions themselves. */
function inBotAccount() {
  return environments().filter((environment) => !environment.roleArn);
}

/**
 * The refresh cycles' SSM parameters and pipelines in the bot's own account (targets whose
 * environment has no role): the worker role is allowed exactly these, as the target-account role
 * is allowed its RefreshParameterNames and RefreshPipelineNames. A pipeline named only through its
 * nameParameter cannot be known here, so such a cycle stops packaging with what to add.
 */
function botAccountRefresh(policy) {
  const parameters = new Set();
  const pipelines = new Set();
  for (const cycle of policy.refreshCycles ?? []) {
    for (const database of cycle.databases) {
      const environment = policy.environments?.[database.target.environment];
      if (!environment || environment.roleArn) continue;
      const arn = (service, resource) => `arn:*:${service}:${environment.region}:${environment.accountId}:${resource}`;
      parameters.add(arn('ssm', `parameter/${database.parameters.latest}`));
      parameters.add(arn('ssm', `parameter/${database.parameters.current}`));
      if (cycle.pipeline?.nameParameter) parameters.add(arn('ssm', `parameter/${cycle.pipeline.nameParameter}`));
      if (cycle.mode !== 'pipeline') continue;
      if (!cycle.pipeline?.name) {
        throw new ServerlessError(
          `refresh cycle ${cycle.name} starts a pipeline in the bot's own account named only by ${cycle.pipeline?.nameParameter}: add pipeline.name to the policy, so IAM allows that pipeline alone`,
        );
      }
      pipelines.add(arn('codepipeline', cycle.pipeline.name));
    }
  }
  return { parameterArns: [...parameters].sort(), pipelineArns: [...pipelines].sort() };
}

/**
 * What DR switches and failovers touch in the bot's own account (a drEnvironment with no role): the
 * worker role is allowed exactly the named SSM parameters (in the DR Region) and Route 53 records,
 * as the target-account role's DrParameterNames, DrHostedZoneIds and DrRecordNames; failover of the
 * account's global databases where a plan recovers Aurora or DocumentDB there.
 */
function botAccountDr(policy) {
  const parameters = new Set();
  const zones = new Set();
  const records = new Set();
  let failsOver = false;
  let accountId;
  for (const plan of Object.values(policy.disasterRecovery?.environments ?? {})) {
    const environment = policy.environments?.[plan.drEnvironment];
    if (!environment || environment.roleArn) continue;
    accountId = environment.accountId;
    for (const database of plan.databases) {
      const { parameter, record } = database.switch ?? {};
      if (parameter) {
        parameters.add(
          `arn:*:ssm:${environment.region}:${environment.accountId}:parameter/${parameter.replace(/^\//, '')}`,
        );
      }
      if (record) {
        zones.add(`arn:*:route53:::hostedzone/${record.hostedZoneId.replace(/^\/hostedzone\//, '')}`);
        records.add(record.name.toLowerCase().replace(/\.$/, ''));
      }
      if (database.kind === 'aurora-cluster' || database.kind === 'docdb-cluster') failsOver = true;
    }
  }
  return {
    parameterArns: [...parameters].sort(),
    zoneArns: [...zones].sort(),
    recordNames: [...records].sort(),
    globalClusterArns: failsOver && accountId ? [`arn:*:rds::${accountId}:global-cluster:*`] : [],
  };
}

module.exports = {
  botAccountRefresh,
  botAccountDr,
  drParameterArns: () => botAccountDr(readPolicy()).parameterArns,
  drZoneArns: () => botAccountDr(readPolicy()).zoneArns,
  drRecordNames: () => botAccountDr(readPolicy()).recordNames,
  drGlobalClusterArns: () => botAccountDr(readPolicy()).globalClusterArns,
  switchesParametersInBotAccount: () => String(botAccountDr(readPolicy()).parameterArns.length > 0),
  switchesRecordsInBotAccount: () => String(botAccountDr(readPolicy()).zoneArns.length > 0),
  failsOverInBotAccount: () => String(botAccountDr(readPolicy()).globalClusterArns.length > 0),
  refreshParameterArns: () => botAccountRefresh(readPolicy()).parameterArns,
  refreshPipelineArns: () => botAccountRefresh(readPolicy()).pipelineArns,
  refreshesParametersInBotAccount: () => String(botAccountRefresh(readPolicy()).parameterArns.length > 0),
  refreshesPipelinesInBotAccount: () => String(botAccountRefresh(readPolicy()).pipelineArns.length > 0),
  roleArns,
  readerRoleArns,
  assumesRoles: () => String(roleArns().length > 0),
  databasesInBotAccount: () => String(inBotAccount().length > 0),
  // A protected environment is never a replace target: without an unprotected one in the bot's
  // account, its roles get no delete permission at all.
  deletesInBotAccount: () => String(inBotAccount().some((environment) => environment.protected !== true)),
};
