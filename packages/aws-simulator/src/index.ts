/**
 * A simulated AWS account (or several) under the real SDK v3 clients: attach `sim.plugin(target)`
 * to any client and its commands are answered in memory, with AWS's output shapes, exception
 * classes and durations. See README.md.
 */

export type { AutoScalingSimulation } from './autoscaling/index.js';
export type { Clock } from './clock.js';
export type { CodePipelineSimulation, PipelineSeed } from './codepipeline/index.js';
export type { BackupSeed, DynamoDbSimulation, IndexSeed, ScalingSeed, TableSeed } from './dynamodb/index.js';
export { fault, SimulatedAwsFault } from './errors.js';
export { FaultInjector, seededRandom } from './faults.js';
export type {
  ClusterMemberSeed,
  ClusterSeed,
  InstanceSeed,
  RdsSimulation,
  SnapshotSeed,
  TagSeed,
} from './rds/index.js';
export type { RecordSeed, Route53Simulation } from './route53/index.js';
export { createSimulatedAws, SimulatedAws, type SimulatedAwsOptions } from './simulated-aws.js';
export type { ParameterSeed, SsmSimulation } from './ssm/index.js';
export type { RoleSeed, StsSimulation } from './sts/index.js';
export type {
  OperationHandler,
  ServiceHandlers,
  SimulatedCall,
  SimulatedRequest,
  SimulatedService,
  SimulatedTarget,
} from './types.js';
export { DEFAULT_DURATIONS, type SimulatedDurations, SimulatedWorld, speedUpDurations } from './world.js';
