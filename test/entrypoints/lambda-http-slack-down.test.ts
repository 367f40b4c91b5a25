import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type EmbeddedDynamoDb, startEmbeddedDynamoDb } from '../../dev/embedded-dynamodb.js';
import { systemClock } from '../../src/domain/ports/clock.js';
import { ensureJobTable } from '../../src/jobs/job-table.js';
import { captureLogLines } from '../helpers/log-lines.js';
import { closedPort, eventually, recordUnhandledRejections } from './helpers/slack-down.js';

const SECRET = 'lambda-signing-secret';

/** An HTTP API (payload 2.0) event, as API Gateway hands it to the Slack function. */
function event(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers,
    requestContext: { http: { method, path, sourceIp: '127.0.0.1' }, requestId: 'r', stage: '$default' },
    isBase64Encoded: false,
    ...(body ? { body } : {}),
  };
}

describe('the Slack function cold-starting while Slack is down', () => {
  let dynamo: EmbeddedDynamoDb;

  beforeAll(async () => {
    dynamo = await startEmbeddedDynamoDb();
    await ensureJobTable(dynamo.client, 'jobs');
    const env = {
      JOBS_TABLE: 'jobs',
      WORKER_FUNCTION_NAME: 'db-restore-bot-test-worker',
      SLACK_BOT_TOKEN: 'xoxb-lambda',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `http://127.0.0.1:${await closedPort()}/api/`,
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'dummy',
      AWS_SECRET_ACCESS_KEY: 'dummy',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    };
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await dynamo.close();
  });

  it('serves /healthz and verified Slack requests, and leaves no unhandled rejection', async () => {
    // Prepare
    const unhandled = recordUnhandledRejections();
    // The function logs JSON lines (Powertools' Logger) on stdout and stderr, as CloudWatch reads them.
    const lines = captureLogLines();
    const { handler } = await import('../../src/entrypoints/lambda-http.js');
    const timestamp = String(Math.floor(systemClock.now().getTime() / 1000));
    const body = JSON.stringify({ type: 'url_verification', challenge: 'cold-start', token: 'x' });
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const slackHeaders = { 'content-type': 'application/json', 'x-slack-request-timestamp': timestamp };

    try {
      // Act: the cold start, then a second request while the token check has failed
      const health = (await handler(event('GET', '/healthz'), {})) as { statusCode: number };
      await eventually(
        () =>
          lines
            .entries()
            .some((entry) => entry.level === 'WARN' && String(entry.message).includes('Slack Web API not reachable')),
        'the failed token check logged',
      );
      const verification = (await handler(
        event('POST', '/slack/events', { ...slackHeaders, 'x-slack-signature': signature }, body),
        {},
      )) as { statusCode: number; body: string };
      const forged = (await handler(
        event('POST', '/slack/events', { ...slackHeaders, 'x-slack-signature': 'v1=forged' }, body),
        {},
      )) as { statusCode: number };

      // Assess
      expect(health.statusCode).toBe(200);
      expect([verification.statusCode, JSON.parse(verification.body)]).toEqual([200, { challenge: 'cold-start' }]);
      expect(forged.statusCode).toBe(401);
      expect(unhandled.rejections).toEqual([]);
    } finally {
      unhandled.stop();
      lines.stop();
    }
  });
});
