import {
  BackupInUseException,
  BackupNotFoundException,
  CreateBackupCommand,
  DescribeBackupCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListBackupsCommand,
  RestoreTableFromBackupCommand,
  TableAlreadyExistsException,
  TableNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../dev/demo/accounts.js';
import { seedDynamoDbDemo } from '../../../dev/demo/dynamodb.js';
import { DEFAULT_DURATIONS } from '../../../packages/aws-simulator/src/world.js';
import { createHarness, failure, type Harness, NOV_20_NOON } from './simulated-harness.js';

const production = DEMO_ACCOUNTS.production;
const BACKUP_ARN = /^arn:aws:dynamodb:eu-west-1:111111111111:table\/carts\/backup\/\d{14}-[0-9a-f]{8}$/;

describe('simulated DynamoDB backups', () => {
  let harness: Harness;
  let dynamodb: DynamoDBClient;
  const backupNamed = async (name: string) => {
    const { BackupSummaries } = await dynamodb.send(new ListBackupsCommand({ BackupType: 'ALL' }));
    const arn = BackupSummaries?.find((summary) => summary.BackupName === name)?.BackupArn;
    if (!arn) throw new Error(`No backup ${name}`);
    return arn;
  };

  beforeEach(() => {
    harness = createHarness(NOV_20_NOON);
    seedDynamoDbDemo(harness.sim.dynamodb, DEMO_ACCOUNTS);
    dynamodb = harness.plug(new DynamoDBClient({ region: production.region }), production);
  });

  it('creates a backup CREATING, AVAILABLE after createBackupMs, and refuses to restore it before', async () => {
    // Act
    const created = await dynamodb.send(new CreateBackupCommand({ TableName: 'carts', BackupName: 'before-fix' }));
    const arn = created.BackupDetails?.BackupArn;
    const early = await failure(
      dynamodb.send(new RestoreTableFromBackupCommand({ BackupArn: arn, TargetTableName: 'carts-early' })),
    );
    harness.advance(DEFAULT_DURATIONS.createBackupMs);
    const described = await dynamodb.send(new DescribeBackupCommand({ BackupArn: arn }));

    // Assess
    expect(created.BackupDetails).toMatchObject({
      BackupName: 'before-fix',
      BackupStatus: 'CREATING',
      BackupType: 'USER',
      BackupCreationDateTime: new Date('2026-11-20T12:00:00Z'),
      BackupSizeBytes: 612_400_128,
    });
    expect(arn).toMatch(BACKUP_ARN);
    expect(early).toBeInstanceOf(BackupInUseException);
    expect(described.BackupDescription?.BackupDetails?.BackupStatus).toBe('AVAILABLE');
    expect(described.BackupDescription?.SourceTableDetails).toMatchObject({ TableName: 'carts', ItemCount: 1_284_503 });
    expect(described.BackupDescription?.SourceTableFeatureDetails?.TimeToLiveDescription).toEqual({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expiresAt',
    });
  });

  it('refuses a backup of a missing table and a second backup while one is being created', async () => {
    // Act
    const missing = await failure(dynamodb.send(new CreateBackupCommand({ TableName: 'nope', BackupName: 'x-1' })));
    await dynamodb.send(new CreateBackupCommand({ TableName: 'carts', BackupName: 'first' }));
    const second = await failure(dynamodb.send(new CreateBackupCommand({ TableName: 'carts', BackupName: 'second' })));

    // Assess
    expect(missing).toBeInstanceOf(TableNotFoundException);
    expect(second).toBeInstanceOf(BackupInUseException);
  });

  it('lists USER backups by default, SYSTEM ones on request, filtered by table', async () => {
    // Act
    const byDefault = await dynamodb.send(new ListBackupsCommand({ TableName: 'carts' }));
    const all = await dynamodb.send(new ListBackupsCommand({ TableName: 'carts', BackupType: 'ALL' }));
    const system = await dynamodb.send(new ListBackupsCommand({ BackupType: 'SYSTEM' }));

    // Assess
    expect(byDefault.BackupSummaries?.map((summary) => summary.BackupName)).toEqual([
      'carts-weekly',
      'carts-before-migration',
    ]);
    expect(all.BackupSummaries).toHaveLength(3);
    expect(system.BackupSummaries?.map((summary) => [summary.BackupName, summary.BackupType])).toEqual([
      ['carts-system', 'SYSTEM'],
    ]);
    expect(byDefault.BackupSummaries?.every((summary) => summary.TableArn?.endsWith(':table/carts'))).toBe(true);
  });

  it('pages ListBackups with Limit and ExclusiveStartBackupArn', async () => {
    // Act
    const first = await dynamodb.send(new ListBackupsCommand({ Limit: 2 }));
    const rest = await dynamodb.send(new ListBackupsCommand({ ExclusiveStartBackupArn: first.LastEvaluatedBackupArn }));

    // Assess
    expect(first.BackupSummaries).toHaveLength(2);
    expect(first.LastEvaluatedBackupArn).toBe(first.BackupSummaries?.[1]?.BackupArn);
    expect(rest.BackupSummaries).toHaveLength(3);
    expect(rest.LastEvaluatedBackupArn).toBeUndefined();
  });

  it('restores a backup into a new table that carries the backup, not the settings of the source', async () => {
    // Prepare
    const arn = await backupNamed('audit-log-monthly');

    // Act
    const started = await dynamodb.send(
      new RestoreTableFromBackupCommand({ BackupArn: arn, TargetTableName: 'audit-copy' }),
    );
    harness.advance(DEFAULT_DURATIONS.restoreTableMs);
    const table = (await dynamodb.send(new DescribeTableCommand({ TableName: 'audit-copy' }))).Table;

    // Assess
    expect(started.TableDescription?.TableStatus).toBe('CREATING');
    expect(table).toMatchObject({
      TableStatus: 'ACTIVE',
      ItemCount: 22_419_007,
      TableClassSummary: { TableClass: 'STANDARD_INFREQUENT_ACCESS' },
      RestoreSummary: {
        SourceBackupArn: arn,
        SourceTableArn: 'arn:aws:dynamodb:eu-west-1:111111111111:table/audit-log',
        RestoreDateTime: new Date('2026-10-31T12:00:00Z'),
        RestoreInProgress: false,
      },
    });
  });

  it('refuses an unknown backup and an existing target', async () => {
    // Prepare
    const arn = await backupNamed('carts-weekly');

    // Act
    const unknown = await failure(
      dynamodb.send(new DescribeBackupCommand({ BackupArn: `${arn.slice(0, -8)}00000000` })),
    );
    const exists = await failure(
      dynamodb.send(new RestoreTableFromBackupCommand({ BackupArn: arn, TargetTableName: 'orders-events' })),
    );

    // Assess
    expect(unknown).toBeInstanceOf(BackupNotFoundException);
    expect(exists).toBeInstanceOf(TableAlreadyExistsException);
  });
});
