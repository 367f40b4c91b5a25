import { fault } from '../errors.js';
import type { SimulatedTarget } from '../types.js';
import type { SimulatedWorld } from '../world.js';
import { tableNameIn } from './arns.js';
import type { DynamoDbRegion, DynamoDbState, StoredTable } from './state.js';

/** What every DynamoDB handler needs. */
export interface DynamoDbContext {
  world: SimulatedWorld;
  state: DynamoDbState;
}

/** Operations disagree on the code for a missing table: the data plane says ResourceNotFound, backups TableNotFound. */
export type MissingTableCode = 'ResourceNotFoundException' | 'TableNotFoundException';

export function requireTable(
  region: DynamoDbRegion,
  request: SimulatedTarget,
  nameOrArn: string | undefined,
  code: MissingTableCode = 'ResourceNotFoundException',
): StoredTable {
  if (!nameOrArn)
    throw fault(
      'ValidationException',
      '1 validation error detected: Value null at tableName failed to satisfy constraint: Member must not be null',
    );
  const name = tableNameIn(request, nameOrArn);
  const table = name === undefined ? undefined : region.tables.get(name);
  if (table) return table;
  if (code === 'TableNotFoundException') throw fault(code, `Table not found: ${name ?? nameOrArn}`);
  throw fault(code, `Requested resource not found: Table: ${name ?? nameOrArn} not found`);
}

/** DynamoDB refuses control-plane changes to a table that is still changing. */
export function requireActive(table: StoredTable): void {
  if (table.status === 'ACTIVE') return;
  const doing = { CREATING: 'created', UPDATING: 'updated', DELETING: 'deleted' }[table.status];
  throw fault(
    'ResourceInUseException',
    `Attempt to change a resource which is still in use: Table is being ${doing}: ${table.name}`,
  );
}
