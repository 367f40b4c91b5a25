import {
  DescribeTableCommand,
  DynamoDBClient,
  RestoreTableToPointInTimeCommand,
  TableNotFoundException,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeDBClustersCommand,
  DescribeGlobalClustersCommand,
  FailoverGlobalClusterCommand,
  InvalidGlobalClusterStateFault,
} from '@aws-sdk/client-rds';
import {
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  InvalidChangeBatch,
  ListResourceRecordSetsCommand,
  NoSuchHostedZone,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHarness, failure, type Harness, MINUTE, PROD } from './simulated-harness.js';

const DR = { accountId: PROD.accountId, region: 'us-west-2' };
const ZONE = 'Z0ORDERS';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

describe('the simulated disaster-recovery region', () => {
  let harness: Harness;
  beforeEach(() => {
    harness = createHarness();
  });

  describe('Route 53', () => {
    let route53: Route53Client;
    beforeEach(() => {
      harness.sim.route53.addHostedZone(PROD.accountId, {
        id: ZONE,
        name: 'internal.example.com',
        records: [{ name: 'orders-db.internal.example.com', type: 'CNAME', ttl: 300, values: ['orders-db.eu-west-1'] }],
      });
      route53 = harness.plug(new Route53Client({ region: 'us-east-1', credentials }), PROD);
    });
    const upsert = (value: string) =>
      route53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: `/hostedzone/${ZONE}`,
          ChangeBatch: {
            Changes: [
              {
                Action: 'UPSERT',
                ResourceRecordSet: {
                  Name: 'Orders-DB.internal.example.com',
                  Type: 'CNAME',
                  TTL: 60,
                  ResourceRecords: [{ Value: value }],
                },
              },
            ],
          },
        }),
      );

    it('reports an UPSERT PENDING until it has propagated, then INSYNC, with the new value listed', async () => {
      // Act
      const { ChangeInfo } = await upsert('orders-db-dr.us-west-2');
      const pending = await route53.send(new GetChangeCommand({ Id: ChangeInfo?.Id }));
      harness.advance(MINUTE);
      const synced = await route53.send(new GetChangeCommand({ Id: ChangeInfo?.Id }));
      const listed = await route53.send(
        new ListResourceRecordSetsCommand({
          HostedZoneId: ZONE,
          StartRecordName: 'orders-db.internal.example.com',
          StartRecordType: 'CNAME',
          MaxItems: 1,
        }),
      );

      // Assess
      expect(pending.ChangeInfo?.Status).toBe('PENDING');
      expect(synced.ChangeInfo?.Status).toBe('INSYNC');
      expect(listed.ResourceRecordSets?.[0]).toMatchObject({
        Name: 'orders-db.internal.example.com.',
        TTL: 60,
        ResourceRecords: [{ Value: 'orders-db-dr.us-west-2' }],
      });
    });

    it('refuses a record outside the zone and an unknown zone with Route 53’s exceptions', async () => {
      // Act
      const outside = await failure(
        route53.send(
          new ChangeResourceRecordSetsCommand({
            HostedZoneId: ZONE,
            ChangeBatch: {
              Changes: [
                {
                  Action: 'UPSERT',
                  ResourceRecordSet: {
                    Name: 'orders.other.org',
                    Type: 'A',
                    TTL: 60,
                    ResourceRecords: [{ Value: '1' }],
                  },
                },
              ],
            },
          }),
        ),
      );
      const unknown = await failure(route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: 'Z0NONE' })));

      // Assess
      expect(outside).toBeInstanceOf(InvalidChangeBatch);
      expect(unknown).toBeInstanceOf(NoSuchHostedZone);
      expect(harness.sim.route53.record(PROD.accountId, ZONE, 'orders-db.internal.example.com', 'CNAME')?.TTL).toBe(
        300,
      );
    });
  });

  describe('an Aurora global database', () => {
    beforeEach(() => {
      harness.rds.addCluster(PROD, {
        id: 'orders',
        engine: 'aurora-postgresql',
        engineVersion: '15.4',
        members: [{ id: 'orders-1', instanceClass: 'db.r6g.large' }],
      });
      harness.rds.addGlobalCluster(PROD, {
        id: 'orders-global',
        primaryClusterId: 'orders',
        secondaries: [
          {
            region: DR.region,
            cluster: { id: 'orders-dr', members: [{ id: 'orders-dr-1', instanceClass: 'db.r6g.large' }] },
          },
        ],
      });
    });

    it('makes the DR secondary the writer a while after FailoverGlobalCluster with AllowDataLoss', async () => {
      // Arrange
      const rds = harness.rdsClient(DR);
      const secondaryArn = `arn:aws:rds:${DR.region}:${DR.accountId}:cluster:orders-dr`;
      const before = await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'orders-dr' }));

      // Act
      await rds.send(
        new FailoverGlobalClusterCommand({
          GlobalClusterIdentifier: 'orders-global',
          TargetDbClusterIdentifier: secondaryArn,
          AllowDataLoss: true,
        }),
      );
      const during = await rds.send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: 'orders-global' }));
      const again = await failure(
        rds.send(
          new FailoverGlobalClusterCommand({
            GlobalClusterIdentifier: 'orders-global',
            TargetDbClusterIdentifier: secondaryArn,
            AllowDataLoss: true,
          }),
        ),
      );
      harness.advance(2 * MINUTE);
      const after = await rds.send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: 'orders-global' }));
      const promoted = await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'orders-dr' }));

      // Assess
      expect(before.DBClusters?.[0]).toMatchObject({ GlobalClusterIdentifier: 'orders-global' });
      expect(before.DBClusters?.[0]?.DBClusterMembers?.[0]?.IsClusterWriter).toBe(false);
      expect(during.GlobalClusters?.[0]).toMatchObject({
        Status: 'failing-over',
        FailoverState: { ToDbClusterArn: secondaryArn, IsDataLossAllowed: true },
      });
      expect(again).toBeInstanceOf(InvalidGlobalClusterStateFault);
      expect(after.GlobalClusters?.[0]?.Status).toBe('available');
      expect(after.GlobalClusters?.[0]?.GlobalClusterMembers?.find((member) => member.IsWriter)?.DBClusterArn).toBe(
        secondaryArn,
      );
      expect(promoted.DBClusters?.[0]?.Status).toBe('available');
      expect(promoted.DBClusters?.[0]?.DBClusterMembers?.[0]?.IsClusterWriter).toBe(true);
    });
  });

  describe('DynamoDB', () => {
    const dynamodb = (target: typeof PROD) =>
      harness.plug(new DynamoDBClient({ region: target.region, credentials }), target);
    beforeEach(() => {
      harness.sim.dynamodb.addTable(PROD, {
        name: 'sessions',
        keySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        attributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        pointInTimeRecovery: true,
      });
      harness.advance(60 * MINUTE);
    });

    it('restores into the DR region from a source named by its ARN in the primary region', async () => {
      // Act
      const restored = await dynamodb(DR).send(
        new RestoreTableToPointInTimeCommand({
          SourceTableArn: `arn:aws:dynamodb:${PROD.region}:${PROD.accountId}:table/sessions`,
          TargetTableName: 'sessions-dr',
          UseLatestRestorableTime: true,
        }),
      );
      const otherAccount = await failure(
        dynamodb(DR).send(
          new RestoreTableToPointInTimeCommand({
            SourceTableArn: `arn:aws:dynamodb:${PROD.region}:999999999999:table/sessions`,
            TargetTableName: 'sessions-dr2',
            UseLatestRestorableTime: true,
          }),
        ),
      );

      // Assess
      expect(restored.TableDescription?.TableArn).toBe(
        `arn:aws:dynamodb:${DR.region}:${DR.accountId}:table/sessions-dr`,
      );
      expect(harness.sim.dynamodb.describeTable(DR, 'sessions-dr')?.RestoreSummary?.SourceTableArn).toBe(
        `arn:aws:dynamodb:${PROD.region}:${PROD.accountId}:table/sessions`,
      );
      expect(harness.sim.dynamodb.describeTable(PROD, 'sessions-dr')).toBeUndefined();
      expect(otherAccount).toBeInstanceOf(TableNotFoundException);
    });

    it('describes a global table’s replica regions on both sides', async () => {
      // Arrange
      harness.sim.dynamodb.addReplica(PROD, 'sessions', DR.region);

      // Act
      const primary = await dynamodb(PROD).send(new DescribeTableCommand({ TableName: 'sessions' }));
      const replica = await dynamodb(DR).send(new DescribeTableCommand({ TableName: 'sessions' }));

      // Assess
      expect(primary.Table?.Replicas).toEqual([{ RegionName: DR.region, ReplicaStatus: 'ACTIVE' }]);
      expect(replica.Table?.Replicas).toEqual([{ RegionName: PROD.region, ReplicaStatus: 'ACTIVE' }]);
      expect(replica.Table?.TableArn).toBe(`arn:aws:dynamodb:${DR.region}:${DR.accountId}:table/sessions`);
    });
  });
});
