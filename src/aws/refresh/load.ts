import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { DocDBClient } from '@aws-sdk/client-docdb';
import { RDSClient } from '@aws-sdk/client-rds';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { AwsClientFactory, AwsEnvironment } from '../clients.js';
import { CodePipelines } from './code-pipelines.js';
import { AwsSnapshotCopies } from './snapshot-copies.js';
import { SsmParameters } from './ssm-parameters.js';

/** The refresh's adapters with their SDK clients: a chunk of its own, loaded by the worker on first use. */
export function loadParameters(clients: AwsClientFactory, environment: AwsEnvironment): SsmParameters {
  return new SsmParameters(clients.client(SSMClient, environment));
}

export function loadPipelines(clients: AwsClientFactory, environment: AwsEnvironment): CodePipelines {
  return new CodePipelines(clients.client(CodePipelineClient, environment), environment.region);
}

export function loadSnapshotCopies(clients: AwsClientFactory, environment: AwsEnvironment): AwsSnapshotCopies {
  return new AwsSnapshotCopies({
    docdb: () => clients.client(DocDBClient, environment),
    rds: () => clients.client(RDSClient, environment),
  });
}
