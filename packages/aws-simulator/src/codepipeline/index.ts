import { randomUUID } from 'node:crypto';
import type {
  GetPipelineExecutionInput,
  GetPipelineExecutionOutput,
  ListPipelineExecutionsInput,
  ListPipelineExecutionsOutput,
  PipelineExecutionStatus,
  StartPipelineExecutionInput,
  StartPipelineExecutionOutput,
} from '@aws-sdk/client-codepipeline';
import { fault } from '../errors.js';
import type { ServiceHandlers, SimulatedRequest, SimulatedTarget } from '../types.js';
import type { SimulatedWorld } from '../world.js';
import { PipelineState, type StoredExecution, type StoredPipeline } from './pipeline-state.js';

const TOKEN = /^[a-zA-Z0-9-]{1,128}$/;
const VARIABLE_NAME = /^[A-Za-z0-9@\-_]{1,128}$/;
const DEFAULT_PAGE = 100;

export interface PipelineSeed {
  /** Declared variables; when set, a start with any other name is refused as AWS does. */
  variableNames?: string[];
}

/**
 * CodePipeline: start (idempotent on clientRequestToken), get and list executions. An execution
 * is InProgress for `pipelineMs`, then Succeeded, or Failed if a test asked for it.
 */
export class CodePipelineSimulation {
  readonly state = new PipelineState();
  readonly handlers: ServiceHandlers;

  constructor(private readonly world: SimulatedWorld) {
    this.handlers = this.createHandlers();
  }

  addPipeline(target: SimulatedTarget, name: string, seed: PipelineSeed = {}): void {
    this.state.region(target).set(name, {
      name,
      ...(seed.variableNames && { variableNames: seed.variableNames }),
      executions: [],
      tokens: new Map(),
      pendingFailures: [],
    });
  }

  /** The next execution started on `name` ends Failed instead of Succeeded. */
  failNextExecution(target: SimulatedTarget, name: string, reason = 'Simulated failure in stage Deploy'): void {
    this.requirePipeline(target, name).pendingFailures.push(reason);
  }

  private requirePipeline(target: SimulatedTarget, name: string | undefined): StoredPipeline {
    const pipeline = this.state.region(target).get(name ?? '');
    if (!pipeline)
      throw fault(
        'PipelineNotFoundException',
        `Account '${target.accountId}' does not have a pipeline with name '${name}'`,
      );
    return pipeline;
  }

  private status(execution: StoredExecution): { status: PipelineExecutionStatus; updatedAt: Date } {
    const endsAt = new Date(execution.startedAt.getTime() + this.world.durations.pipelineMs);
    if (!this.world.elapsed(execution.startedAt, this.world.durations.pipelineMs)) {
      return { status: 'InProgress', updatedAt: execution.startedAt };
    }
    return { status: execution.failure ? 'Failed' : 'Succeeded', updatedAt: endsAt };
  }

  private start(request: SimulatedRequest): StartPipelineExecutionOutput {
    const input: StartPipelineExecutionInput = request.input;
    const pipeline = this.requirePipeline(request, input.name);
    const token = input.clientRequestToken;
    if (token !== undefined && !TOKEN.test(token)) {
      throw fault(
        'ValidationException',
        `1 validation error detected: Value '${token}' at 'clientRequestToken' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9-]+$`,
      );
    }
    const known = token === undefined ? undefined : pipeline.tokens.get(token);
    if (known) return { pipelineExecutionId: known };
    const variables = (input.variables ?? []).map((variable) => ({
      name: variable.name ?? '',
      value: variable.value ?? '',
    }));
    for (const { name } of variables) {
      if (!VARIABLE_NAME.test(name) || (pipeline.variableNames && !pipeline.variableNames.includes(name))) {
        throw fault('ValidationException', `Variable '${name}' is not declared in pipeline '${pipeline.name}'`);
      }
    }
    const failure = pipeline.pendingFailures.shift();
    const execution: StoredExecution = {
      id: randomUUID(),
      startedAt: this.world.now(),
      variables,
      ...(failure && { failure }),
    };
    pipeline.executions.push(execution);
    if (token !== undefined) pipeline.tokens.set(token, execution.id);
    return { pipelineExecutionId: execution.id };
  }

  private createHandlers(): ServiceHandlers {
    const trigger = (request: SimulatedRequest) => ({
      triggerType: 'StartPipelineExecution' as const,
      triggerDetail: `arn:aws:sts::${request.accountId}:assumed-role/simulated-caller/simulated`,
    });
    return {
      StartPipelineExecution: (request) => this.start(request),

      GetPipelineExecution: (request): GetPipelineExecutionOutput => {
        const input: GetPipelineExecutionInput = request.input;
        const pipeline = this.requirePipeline(request, input.pipelineName);
        const execution = pipeline.executions.find((candidate) => candidate.id === input.pipelineExecutionId);
        if (!execution) {
          throw fault(
            'PipelineExecutionNotFoundException',
            `Pipeline execution ID ${input.pipelineExecutionId} does not belong to pipeline ${pipeline.name}`,
          );
        }
        const { status } = this.status(execution);
        return {
          pipelineExecution: {
            pipelineName: pipeline.name,
            pipelineVersion: 1,
            pipelineExecutionId: execution.id,
            status,
            ...(status === 'Failed' && { statusSummary: execution.failure }),
            artifactRevisions: [],
            variables: execution.variables.map(({ name, value }) => ({ name, resolvedValue: value })),
            trigger: trigger(request),
            executionMode: 'SUPERSEDED',
            executionType: 'STANDARD',
          },
        };
      },

      ListPipelineExecutions: (request): ListPipelineExecutionsOutput => {
        const input: ListPipelineExecutionsInput = request.input;
        const pipeline = this.requirePipeline(request, input.pipelineName);
        const newestFirst = [...pipeline.executions].reverse();
        const start = input.nextToken ? Number.parseInt(input.nextToken, 10) : 0;
        if (!Number.isInteger(start) || start < 0)
          throw fault('InvalidNextTokenException', 'The next token was specified in an invalid format.');
        const end = start + (input.maxResults ?? DEFAULT_PAGE);
        return {
          pipelineExecutionSummaries: newestFirst.slice(start, end).map((execution) => {
            const { status, updatedAt } = this.status(execution);
            return {
              pipelineExecutionId: execution.id,
              status,
              ...(status === 'Failed' && { statusSummary: execution.failure }),
              startTime: execution.startedAt,
              lastUpdateTime: updatedAt,
              trigger: trigger(request),
              executionMode: 'SUPERSEDED',
              executionType: 'STANDARD',
            };
          }),
          ...(end < newestFirst.length && { nextToken: String(end) }),
        };
      },
    };
  }
}

export function createCodePipelineSimulation(world: SimulatedWorld): CodePipelineSimulation {
  return new CodePipelineSimulation(world);
}
