/** Services the simulated account answers, named as the SDK clients name them (`RDSClient` → `RDS`). */
export type SimulatedService =
  | 'RDS'
  | 'DocDB'
  | 'DynamoDB'
  | 'ApplicationAutoScaling'
  | 'SSM'
  | 'CodePipeline'
  | 'STS'
  | 'Route53';

/** Where a call lands: the account and region the client was built for. */
export interface SimulatedTarget {
  accountId: string;
  region: string;
}

export interface SimulatedRequest extends SimulatedTarget {
  service: SimulatedService;
  /** The command name without `Command`: `DescribeDBClusters`. */
  operation: string;
  // biome-ignore lint/suspicious/noExplicitAny: handlers read AWS inputs of every shape
  input: any;
}

/** One entry of the call log, for assertions such as "the source was never modified". */
export interface SimulatedCall extends SimulatedTarget {
  service: SimulatedService;
  operation: string;
  input: unknown;
  at: Date;
  requestId: string;
  /** `ok`, or the AWS error code returned. */
  outcome: string;
}

/** A handler answers one operation; it returns the output without `$metadata`, or throws `fault(...)`. */
export type OperationHandler = (request: SimulatedRequest) => object | Promise<object>;

export type ServiceHandlers = Partial<Record<string, OperationHandler>>;
