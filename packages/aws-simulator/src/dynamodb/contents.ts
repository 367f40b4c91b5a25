import type { TableContents } from './state.js';

/** A deep copy of what a backup or a restore carries, so later changes to the source do not leak into it. */
export function copyContents(source: TableContents): TableContents {
  return structuredClone({
    keySchema: source.keySchema,
    attributeDefinitions: source.attributeDefinitions,
    globalSecondaryIndexes: source.globalSecondaryIndexes,
    localSecondaryIndexes: source.localSecondaryIndexes,
    billingMode: source.billingMode,
    capacity: source.capacity,
    itemCount: source.itemCount,
    sizeBytes: source.sizeBytes,
    kmsMasterKeyArn: source.kmsMasterKeyArn,
    tableClass: source.tableClass,
  });
}
