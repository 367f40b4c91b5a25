/** Engine facts the simulation needs: parameter group families, default ports, which engines form clusters. */

const DEFAULT_PORTS: Record<string, number> = {
  postgres: 5432,
  'aurora-postgresql': 5432,
  mysql: 3306,
  mariadb: 3306,
  'aurora-mysql': 3306,
  docdb: 27017,
  'oracle-ee': 1521,
  'oracle-se2': 1521,
  'sqlserver-se': 1433,
  'sqlserver-ee': 1433,
  'sqlserver-ex': 1433,
  'sqlserver-web': 1433,
};

/** What CreateDBInstance picks when no EngineVersion is given. */
const DEFAULT_VERSIONS: Record<string, string> = {
  postgres: '16.4',
  mysql: '8.0.39',
  mariadb: '10.11.9',
  'aurora-postgresql': '15.4',
  'aurora-mysql': '8.0.mysql_aurora.3.05.2',
  docdb: '5.0.0',
};

const MASTER_USERNAMES: Record<string, string> = {
  postgres: 'postgres',
  'aurora-postgresql': 'postgres',
  docdb: 'docdbadmin',
};

export function isAurora(engine: string): boolean {
  return engine.startsWith('aurora');
}

/** Engines whose data lives in a cluster volume, so instances are cluster members. */
function isClusterEngine(engine: string): boolean {
  return isAurora(engine) || engine === 'docdb';
}

/** Engines that support `RestoreType: 'copy-on-write'` (Aurora, and DocumentDB ≥ 1.11 per its API reference). */
export function supportsClones(engine: string): boolean {
  return isClusterEngine(engine);
}

export function defaultPort(engine: string): number {
  return DEFAULT_PORTS[engine] ?? 5432;
}

export function defaultEngineVersion(engine: string): string {
  return DEFAULT_VERSIONS[engine] ?? '1.0';
}

export function masterUsername(engine: string): string {
  return MASTER_USERNAMES[engine] ?? 'admin';
}

/**
 * The parameter group family, as AWS names it: `postgres16`, `mysql8.0`, `aurora-postgresql15`,
 * `aurora-mysql8.0`, `docdb5.0`, `oracle-ee-19`, `sqlserver-se-15.0`.
 */
export function parameterGroupFamily(engine: string, engineVersion: string): string {
  const parts = engineVersion.split('.');
  const major = parts[0] ?? '';
  const minor = parts[1] ?? '0';
  if (engine === 'postgres' || engine === 'aurora-postgresql') {
    return Number(major) >= 10 ? `${engine}${major}` : `${engine}${major}.${minor}`;
  }
  if (engine.startsWith('oracle')) return `${engine}-${major}`;
  if (engine.startsWith('sqlserver')) return `${engine}-${major.replace(/^0+/, '')}.0`;
  return `${engine}${major}.${minor}`;
}

export function defaultParameterGroup(engine: string, engineVersion: string): string {
  return `default.${parameterGroupFamily(engine, engineVersion)}`;
}

/** `default:postgres-16`, `default:mysql-8-0`: the option group a new instance gets when none is named. */
export function defaultOptionGroup(engine: string, engineVersion: string): string {
  const [major = '', minor = '0'] = engineVersion.split('.');
  const postgresLike = engine === 'postgres' && Number(major) >= 10;
  return `default:${engine}-${postgresLike ? major : `${major}-${minor}`}`;
}

export function licenseModel(engine: string): string {
  if (engine.includes('postgres')) return 'postgresql-license';
  if (engine.includes('mysql') || engine === 'mariadb') return 'general-public-license';
  if (engine.startsWith('oracle') || engine.startsWith('sqlserver')) return 'license-included';
  return 'na';
}

/** Where endpoints live: DocumentDB answers on its own domain. */
export function endpointDomain(engine: string): string {
  return engine === 'docdb' ? 'docdb.amazonaws.com' : 'rds.amazonaws.com';
}
