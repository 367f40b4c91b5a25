// `npm start`: see local-server.ts for what it starts and how the environment chooses each part.
import { ConfigurationError } from '../src/config/errors.js';
import { PortInUseError, startLocalServer } from './local-server.js';

// The SDK tells Node 20 users, once, that its 2027 releases need Node 22. Lambda runs 22 (serverless.yml);
// locally that notice would be the first thing a newcomer reads, so it is off unless asked for.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

try {
  const server = await startLocalServer();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void server.stop().then(() => process.exit(0));
    });
  }
} catch (error) {
  if (error instanceof ConfigurationError || error instanceof PortInUseError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
