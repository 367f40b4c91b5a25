import type {
  DeleteTableInput,
  DeleteTableOutput,
  DescribeTableInput,
  DescribeTableOutput,
  ListTablesInput,
  ListTablesOutput,
} from '@aws-sdk/client-dynamodb';
import { removeTableScaling } from '../autoscaling/scaling-state.js';
import { fault } from '../errors.js';
import type { ServiceHandlers } from '../types.js';
import { describeTable } from './describe.js';
import { type DynamoDbContext, requireActive, requireTable } from './lookup.js';

const MAX_LIST_LIMIT = 100;

/** DescribeTable, ListTables and DeleteTable. */
export function tableHandlers({ world, state }: DynamoDbContext): ServiceHandlers {
  return {
    DescribeTable: (request): DescribeTableOutput => {
      const input: DescribeTableInput = request.input;
      const table = requireTable(state.region(request), request, input.TableName);
      return { Table: describeTable(table) };
    },

    ListTables: (request): ListTablesOutput => {
      const input: ListTablesInput = request.input;
      const limit = input.Limit ?? MAX_LIST_LIMIT;
      if (limit < 1 || limit > MAX_LIST_LIMIT) {
        throw fault(
          'ValidationException',
          `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100`,
        );
      }
      const names = [...state.region(request).tables.keys()].sort();
      const start = input.ExclusiveStartTableName;
      const remaining = start === undefined ? names : names.filter((name) => name > start);
      const page = remaining.slice(0, limit);
      const last = page.at(-1);
      return {
        TableNames: page,
        ...(remaining.length > limit && last !== undefined && { LastEvaluatedTableName: last }),
      };
    },

    DeleteTable: (request): DeleteTableOutput => {
      const input: DeleteTableInput = request.input;
      const region = state.region(request);
      const table = requireTable(region, request, input.TableName);
      if (table.deletionProtection) {
        throw fault(
          'ValidationException',
          'Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.',
        );
      }
      requireActive(table);
      table.status = 'DELETING';
      table.settlesAt = new Date(world.now().getTime() + world.durations.deleteMs);
      removeTableScaling(region.scaling, table.name);
      return { TableDescription: describeTable(table) };
    },
  };
}
