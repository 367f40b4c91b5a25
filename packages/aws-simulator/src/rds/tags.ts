import type {
  AddTagsToResourceMessage,
  ListTagsForResourceMessage,
  RemoveTagsFromResourceMessage,
} from '@aws-sdk/client-rds';
import { fault } from '../errors.js';
import type { ServiceHandlers, SimulatedRequest } from '../types.js';
import { type RdsContext, required } from './context.js';
import { parseRdsArn } from './names.js';
import { tagMap, toTagList } from './query.js';

const NOT_FOUND: Record<string, string> = {
  db: 'DBInstanceNotFoundFault',
  cluster: 'DBClusterNotFoundFault',
  snapshot: 'DBSnapshotNotFoundFault',
  'cluster-snapshot': 'DBClusterSnapshotNotFoundFault',
};

/** AddTagsToResource, ListTagsForResource, RemoveTagsFromResource: by ARN, in the caller's account and region. */
export function tagHandlers(ctx: RdsContext): ServiceHandlers {
  const tagsOf = (request: SimulatedRequest, resourceName: string | undefined): Map<string, string> => {
    const name = required(resourceName, 'ResourceName');
    const arn = parseRdsArn(name);
    const notFound = arn ? NOT_FOUND[arn.type] : undefined;
    if (!arn || !notFound) throw fault('InvalidParameterValue', `The specified resource name ${name} is not valid.`);
    const own = arn.accountId === request.accountId && arn.region === request.region;
    const state = ctx.store.state(request);
    const record = !own
      ? undefined
      : arn.type === 'db'
        ? state.instances.get(arn.id)
        : arn.type === 'cluster'
          ? state.clusters.get(arn.id)
          : state.snapshots(arn.type === 'snapshot' ? 'instance' : 'cluster').get(arn.id);
    if (!record) throw fault(notFound, `${name} not found.`);
    return record.tags;
  };

  return {
    AddTagsToResource: (request) => {
      const input: AddTagsToResourceMessage = request.input;
      const tags = tagsOf(request, input.ResourceName);
      for (const [key, value] of tagMap(input.Tags)) tags.set(key, value);
      return {};
    },
    ListTagsForResource: (request) => {
      const input: ListTagsForResourceMessage = request.input;
      return { TagList: toTagList(tagsOf(request, input.ResourceName)) };
    },
    RemoveTagsFromResource: (request) => {
      const input: RemoveTagsFromResourceMessage = request.input;
      const tags = tagsOf(request, input.ResourceName);
      for (const key of input.TagKeys ?? []) tags.delete(key);
      return {};
    },
  };
}
