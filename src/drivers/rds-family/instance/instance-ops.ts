import {
  AddTagsToResourceCommand,
  DeleteDBInstanceCommand,
  ModifyDBInstanceCommand,
  type RDSClient,
  RemoveTagsFromResourceCommand,
} from '@aws-sdk/client-rds';
import { tagRestoreFor } from '../../../domain/replaced-target-tags.js';
import { requestIdOf } from '../aws-errors.js';
import type { ReplaceableOps, ReplaceableResource } from '../replace-steps.js';
import { toTagList } from '../tags.js';
import { findInstance, instanceTags, snapshotExists } from './instance-lookup.js';

/** The rename, delete and rollback calls on RDS instances, for the shared replace steps. */
export function instanceOps(rds: RDSClient): ReplaceableOps<ReplaceableResource> {
  return {
    label: 'DB instance',
    async find(identifier) {
      const instance = await findInstance(rds, identifier);
      return instance && { ...instance, tags: await instanceTags(rds, instance) };
    },
    async tag(instance, tagsFor) {
      const tags = tagsFor(instance.tags);
      await rds.send(new AddTagsToResourceCommand({ ResourceName: instance.arn, Tags: toTagList(tags) }));
    },
    async restoreTags(instance) {
      const restore = tagRestoreFor(instance.tags);
      if (!restore) return;
      // Put back what the replace overwrote while the managed tag still allows it, then remove what it added.
      if (Object.keys(restore.add).length > 0)
        await rds.send(new AddTagsToResourceCommand({ ResourceName: instance.arn, Tags: toTagList(restore.add) }));
      await rds.send(new RemoveTagsFromResourceCommand({ ResourceName: instance.arn, TagKeys: restore.remove }));
    },
    async rename(identifier, newIdentifier) {
      const command = new ModifyDBInstanceCommand({
        DBInstanceIdentifier: identifier,
        NewDBInstanceIdentifier: newIdentifier,
        ApplyImmediately: true,
      });
      return requestIdOf(await rds.send(command));
    },
    async disableDeletionProtection(instance) {
      await rds.send(
        new ModifyDBInstanceCommand({
          DBInstanceIdentifier: instance.identifier,
          DeletionProtection: false,
          ApplyImmediately: true,
        }),
      );
    },
    async delete(instance, finalSnapshot) {
      const command = new DeleteDBInstanceCommand({
        DBInstanceIdentifier: instance.identifier,
        FinalDBSnapshotIdentifier: finalSnapshot,
        SkipFinalSnapshot: false,
      });
      return requestIdOf(await rds.send(command));
    },
    finalSnapshotExists: (identifier) => snapshotExists(rds, identifier),
  };
}
