import { readFileSync } from 'node:fs';
import { type CollectionTag, parse, type ScalarTag } from 'yaml';

/** A CloudFormation resource, as much of it as the checks read. */
export interface Resource {
  Type: string;
  Condition?: string;
  Properties?: Record<string, unknown>;
}

export interface Template {
  Parameters?: Record<string, unknown>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, Resource>;
  Outputs?: Record<string, unknown>;
}

export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** A statement with where it lives: the policy resource and the roles it is attached to. */
export interface AttachedStatement {
  policy: string;
  roles: string[];
  condition?: string;
  statement: Statement;
}

const INTRINSICS = [
  'Base64',
  'Cidr',
  'Condition',
  'Equals',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'If',
  'ImportValue',
  'Join',
  'Not',
  'And',
  'Or',
  'Ref',
  'Select',
  'Split',
  'Sub',
];

const longForm = (name: string): string => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);

/**
 * CloudFormation's short forms (`!Sub`, `!Ref`, `!GetAtt a.b`, ...) for the `yaml` package, on
 * scalars, sequences and maps, turned into their long forms as CloudFormation reads them.
 */
export const CLOUDFORMATION_TAGS: (ScalarTag | CollectionTag)[] = INTRINSICS.flatMap((name) => {
  const key = longForm(name);
  const scalar: ScalarTag = {
    tag: `!${name}`,
    resolve: (value) => ({ [key]: name === 'GetAtt' ? value.split('.') : value }),
  };
  const collections: CollectionTag[] = (['seq', 'map'] as const).map((collection) => ({
    tag: `!${name}`,
    collection,
    resolve: (value) => ({ [key]: value.toJSON() }),
  }));
  return [scalar, ...collections];
});

export function loadCloudFormationYaml(path: string | URL): Template {
  return parse(readFileSync(path, 'utf8'), { customTags: CLOUDFORMATION_TAGS }) as Template;
}

export function loadJsonTemplate(path: string | URL): Template {
  return JSON.parse(readFileSync(path, 'utf8')) as Template;
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function refName(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'Ref' in value) return String((value as { Ref: unknown }).Ref);
  return JSON.stringify(value);
}

interface PolicyDocument {
  Statement: Statement | Statement[];
}

/** Every statement of every inline role policy and AWS::IAM::Policy in the template. */
export function attachedStatements(template: Template): AttachedStatement[] {
  const found: AttachedStatement[] = [];
  for (const [id, resource] of Object.entries(template.Resources)) {
    const properties = resource.Properties ?? {};
    if (resource.Type === 'AWS::IAM::Role') {
      for (const policy of asArray(properties.Policies as { PolicyName: string; PolicyDocument: PolicyDocument }[])) {
        for (const statement of asArray(policy.PolicyDocument.Statement)) {
          found.push({ policy: `${id}/${policy.PolicyName}`, roles: [id], statement });
        }
      }
    }
    if (resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy') {
      const roles = asArray(properties.Roles as unknown[]).map(refName);
      for (const statement of asArray((properties.PolicyDocument as PolicyDocument).Statement)) {
        found.push({ policy: id, roles, statement, ...(resource.Condition ? { condition: resource.Condition } : {}) });
      }
    }
  }
  return found;
}

export const actionsOf = (statement: Statement): string[] => asArray(statement.Action);

/** Resources as strings: plain ARNs, `Fn::Sub` patterns, `GetAtt:Logical.Attr` for the rest. */
export function resourcesOf(statement: Statement): string[] {
  return asArray(statement.Resource).map((resource) => {
    if (typeof resource === 'string') return resource;
    if (typeof resource === 'object' && resource !== null) {
      if ('Fn::Sub' in resource) return String((resource as { 'Fn::Sub': unknown })['Fn::Sub']);
      if ('Fn::GetAtt' in resource)
        return `GetAtt:${asArray((resource as { 'Fn::GetAtt': string[] })['Fn::GetAtt']).join('.')}`;
    }
    return JSON.stringify(resource);
  });
}

export const MANAGED_TAG = 'restore-bot:managed';

/** A CloudFormation `Fn::Sub` placeholder, `${name}`, as the templates write it. */
export const cfn = (name: string): string => `\${${name}}`;

/** `StringEquals` on the resource's managed tag being `true`. */
export function requiresManagedResource(statement: Statement): boolean {
  return statement.Condition?.StringEquals?.[`aws:ResourceTag/${MANAGED_TAG}`] === 'true';
}

