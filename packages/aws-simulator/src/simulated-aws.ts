import type { Pluggable } from '@smithy/types';
import { createAutoScalingSimulation } from './autoscaling/index.js';
import type { Clock } from './clock.js';
import { type CodePipelineSimulation, createCodePipelineSimulation } from './codepipeline/index.js';
import { createDynamoDbSimulation, type DynamoDbSimulation } from './dynamodb/index.js';
import { fault, SimulatedAwsFault, THROTTLING_ERROR, toServiceException } from './errors.js';
import { FaultInjector } from './faults.js';
import { createRdsSimulation, type RdsSimulation } from './rds/index.js';
import { Route53Simulation } from './route53/index.js';
import { createSsmSimulation, type SsmSimulation } from './ssm/index.js';
import { createStsSimulation, type StsSimulation } from './sts/index.js';
import type { ServiceHandlers, SimulatedCall, SimulatedRequest, SimulatedService, SimulatedTarget } from './types.js';
import { type SimulatedDurations, SimulatedWorld } from './world.js';

export interface SimulatedAwsOptions {
  /** The account's time: the same clock as the application's (real time in a demo, a manual clock in tests). */
  clock: Clock;
  durations?: Partial<SimulatedDurations>;
  /** Every operation takes its duration divided by this (60: one AWS minute a second). */
  speedUp?: number;
}

const CLIENT_SERVICES: Record<string, SimulatedService> = {
  RDSClient: 'RDS',
  DocDBClient: 'DocDB',
  DynamoDBClient: 'DynamoDB',
  ApplicationAutoScalingClient: 'ApplicationAutoScaling',
  SSMClient: 'SSM',
  CodePipelineClient: 'CodePipeline',
  STSClient: 'STS',
  Route53Client: 'Route53',
};

/**
 * An in-memory AWS account (or several), plugged under the real SDK v3 clients: the plugin's
 * middleware answers each command before it is serialized, so drivers run unchanged and see
 * AWS's output shapes and exception classes.
 */
export class SimulatedAws {
  readonly world: SimulatedWorld;
  readonly calls: SimulatedCall[] = [];
  readonly faults = new FaultInjector();
  readonly rds: RdsSimulation;
  readonly dynamodb: DynamoDbSimulation;
  readonly ssm: SsmSimulation;
  readonly codePipeline: CodePipelineSimulation;
  readonly sts: StsSimulation;
  readonly route53: Route53Simulation;
  private readonly handlers: Record<SimulatedService, ServiceHandlers>;

  constructor(options: SimulatedAwsOptions) {
    this.world = new SimulatedWorld(options.clock, options.durations, options.speedUp);
    this.rds = createRdsSimulation(this.world);
    this.dynamodb = createDynamoDbSimulation(this.world);
    this.ssm = createSsmSimulation(this.world);
    this.codePipeline = createCodePipelineSimulation(this.world);
    this.sts = createStsSimulation(this.world);
    this.route53 = new Route53Simulation(this.world);
    this.handlers = {
      RDS: this.rds.rdsHandlers,
      DocDB: this.rds.docdbHandlers,
      DynamoDB: this.dynamodb.handlers,
      ApplicationAutoScaling: createAutoScalingSimulation(this.world, this.dynamodb).handlers,
      SSM: this.ssm.handlers,
      CodePipeline: this.codePipeline.handlers,
      STS: this.sts.handlers,
      Route53: this.route53.handlers,
    };
  }

  /**
   * Attach to any SDK v3 client built for `target`: `client.middlewareStack.use(sim.plugin(target))`.
   * Given the client's credentials provider, each call resolves it first, as signing would,
   * so an assumed role really goes through (the simulated) STS.
   */
  // biome-ignore lint/suspicious/noExplicitAny: a plugin fits clients of every input and output type
  plugin(target: SimulatedTarget, options: { credentials?: () => Promise<unknown> } = {}): Pluggable<any, any> {
    return {
      applyToStack: (stack) => {
        stack.add(
          (_next, context) => async (args) => {
            await options.credentials?.();
            const service = CLIENT_SERVICES[context.clientName ?? ''];
            if (!service) throw new Error(`The simulated account does not answer ${context.clientName}`);
            const operation = (context.commandName ?? '').replace(/Command$/, '');
            const output = await this.handle({ ...target, service, operation, input: args.input });
            return { output, response: {} };
          },
          // override: the SDK's credential provider applies its client plugins again on every refresh.
          { step: 'initialize', name: 'simulatedAwsAccount', priority: 'high', override: true },
        );
      },
    };
  }

  /** Calls of `operation` (optionally of one service) in the log. */
  callsOf(operation: string, service?: SimulatedService): SimulatedCall[] {
    return this.calls.filter((call) => call.operation === operation && (!service || call.service === service));
  }

  private async handle(request: SimulatedRequest): Promise<object> {
    const requestId = this.world.newRequestId();
    const call: SimulatedCall = {
      accountId: request.accountId,
      region: request.region,
      service: request.service,
      operation: request.operation,
      input: structuredClone(request.input),
      at: this.world.now(),
      requestId,
      outcome: 'ok',
    };
    this.calls.push(call);
    try {
      const injected = this.faults.draw(request.service, request.operation);
      if (injected === 'throttle') throw fault(THROTTLING_ERROR[request.service], 'Rate exceeded');
      if (injected) throw fault(injected.code, injected.message);
      const handler = this.handlers[request.service][request.operation];
      if (!handler) throw new Error(`The simulated ${request.service} does not implement ${request.operation}`);
      const output = await handler(request);
      return { ...structuredClone(output), $metadata: { httpStatusCode: 200, requestId, attempts: 1 } };
    } catch (error) {
      if (!(error instanceof SimulatedAwsFault)) throw error;
      call.outcome = error.code;
      throw toServiceException(request.service, error.code, error.message, requestId);
    }
  }
}

export function createSimulatedAws(options: SimulatedAwsOptions): SimulatedAws {
  return new SimulatedAws(options);
}
