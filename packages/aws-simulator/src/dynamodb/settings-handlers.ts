import type {
  DescribeContinuousBackupsInput,
  DescribeContinuousBackupsOutput,
  DescribeTimeToLiveInput,
  DescribeTimeToLiveOutput,
  ListTagsOfResourceInput,
  ListTagsOfResourceOutput,
  TagResourceInput,
  UntagResourceInput,
  UpdateContinuousBackupsInput,
  UpdateContinuousBackupsOutput,
  UpdateTimeToLiveInput,
  UpdateTimeToLiveOutput,
} from '@aws-sdk/client-dynamodb';
import { fault } from '../errors.js';
import type { ServiceHandlers, SimulatedRequest } from '../types.js';
import type { SimulatedWorld } from '../world.js';
import { type DynamoDbContext, requireTable } from './lookup.js';
import { describePitr } from './restorable-window.js';
import type { StoredTable } from './state.js';

const DEFAULT_RECOVERY_PERIOD_DAYS = 35;

function continuousBackups(table: StoredTable, world: SimulatedWorld): DescribeContinuousBackupsOutput {
  return {
    ContinuousBackupsDescription: {
      ContinuousBackupsStatus: 'ENABLED',
      PointInTimeRecoveryDescription: describePitr(table, world.now(), world.durations.restoreLagMs),
    },
  };
}

/** Tag operations name the table by ARN only. */
function tableByArn(context: DynamoDbContext, request: SimulatedRequest, arn: string | undefined): StoredTable {
  if (!arn?.startsWith('arn:')) throw fault('ValidationException', `Invalid TableArn: ${arn}`);
  return requireTable(context.state.region(request), request, arn);
}

/** Point-in-time recovery, time to live and tags: the settings a restore does not carry over. */
export function settingsHandlers(context: DynamoDbContext): ServiceHandlers {
  const { world, state } = context;
  return {
    DescribeContinuousBackups: (request) => {
      const input: DescribeContinuousBackupsInput = request.input;
      const table = requireTable(state.region(request), request, input.TableName, 'TableNotFoundException');
      return continuousBackups(table, world);
    },

    UpdateContinuousBackups: (request): UpdateContinuousBackupsOutput => {
      const input: UpdateContinuousBackupsInput = request.input;
      const table = requireTable(state.region(request), request, input.TableName, 'TableNotFoundException');
      if (table.status === 'CREATING') {
        throw fault(
          'ContinuousBackupsUnavailableException',
          `Backups are being enabled for the table: ${table.name}. Please retry later`,
        );
      }
      const spec = input.PointInTimeRecoverySpecification;
      if (spec?.PointInTimeRecoveryEnabled === undefined) {
        throw fault('ValidationException', 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled is required');
      }
      const days = spec.RecoveryPeriodInDays ?? table.pitr?.recoveryPeriodInDays ?? DEFAULT_RECOVERY_PERIOD_DAYS;
      if (!Number.isInteger(days) || days < 1 || days > DEFAULT_RECOVERY_PERIOD_DAYS) {
        throw fault('ValidationException', 'RecoveryPeriodInDays must be between 1 and 35');
      }
      if (!spec.PointInTimeRecoveryEnabled) table.pitr = undefined;
      else table.pitr = { enabledAt: table.pitr?.enabledAt ?? world.now(), recoveryPeriodInDays: days };
      return continuousBackups(table, world);
    },

    DescribeTimeToLive: (request): DescribeTimeToLiveOutput => {
      const input: DescribeTimeToLiveInput = request.input;
      const table = requireTable(state.region(request), request, input.TableName);
      return {
        TimeToLiveDescription: table.ttlAttribute
          ? { TimeToLiveStatus: 'ENABLED', AttributeName: table.ttlAttribute }
          : { TimeToLiveStatus: 'DISABLED' },
      };
    },

    UpdateTimeToLive: (request): UpdateTimeToLiveOutput => {
      const input: UpdateTimeToLiveInput = request.input;
      const table = requireTable(state.region(request), request, input.TableName);
      if (table.status === 'CREATING' || table.status === 'DELETING') {
        throw fault(
          'ResourceInUseException',
          `Attempt to change a resource which is still in use: Table: ${table.name}`,
        );
      }
      const spec = input.TimeToLiveSpecification;
      const attribute = spec?.AttributeName;
      if (!spec || spec.Enabled === undefined || !attribute) {
        throw fault('ValidationException', 'TimeToLiveSpecification requires Enabled and AttributeName');
      }
      if (spec.Enabled) {
        if (table.ttlAttribute === attribute) throw fault('ValidationException', 'TimeToLive is already enabled');
        if (table.ttlAttribute) {
          throw fault(
            'ValidationException',
            `TimeToLive is active on a different AttributeName: current AttributeName is ${table.ttlAttribute}`,
          );
        }
        table.ttlAttribute = attribute;
      } else {
        if (!table.ttlAttribute) throw fault('ValidationException', 'TimeToLive is already disabled');
        if (table.ttlAttribute !== attribute) {
          throw fault(
            'ValidationException',
            `TimeToLive is active on a different AttributeName: current AttributeName is ${table.ttlAttribute}`,
          );
        }
        table.ttlAttribute = undefined;
      }
      return { TimeToLiveSpecification: { Enabled: spec.Enabled, AttributeName: attribute } };
    },

    ListTagsOfResource: (request): ListTagsOfResourceOutput => {
      const input: ListTagsOfResourceInput = request.input;
      const table = tableByArn(context, request, input.ResourceArn);
      return { Tags: [...table.tags].map(([Key, Value]) => ({ Key, Value })) };
    },

    TagResource: (request) => {
      const input: TagResourceInput = request.input;
      const table = tableByArn(context, request, input.ResourceArn);
      const tags = input.Tags ?? [];
      if (tags.some((tag) => tag.Key?.toLowerCase().startsWith('aws:'))) {
        throw fault(
          'ValidationException',
          'One or more parameter values were invalid: Tag keys starting with aws: are reserved',
        );
      }
      for (const { Key, Value } of tags) if (Key !== undefined) table.tags.set(Key, Value ?? '');
      return {};
    },

    UntagResource: (request) => {
      const input: UntagResourceInput = request.input;
      const table = tableByArn(context, request, input.ResourceArn);
      for (const key of input.TagKeys ?? []) table.tags.delete(key);
      return {};
    },
  };
}
