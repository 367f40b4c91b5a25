import {
  type CodePipelineClient,
  GetPipelineExecutionCommand,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import {
  type PipelineExecution,
  PipelineStartRefusedError,
  type PipelineStatus,
  type Pipelines,
} from '../../domain/ports/refresh.js';
import { hasAwsErrorName } from '../error-names.js';

/** Errors of StartPipelineExecution that say the start itself is wrong: a retry would meet them again. */
const REFUSALS = ['PipelineNotFoundException', 'ValidationException', 'InvalidParameterException'];

/** CodePipeline in one region: a start idempotent on its token, and the execution's state with its console link. */
export class CodePipelines implements Pipelines {
  constructor(
    private readonly client: CodePipelineClient,
    private readonly region: string,
  ) {}

  async start(
    name: string,
    options: { clientRequestToken: string; variables: Record<string, string> },
  ): Promise<{ executionId: string }> {
    const variables = Object.entries(options.variables).map(([variableName, value]) => ({ name: variableName, value }));
    const command = new StartPipelineExecutionCommand({
      name,
      clientRequestToken: options.clientRequestToken,
      ...(variables.length > 0 ? { variables } : {}),
    });
    const { pipelineExecutionId } = await this.client.send(command).catch((error: Error) => {
      if (hasAwsErrorName(error, ...REFUSALS)) throw new PipelineStartRefusedError(error.message, { cause: error });
      throw error;
    });
    if (!pipelineExecutionId) throw new Error(`CodePipeline started ${name} but named no execution`);
    return { executionId: pipelineExecutionId };
  }

  async execution(name: string, executionId: string): Promise<PipelineExecution> {
    const { pipelineExecution } = await this.client.send(
      new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: executionId }),
    );
    const summary = pipelineExecution?.statusSummary;
    return {
      status: (pipelineExecution?.status ?? 'InProgress') as PipelineStatus,
      link: `https://${this.region}.console.aws.amazon.com/codesuite/codepipeline/pipelines/${encodeURIComponent(name)}/executions/${encodeURIComponent(executionId)}/timeline?region=${this.region}`,
      ...(summary ? { summary } : {}),
    };
  }
}
