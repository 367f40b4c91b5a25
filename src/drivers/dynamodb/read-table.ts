import {
  type ContinuousBackupsDescription,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ListTagsOfResourceCommand,
  type TableDescription,
  type TimeToLiveDescription,
} from '@aws-sdk/client-dynamodb';
import { isTableNotFound } from './aws-errors.js';

/** DescribeTable, or undefined when there is no such table. Other errors propagate unchanged. */
export async function describeTable(dynamodb: DynamoDBClient, name: string): Promise<TableDescription | undefined> {
  try {
    const response = await dynamodb.send(new DescribeTableCommand({ TableName: name }));
    return response.Table;
  } catch (error) {
    if (isTableNotFound(error)) {
      return undefined;
    }
    throw error;
  }
}

/** All tags of a table (ListTagsOfResource pages by NextToken). */
export async function readTags(dynamodb: DynamoDBClient, tableArn: string): Promise<Record<string, string>> {
  const tags: Record<string, string> = {};
  let nextToken: string | undefined;
  do {
    const response = await dynamodb.send(
      new ListTagsOfResourceCommand({ ResourceArn: tableArn, NextToken: nextToken }),
    );
    for (const tag of response.Tags ?? []) {
      if (tag.Key !== undefined) {
        tags[tag.Key] = tag.Value ?? '';
      }
    }
    nextToken = response.NextToken;
  } while (nextToken);
  return tags;
}

export async function readTimeToLive(dynamodb: DynamoDBClient, name: string): Promise<TimeToLiveDescription> {
  const response = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: name }));
  return response.TimeToLiveDescription ?? {};
}

/** The TTL attribute while TTL is on (ENABLING counts: the change is accepted and cannot be made twice). */
export function enabledTtlAttribute(ttl: TimeToLiveDescription): string | undefined {
  const on = ttl.TimeToLiveStatus === 'ENABLED' || ttl.TimeToLiveStatus === 'ENABLING';
  return on ? ttl.AttributeName : undefined;
}

export async function readContinuousBackups(
  dynamodb: DynamoDBClient,
  name: string,
): Promise<ContinuousBackupsDescription | undefined> {
  const response = await dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: name }));
  return response.ContinuousBackupsDescription;
}

export function isPointInTimeRecoveryOn(backups: ContinuousBackupsDescription | undefined): boolean {
  return backups?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus === 'ENABLED';
}
