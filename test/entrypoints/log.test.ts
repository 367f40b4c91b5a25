import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
import { composeCore } from '../../src/entrypoints/core-composition.js';
import { createLog } from '../../src/entrypoints/log.js';
import { type RunningDynalite, startDynalite } from '../helpers/dynalite.js';
import { captureLogLines, type LogLines } from '../helpers/log-lines.js';
import { examplePolicy } from '../helpers/simulated-environment.js';

describe('createLog', () => {
  let lines: LogLines;
  beforeEach(() => {
    lines = captureLogLines();
  });
  afterEach(() => lines.stop());

  it('writes one JSON line per entry: level, message, service, a timestamp and the detail', () => {
    // Act
    const log = createLog('INFO');
    log('Slack bot token verified', { team: 'T0TEAM' });
    log('card not drawn', { jobId: 'job-1', error: 'channel_not_found' });

    // Assess
    expect(lines.entries()).toEqual([
      expect.objectContaining({
        level: 'INFO',
        message: 'Slack bot token verified',
        service: 'db-restore-bot',
        team: 'T0TEAM',
        timestamp: expect.any(String),
      }),
      // An entry with an error is a warning the bot survived: on stderr, as Lambda's console writes warnings.
      expect.objectContaining({ level: 'WARN', message: 'card not drawn', jobId: 'job-1', error: 'channel_not_found' }),
    ]);
  });

  it('leaves out what is below LOG_LEVEL', () => {
    // Act
    const log = createLog('WARN');
    log('Slack redelivery acknowledged, not run again', { retryNum: '1' });
    log('kick failed', { error: 'throttled' });

    // Assess
    expect(lines.entries().map((entry) => [entry.level, entry.message])).toEqual([['WARN', 'kick failed']]);
  });

  it('writes nothing but errors at ERROR', () => {
    const log = createLog('ERROR');
    log('Slack bot token verified');
    log('kick failed', { error: 'throttled' });

    expect(lines.entries()).toEqual([]);
  });
});

describe('the composition', () => {
  let dynalite: RunningDynalite;
  let lines: LogLines;
  beforeEach(async () => {
    dynalite = await startDynalite();
    lines = captureLogLines();
  });
  afterEach(async () => {
    lines.stop();
    await dynalite.close();
  });

  it("logs through the Logger at the environment's LOG_LEVEL", async () => {
    // Prepare
    const core = await composeCore({
      env: parseEnv({ LOG_LEVEL: 'WARN' }),
      policy: examplePolicy(),
      jobTable: { client: dynalite.client, tableName: dynalite.tableName, create: false },
      runtime: 'local',
    });

    // Act
    core.log('worker tick finished', { jobs: 0 });
    core.log('job not advanced', { jobId: 'job-2', error: 'lease lost' });

    // Assess
    expect(lines.entries().map((entry) => [entry.level, entry.message, entry.stream])).toEqual([
      ['WARN', 'job not advanced', 'stderr'],
    ]);
  });
});
