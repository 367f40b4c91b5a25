import { checkMessageBlocks } from '@db-restore-bot/slack-sandbox';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/domain/job/job.js';
import {
  errorMessage,
  helpMessage,
  jobListMessage,
  jobStatusMessage,
  usageMessage,
} from '../../../src/slack/blocks/messages.js';
import { buttonsOf, textOf } from './card-helpers.js';
import { awaitingJob, JOB_ID, minutes, REQUESTER, runningJob, succeededJob } from './job-fixtures.js';

describe('helpMessage', () => {
  it('lists every command and the one-line form, escaped for mrkdwn', () => {
    const { blocks, text } = helpMessage();
    const body = textOf(blocks);

    for (const command of [
      '`/restore`',
      '/restore list',
      '/restore status &lt;job&gt;',
      '/restore cancel &lt;job&gt;',
      '/restore help',
    ]) {
      expect(body).toContain(command);
    }
    expect(body).toContain(
      '/restore &lt;kind&gt; &lt;source&gt; [--at &lt;time&gt; | --snapshot &lt;id&gt;] [--as &lt;target&gt;] [--replace] [--expires 3d] [--reason "..."]',
    );
    expect(body).not.toMatch(/<(kind|job|source)>/);
    expect(checkMessageBlocks(blocks, text)).toEqual([]);
  });
});

describe('usageMessage', () => {
  it('says what was wrong and how to ask for help', () => {
    const { blocks, text } = usageMessage('"frobnicate" is not a command or a kind');

    expect(textOf(blocks)).toContain(':warning: "frobnicate" is not a command or a kind');
    expect(textOf(blocks)).toContain('`/restore help`');
    expect(checkMessageBlocks(blocks, text)).toEqual([]);
  });
});

describe('jobListMessage', () => {
  it('has one line per job, newest first, with status, source, target and job id', () => {
    const older = awaitingJob();
    const newer: Job = { ...runningJob(1), id: 'job-2', createdAt: minutes(30) };

    const { blocks, text } = jobListMessage([older, newer], minutes(40));
    const lines = textOf(blocks).split('\n');

    expect(lines[0]).toBe(
      '*Restores* (2, as of <!date^1795344000^{date_short_pretty} at {time}|2026-11-22 10:40 UTC>)',
    );
    expect(lines[1]).toBe(
      `:arrows_counterclockwise: *Running* · \`orders\` → \`orders-copy\` (acceptance) · job \`job-2\` · <@${REQUESTER}> · <!date^1795343400^{date_short_pretty} at {time}|2026-11-22 10:30 UTC>`,
    );
    expect(lines[2]).toContain(
      `:hourglass_flowing_sand: *Awaiting approval* · \`orders\` → \`orders-copy\` (acceptance) · job \`${JOB_ID}\``,
    );
    expect(textOf(blocks)).not.toContain('http');
    expect(text).toBe('2 restores: orders-copy running, orders-copy awaiting approval');
    expect(checkMessageBlocks(blocks, text)).toEqual([]);
  });

  it('says so when there is nothing', () => {
    expect(jobListMessage([], minutes(0)).text).toBe(
      'No restores are waiting for approval or running. `/restore list --all` shows finished ones too.',
    );
    expect(jobListMessage([], minutes(0), { all: true }).text).toBe(
      'No restores, running or finished, that you can see.',
    );
  });

  it('summarises a list too long for one message', () => {
    const jobs = Array.from({ length: 400 }, (_, index) => ({ ...awaitingJob(), id: `job-${index}` }));

    const { blocks, text } = jobListMessage(jobs, minutes(0));

    expect(checkMessageBlocks(blocks, text)).toEqual([]);
    expect(blocks.length).toBeLessThanOrEqual(10);
    expect(textOf(blocks)).toMatch(/… and \d+ more restores$/);
  });
});

describe('jobStatusMessage', () => {
  it('is the card without its buttons', () => {
    const { blocks, text } = jobStatusMessage(awaitingJob(), minutes(10));

    expect(buttonsOf(blocks)).toEqual([]);
    expect(textOf(blocks)).toContain('*Awaiting approval*');
    expect(text).toBe('Restore orders → orders-copy: awaiting approval');
    expect(checkMessageBlocks(blocks, text)).toEqual([]);
  });

  it('links to the card when it has a link, or names its channel', () => {
    const linked = jobStatusMessage(awaitingJob(), minutes(10), 'https://example.slack.com/archives/C1/p1');
    expect(textOf(linked.blocks)).toContain('<https://example.slack.com/archives/C1/p1|Open the card>');
    const unlinked = jobStatusMessage({ ...awaitingJob(), card: { channelId: 'C0RESTORES' } }, minutes(10));
    expect(textOf(unlinked.blocks)).toContain('Its card, with its buttons and thread, is in <#C0RESTORES>.');
  });

  it('shows a finished job with its report', () => {
    const { blocks } = jobStatusMessage(succeededJob(), minutes(70));

    expect(textOf(blocks)).toContain('Validation: 2 passed, 1 info');
    expect(buttonsOf(blocks)).toEqual([]);
  });
});

describe('errorMessage', () => {
  it('is one warning section, escaped and cut to size', () => {
    const { blocks, text } = errorMessage(`the <policy> & ${'x'.repeat(5000)}`);

    expect(textOf(blocks)).toMatch(/^:warning: the &lt;policy&gt; &amp; x+…$/);
    expect(checkMessageBlocks(blocks, text)).toEqual([]);
  });
});