/** `StringEquals` on the request's managed tag being `true`. */
export function requiresManagedRequestTag(statement: Statement): boolean {
  return statement.Condition?.StringEquals?.[`aws:RequestTag/${MANAGED_TAG}`] === 'true';
}

/** Modify, rename or delete calls on databases (DocumentDB included, it uses the rds: namespace). */
export const isDestructive = (action: string): boolean =>
  /^rds:(Modify|Delete)DB(Instance|Cluster)$/.test(action) || action === 'dynamodb:DeleteTable';

/**
 * ARN patterns that cover a database itself: an instance, a cluster or a table, or any resource
 * at all (not only its snapshots or parameter groups). Patterns may hold `${AWS::AccountId}`.
 */
export function isDatabaseArn(resource: string): boolean {
  if (resource === '*') return true;
  const [, , service, , , type = '', ...name] = resource.replace(/\$\{[^}]*\}/g, 'X').split(':');
  if (service === 'rds') return type === '*' || type === 'db' || type === 'cluster';
  if (service === 'dynamodb') return type === '*' || /^table\/[^/]*$/.test([type, ...name].join(':'));
  return false;
}

/**
 * The least-privilege rules both templates follow; returns what breaks them (empty when none).
 * - no wildcard in any action;
 * - modify and delete of a database only with the managed-tag condition (other resources those
 *   calls name, such as the final snapshot, may go without it: they delete nothing on their own);
 * - RDS tagging only in requests that mark the resource as managed.
 */
export function leastPrivilegeViolations(statements: AttachedStatement[]): string[] {
  const problems: string[] = [];
  for (const { policy, statement } of statements) {
    const where = `${policy}${statement.Sid ? `/${statement.Sid}` : ''}`;
    if (statement.Effect !== 'Allow') continue;
    for (const action of actionsOf(statement)) {
      if (action.includes('*')) problems.push(`${where}: wildcard action ${action}`);
      if (isDestructive(action) && !requiresManagedResource(statement)) {
        const databases = resourcesOf(statement).filter(isDatabaseArn);
        if (databases.length > 0)
          problems.push(`${where}: ${action} on ${databases.join(', ')} without the managed tag`);
      }
      if (action === 'rds:AddTagsToResource' && !requiresManagedRequestTag(statement)) {
        problems.push(`${where}: ${action} without requiring the managed tag in the request`);
      }
    }
  }
  return problems;
}

/** The IAM prefix of each SDK client package the drivers use (DocumentDB shares RDS's). */
const IAM_PREFIX: Record<string, string> = {
  'client-rds': 'rds',
  'client-docdb': 'rds',
  'client-dynamodb': 'dynamodb',
  'client-application-auto-scaling': 'application-autoscaling',
  'client-ssm': 'ssm',
  'client-codepipeline': 'codepipeline',
  'client-lambda': 'lambda',
  'client-sts': 'sts',
  'client-route-53': 'route53',
};

/** IAM actions of the SDK commands a source file imports (`DescribeTableCommand` → `dynamodb:DescribeTable`). */
export function sdkActionsImportedBy(source: string, file = 'source'): string[] {
  const actions: string[] = [];
  for (const match of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/([\w-]+)'/g)) {
    const [, names = '', pkg = ''] = match;
    // `DescribeTableCommand` calls DescribeTable; the SDK's `paginateDescribeScalableTargets` calls DescribeScalableTargets.
    const operations = names
      .split(',')
      .map((name) => name.trim())
      .filter((name) => !name.startsWith('type '))
      .flatMap((name) => {
        if (name.endsWith('Command')) return [name.slice(0, -'Command'.length)];
        if (/^paginate[A-Z]/.test(name)) return [name.slice('paginate'.length)];
        return [];
      });
    if (operations.length === 0) continue;
    const prefix = IAM_PREFIX[pkg];
    if (!prefix) throw new Error(`${file}: no IAM prefix known for @aws-sdk/${pkg}`);
    actions.push(...operations.map((operation) => `${prefix}:${operation}`));
  }
  return actions;
}

/** The actions a principal is allowed, from the statements attached to it (conditions ignored). */
export function allowedActions(statements: AttachedStatement[]): Set<string> {
  return new Set(
    statements.filter(({ statement }) => statement.Effect === 'Allow').flatMap(({ statement }) => actionsOf(statement)),
  );
}
