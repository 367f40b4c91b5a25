import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { DocDBClient } from '@aws-sdk/client-docdb';
import { DynamoDBClient, InternalServerError, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DBClusterNotFoundFault, RDSClient, RestoreDBClusterToPointInTimeCommand } from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { AwsClientFactory, AwsEnvironment } from '../../src/aws/clients.js';
import type { DatabaseDriver } from '../../src/domain/ports/database-driver.js';
import { createAuroraClusterDriver } from '../../src/drivers/aurora-cluster.js';
import { createDocdbClusterDriver } from '../../src/drivers/docdb-cluster.js';
import { createDynamoDbTableDriver } from '../../src/drivers/dynamodb-table.js';
import { createDriver } from '../../src/drivers/index.js';
import { createRdsInstanceDriver } from '../../src/drivers/rds-instance.js';
import { buildPlan, REGION, stepContext } from './helpers/plan-builder.js';

const DRIVERS: [string, () => DatabaseDriver][] = [
  ['rds-instance', () => createRdsInstanceDriver({ rds: new RDSClient({ region: REGION }) })],
  ['aurora-cluster', () => createAuroraClusterDriver({ rds: new RDSClient({ region: REGION }) })],
  ['docdb-cluster', () => createDocdbClusterDriver({ docdb: new DocDBClient({ region: REGION }) })],
  [
    'dynamodb-table',
    () =>
      createDynamoDbTableDriver({
        dynamodb: new DynamoDBClient({ region: REGION }),
        autoScaling: new ApplicationAutoScalingClient({ region: REGION }),
      }),
  ],
  // The lazy driver classifies without loading its kind's code: the worker may classify a failed load.
  ['lazy-loaded', () => createDriver('aurora-cluster', {} as AwsClientFactory, {} as AwsEnvironment)],
];

/** An error as the SDK raises it for a service with no class of its own for it (STS's throttling). */
function sdkError(name: string, message: string, metadata: { httpStatusCode: number; requestId?: string }): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: metadata });
}

const rdsMock = mockClient(RDSClient);

afterEach(() => {
  rdsMock.reset();
});

describe.each(DRIVERS)('%s driver classifyError', (_name, create) => {
  it('calls throttling throttled, STS included, so it never fails a step', () => {
    // Prepare
    const driver = create();
    const sts = sdkError('Throttling', 'Rate exceeded', { httpStatusCode: 400, requestId: 'sts-1' });
    const dynamodb = new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} });

    // Act / Assess
    expect(driver.classifyError(sts)).toEqual({
      retry: 'throttled',
      message: 'Throttling: Rate exceeded',
      requestId: 'sts-1',
    });
    expect(driver.classifyError(dynamodb).retry).toBe('throttled');
  });

  it('calls server faults and dropped connections transient', () => {
    const driver = create();

    expect(driver.classifyError(new InternalServerError({ message: 'oops', $metadata: {} })).retry).toBe('transient');
    expect(driver.classifyError(sdkError('ServiceUnavailable', 'down', { httpStatusCode: 503 })).retry).toBe(
      'transient',
    );
    expect(driver.classifyError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).retry).toBe(
      'transient',
    );
  });

  it("calls a wrong request permanent, with AWS's message and request id", () => {
    const driver = create();
    const error = new DBClusterNotFoundFault({
      message: 'DBCluster orders not found.',
      $metadata: { httpStatusCode: 404, requestId: 'req-9' },
    });

    expect(driver.classifyError(error)).toEqual({
      retry: 'permanent',
      message: 'DBClusterNotFoundFault: DBCluster orders not found.',
      requestId: 'req-9',
    });
    expect(driver.classifyError('not an error')).toEqual({ retry: 'permanent', message: 'not an error' });
  });
});

describe('a driver classifies what its own calls threw', () => {
  it('sees a throttled restore call as throttled', async () => {
    // Prepare
    rdsMock.on(RestoreDBClusterToPointInTimeCommand).rejects(
      sdkError('ThrottlingException', 'Rate exceeded', {
        httpStatusCode: 400,
      }),
    );
    const driver = createAuroraClusterDriver({ rds: new RDSClient({ region: REGION }) });

    // Act
    const thrown = await driver.startStep(stepContext(buildPlan('aurora-cluster'), 'restore')).then(
      () => undefined,
      (error: unknown) => error,
    );

    // Assess
    expect(thrown).toBeDefined();
    expect(driver.classifyError(thrown)).toMatchObject({ retry: 'throttled', message: /ThrottlingException/ });
  });
});
