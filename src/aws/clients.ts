import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Pluggable } from '@smithy/types';
import type { Clock } from '../domain/ports/clock.js';

/** An account and region the bot works in, and the role it assumes there (none: its own account). */
export interface AwsEnvironment {
  name: string;
  accountId: string;
  region: string;
  roleArn?: string;
}

/**
 * The read-only twin of an environment's role (infra/target-account-role.yml creates both): the
 * Slack function only describes and lists, so it assumes this one and cannot restore or delete.
 * infra/serverless-vars.cjs grants sts:AssumeRole on the same names.
 */
export function readerRoleArn(roleArn: string): string {
  return `${roleArn}-reader`;
}

/** The environment as the read-only side of the bot sees it: the same account, the reader role. */
export function readOnly(environment: AwsEnvironment): AwsEnvironment {
  return environment.roleArn ? { ...environment, roleArn: readerRoleArn(environment.roleArn) } : environment;
}

interface ClientConfig {
  region: string;
  credentials?: AwsCredentialIdentityProvider;
  retryMode: string;
  maxAttempts: number;
}

/** Any SDK v3 client class (`RDSClient`, `DynamoDBClient`, ...). */
export type ClientClass<C> = new (
  config: ClientConfig,
) => C & {
  // biome-ignore lint/suspicious/noExplicitAny: a plugin fits clients of every input and output type
  middlewareStack: { use(plugin: Pluggable<any, any>): void };
};

export interface AwsClientFactoryOptions {
  /**
   * Judges when assumed-role credentials expire. It must be the clock STS issues expirations
   * on: the system clock against AWS, the simulated account's clock against the simulator.
   */
  clock: Clock;
  /**
   * Plugins for every client of an environment: the simulated account plugs in here. It gets
   * the client's credentials provider (when a role is assumed) to resolve before each call.
   */
  pluginsFor?(
    environment: AwsEnvironment,
    credentials?: AwsCredentialIdentityProvider,
    // biome-ignore lint/suspicious/noExplicitAny: a plugin fits clients of every input and output type
  ): Pluggable<any, any>[];
  /** SDK attempts per call before an error reaches the worker, which retries on later ticks. */
  maxAttempts?: number;
}

/**
 * One factory for every AWS client: per environment, in its region, with its role assumed
 * through STS (credentials cached by the SDK until shortly before they expire), adaptive
 * retries, and the SDK's own endpoint resolution, so AWS_ENDPOINT_URL redirects every client.
 */
export class AwsClientFactory {
  private readonly clients = new Map<string, unknown>();
  private readonly credentials = new Map<string, AwsCredentialIdentityProvider>();

  constructor(private readonly options: AwsClientFactoryOptions) {}

  client<C>(Client: ClientClass<C>, environment: AwsEnvironment): C {
    const key = `${Client.name}:${environment.name}:${environment.accountId}:${environment.region}`;
    const cached = this.clients.get(key) as C | undefined;
    if (cached) return cached;
    const credentials = this.credentialsFor(environment);
    const client = new Client({
      region: environment.region,
      retryMode: 'adaptive',
      maxAttempts: this.options.maxAttempts ?? 3,
      ...(credentials ? { credentials } : {}),
    });
    for (const plugin of this.options.pluginsFor?.(environment, credentials) ?? []) client.middlewareStack.use(plugin);
    this.clients.set(key, client);
    return client;
  }

  private credentialsFor(environment: AwsEnvironment): AwsCredentialIdentityProvider | undefined {
    if (!environment.roleArn) return undefined;
    const cached = this.credentials.get(environment.roleArn);
    if (cached) return cached;
    const provider = cachedUntilExpiry(
      fromTemporaryCredentials({
        params: { RoleArn: environment.roleArn, RoleSessionName: 'db-restore-bot', DurationSeconds: 3600 },
        // STS is throttled like any other API: the same adaptive retries as every other client.
        clientConfig: { region: environment.region, retryMode: 'adaptive', maxAttempts: this.options.maxAttempts ?? 3 },
        clientPlugins: this.options.pluginsFor?.(environment) ?? [],
      }),
      this.options.clock,
    );
    this.credentials.set(environment.roleArn, provider);
    return provider;
  }
}

const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

/**
 * One AssumeRole per role until shortly before the credentials expire, shared by every client
 * of the environment (each SDK client would otherwise cache its own copy).
 */
function cachedUntilExpiry(provider: AwsCredentialIdentityProvider, clock: Clock): AwsCredentialIdentityProvider {
  let pending: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    if (pending) {
      const current = await pending.catch(() => undefined);
      const expiresAt = current?.expiration?.getTime();
      if (current && (expiresAt === undefined || expiresAt - clock.now().getTime() > REFRESH_BEFORE_EXPIRY_MS))
        return current;
    }
    pending = provider();
    return pending;
  };
}
