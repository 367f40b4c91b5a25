import { createServer, type RequestListener, type Server } from 'node:http';

/** The port is taken (another `npm start`?): start-up stops with a message saying what to do. */
export class PortInUseError extends Error {
  constructor(port: number, options?: { cause?: unknown }) {
    super(`port ${port} is in use: stop what uses it, or start with PORT=<another port>`, options);
    this.name = 'PortInUseError';
  }
}

/** Listens on `port` (0: a free one), on every interface when `host` is left out. */
export function listen(handler: RequestListener, port: number, host: string | undefined): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, { cause: error }) : error);
    });
    const ready = () => resolve(server);
    if (host === undefined) server.listen(port, ready);
    else server.listen(port, host, ready);
  });
}

/** Closes `server`, not waiting for browsers' kept-alive connections to idle out. */
export async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

/** How to show the URL: `localhost` unless a specific interface was chosen. */
export function displayHost(host: string | undefined): string {
  if (host === undefined || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Where the stand-in reaches the app: loopback over IPv4 unless a specific interface was chosen. */
export function loopbackHost(host: string | undefined): string {
  return host === undefined || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : displayHost(host);
}
