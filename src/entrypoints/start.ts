// `npm start`: see local-server.ts for what it starts and how the environment chooses each part.
import { ConfigurationError } from '../config/errors.js';
import { PortInUseError, startLocalServer } from './local-server.js';

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
