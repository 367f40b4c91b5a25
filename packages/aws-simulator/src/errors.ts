import * as autoScaling from '@aws-sdk/client-application-auto-scaling';
import * as codePipeline from '@aws-sdk/client-codepipeline';
import * as docdb from '@aws-sdk/client-docdb';
import * as dynamodb from '@aws-sdk/client-dynamodb';
import * as rds from '@aws-sdk/client-rds';
import * as route53 from '@aws-sdk/client-route-53';
import * as ssm from '@aws-sdk/client-ssm';
import * as sts from '@aws-sdk/client-sts';
import type { SimulatedService } from './types.js';

/** A modeled exception (`DBClusterNotFoundFault`): the SDK fills in its name and fault. */
type ModeledExceptionClass = new (options: { message: string; $metadata: object }) => Error;

/** A service's base exception (`RDSServiceException`), for codes the SDK does not model. */
type BaseExceptionClass = new (options: {
  name: string;
  message: string;
  $fault: 'client' | 'server';
  $metadata: object;
}) => Error;

const SERVICE_MODULES: Record<SimulatedService, Record<string, unknown>> = {
  RDS: rds,
  DocDB: docdb,
  DynamoDB: dynamodb,
  ApplicationAutoScaling: autoScaling,
  SSM: ssm,
  CodePipeline: codePipeline,
  STS: sts,
  Route53: route53,
};

const BASE_EXCEPTIONS: Record<SimulatedService, BaseExceptionClass> = {
  RDS: rds.RDSServiceException,
  DocDB: docdb.DocDBServiceException,
  DynamoDB: dynamodb.DynamoDBServiceException,
  ApplicationAutoScaling: autoScaling.ApplicationAutoScalingServiceException,
  SSM: ssm.SSMServiceException,
  CodePipeline: codePipeline.CodePipelineServiceException,
  STS: sts.STSServiceException,
  Route53: route53.Route53ServiceException,
};

/** Error codes AWS reports for throttling, by service (RDS and DocumentDB say `Throttling`). */
export const THROTTLING_ERROR: Record<SimulatedService, string> = {
  RDS: 'Throttling',
  DocDB: 'Throttling',
  DynamoDB: 'ThrottlingException',
  ApplicationAutoScaling: 'ThrottlingException',
  SSM: 'ThrottlingException',
  CodePipeline: 'ThrottlingException',
  STS: 'Throttling',
  Route53: 'Throttling',
};

/**
 * A fault raised by a simulated handler. The plugin turns it into the client's own exception
 * class, as the SDK's deserializer would, so drivers see exactly what AWS would throw.
 */
export class SimulatedAwsFault extends Error {
  override name = 'SimulatedAwsFault';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Shorthand for handlers: `throw fault('DBClusterNotFoundFault', 'DBCluster orders not found.')`. */
export function fault(code: string, message: string): SimulatedAwsFault {
  return new SimulatedAwsFault(code, message);
}

/** Builds the exception the real client would throw for `code`, with AWS's metadata. */
export function toServiceException(service: SimulatedService, code: string, message: string, requestId: string): Error {
  const $metadata = { httpStatusCode: 400, requestId, attempts: 1 };
  const modeled = SERVICE_MODULES[service][code];
  const error = isExceptionClass(modeled)
    ? new modeled({ message, $metadata })
    : new BASE_EXCEPTIONS[service]({ name: code, message, $fault: 'client', $metadata });
  if (code === THROTTLING_ERROR[service]) {
    Object.assign(error, { $retryable: { throttling: true } });
  }
  return error;
}

function isExceptionClass(value: unknown): value is ModeledExceptionClass {
  return typeof value === 'function' && /Fault$|Exception$|NotFound$|Exists$|^NoSuch|^Invalid/.test(value.name);
}
