import type {
  DeleteParameterRequest,
  GetParameterHistoryRequest,
  GetParameterHistoryResult,
  GetParameterRequest,
  GetParameterResult,
  GetParametersByPathRequest,
  GetParametersByPathResult,
  GetParametersRequest,
  GetParametersResult,
  ParameterType,
} from '@aws-sdk/client-ssm';
import { fault } from '../errors.js';
import type { ServiceHandlers, SimulatedTarget } from '../types.js';
import type { SimulatedWorld } from '../world.js';
import { currentVersion, ParameterState } from './parameter-state.js';
import { putParameter } from './put-parameter.js';
import { findParameter, isUnderPath, pageOf, toHistory, toParameter } from './read-parameters.js';

const MAX_NAMES = 10;
const DEFAULT_HISTORY_PAGE = 50;
const MAX_PATH_PAGE = 10;

function notFound(name: string | undefined): never {
  throw fault('ParameterNotFound', `Parameter ${name} not found.`);
}

/** A parameter as a seed wants it. */
export interface ParameterSeed {
  name: string;
  value: string;
  /** Defaults to String. */
  type?: ParameterType;
  description?: string;
  /** Defaults to now. */
  modifiedAt?: Date;
}

/** SSM Parameter Store: String and SecureString parameters with their last 100 versions, per account and region. */
export class SsmSimulation {
  readonly state = new ParameterState();
  readonly handlers: ServiceHandlers;

  constructor(readonly world: SimulatedWorld) {
    this.handlers = this.createHandlers();
  }

  /** Puts a parameter (a new version if it exists); returns the version. */
  putParameter(target: SimulatedTarget, seed: ParameterSeed): number {
    const result = putParameter(
      this.state.region(target),
      target,
      {
        Name: seed.name,
        Value: seed.value,
        Type: seed.type ?? 'String',
        Description: seed.description,
        Overwrite: true,
      },
      seed.modifiedAt ?? this.world.now(),
    );
    return result.Version ?? 0;
  }

  /** The current value, or undefined: for assertions that bypass the call log. */
  valueOf(target: SimulatedTarget, name: string): string | undefined {
    const parameter = this.state.region(target).get(name);
    return parameter && currentVersion(parameter).value;
  }

  private createHandlers(): ServiceHandlers {
    const { world, state } = this;
    return {
      PutParameter: (request) => putParameter(state.region(request), request, request.input, world.now()),

      GetParameter: (request): GetParameterResult => {
        const input: GetParameterRequest = request.input;
        const found = findParameter(state.region(request), input.Name ?? '') ?? notFound(input.Name);
        return {
          Parameter: toParameter(request, found.parameter, found.version, input.WithDecryption, found.selector),
        };
      },

      GetParameters: (request): GetParametersResult => {
        const input: GetParametersRequest = request.input;
        const names = input.Names ?? [];
        if (names.length < 1 || names.length > MAX_NAMES) {
          throw fault(
            'ValidationException',
            `1 validation error detected: Value at 'names' failed to satisfy constraint: Member must have length between 1 and ${MAX_NAMES}`,
          );
        }
        const parameters = state.region(request);
        const result: Required<Pick<GetParametersResult, 'Parameters' | 'InvalidParameters'>> = {
          Parameters: [],
          InvalidParameters: [],
        };
        for (const name of names) {
          const found = findParameter(parameters, name);
          if (found)
            result.Parameters.push(
              toParameter(request, found.parameter, found.version, input.WithDecryption, found.selector),
            );
          else result.InvalidParameters.push(name);
        }
        return result;
      },

      GetParameterHistory: (request): GetParameterHistoryResult => {
        const input: GetParameterHistoryRequest = request.input;
        const parameter = state.region(request).get(input.Name ?? '') ?? notFound(input.Name);
        const { items, next } = pageOf(parameter.versions, input.NextToken, input.MaxResults ?? DEFAULT_HISTORY_PAGE);
        return {
          Parameters: items.map((version) => toHistory(parameter, version, input.WithDecryption)),
          ...(next && { NextToken: next }),
        };
      },

      GetParametersByPath: (request): GetParametersByPathResult => {
        const input: GetParametersByPathRequest = request.input;
        const path = input.Path ?? '';
        if (!path.startsWith('/')) {
          throw fault(
            'ValidationException',
            'The parameter doesn\'t meet the parameter name requirements. The parameter name must begin with a forward slash "/".',
          );
        }
        if (input.ParameterFilters && input.ParameterFilters.length > 0) {
          throw fault('ValidationException', 'The simulated SSM does not support ParameterFilters');
        }
        const size = input.MaxResults ?? MAX_PATH_PAGE;
        if (size < 1 || size > MAX_PATH_PAGE) {
          throw fault('ValidationException', `MaxResults must be between 1 and ${MAX_PATH_PAGE}`);
        }
        const matching = [...state.region(request).values()]
          .filter((parameter) => isUnderPath(parameter.name, path, input.Recursive ?? false))
          .sort((a, b) => a.name.localeCompare(b.name));
        const { items, next } = pageOf(matching, input.NextToken, size);
        return {
          Parameters: items.map((parameter) =>
            toParameter(request, parameter, currentVersion(parameter), input.WithDecryption),
          ),
          ...(next && { NextToken: next }),
        };
      },

      DeleteParameter: (request) => {
        const input: DeleteParameterRequest = request.input;
        if (!state.region(request).delete(input.Name ?? '')) notFound(input.Name);
        return {};
      },
    };
  }
}

export function createSsmSimulation(world: SimulatedWorld): SsmSimulation {
  return new SsmSimulation(world);
}
