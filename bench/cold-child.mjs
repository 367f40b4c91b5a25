// A fresh process standing in for a Lambda container's first invocation: it listens at once, and on
// the first request imports the bundle (BENCH_BUNDLE), which reads its secrets and composes, then
// answers through the bundle's handler as API Gateway would call it. It prints how long after the
// process started the answer went out, less the time it sat waiting for the request.
import { createServer } from 'node:http';

let listeningAt = 0;
const server = createServer((request, response) => {
  const arrivedAt = performance.now();
  let body = '';
  request.on('data', (chunk) => {
    body += chunk;
  });
  request.on('end', async () => {
    const { handler } = await import(process.env.BENCH_BUNDLE);
    const path = request.url ?? '/';
    const result = await handler(
      {
        version: '2.0',
        routeKey: `${request.method} ${path}`,
        rawPath: path,
        rawQueryString: '',
        headers: request.headers,
        requestContext: {
          http: { method: request.method, path, sourceIp: '127.0.0.1' },
          requestId: 'r',
          stage: '$default',
        },
        isBase64Encoded: false,
        body,
      },
      {},
    );
    response.writeHead(result.statusCode, result.headers ?? {});
    response.end(result.body ?? '');
    const firstAckMs = performance.now() - (arrivedAt - listeningAt);
    console.log(`COLD ${JSON.stringify({ firstAckMs, statusCode: result.statusCode })}`);
    server.close();
    // Whatever the bundle left running (the token check's timer, keep-alive sockets) ends with the container.
    setTimeout(() => process.exit(0), 50);
  });
});
server.listen(0, '127.0.0.1', () => {
  listeningAt = performance.now();
  console.log(`PORT ${server.address().port}`);
});
