import { describe, expect, it } from 'vitest';
import { refreshActor } from '../../../src/domain/actors.js';
import { nextOccurrence } from '../../../src/domain/refresh/cadence.js';
import { type CycleRun, newCycleRun } from '../../../src/domain/refresh/cycle-run.js';
import { buildRefreshCard } from '../../../src/slack/blocks/refresh-card.js';
import { mention } from '../../../src/slack/blocks/text.js';
import { ORDERS_REFRESH, sampleCycle } from '../../helpers/refresh-cycles.js';
import { buttonsOf, textOf } from './card-helpers.js';

const MINUTE = 60_000;
const CATALOG = {
  ...ORDERS_REFRESH,
  kind: 'docdb-cluster' as const,
  target: { environment: 'acceptance', identifier: 'catalog-acc' },
};
const cycle = sampleCycle({ mode: 'restore', databases: [ORDERS_REFRESH, CATALOG] });
const occurrence = nextOccurrence(cycle, new Date('2030-03-01T00:00:00Z')).at;
const now = new Date(occurrence.getTime() + 30 * MINUTE);

function running(): CycleRun {
  return {
    ...newCycleRun(cycle, occurrence, occurrence),
    phase: 'running',
    databases: [
      {
        target: 'orders-acc',
        snapshotId: 'arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:orders-share-1',
        jobId: 'jaaaaaaaa1',
      },
      {
        target: 'catalog-acc',
        snapshotId: 'arn:aws:rds:eu-west-1:222222222222:cluster-snapshot:catalog-copy-1',
        jobId: 'jbbbbbbbb2',
      },
    ],
  };
}

describe('the refresh card while a shared snapshot is copied in', () => {
  it('says which snapshot is being copied under which name, and offers no buttons yet', () => {
    const run: CycleRun = {
      ...newCycleRun(cycle, occurrence, now),
      databases: [
        {
          target: 'catalog-acc',
          copiedFrom: 'arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:catalog-share-1',
          copying: 'catalog-share-1-refresh-copy',
        },
      ],
    };
    const card = buildRefreshCard(run, cycle, now);
    expect(textOf(card.blocks)).toContain(
      '`catalog-acc` ← copying `catalog-share-1` into this account as `catalog-share-1-refresh-copy`',
    );
    expect(buttonsOf(card.blocks)).toEqual([]);
  });
});

describe('the refresh card in mode restore', () => {
  it('shows each database replacing with its job while the run runs, and no buttons', () => {
    const text = textOf(buildRefreshCard(running(), cycle, now).blocks);
    expect(text).toContain(':hourglass_flowing_sand: `orders-acc` ← `orders-share-1` · job `jaaaaaaaa1`: replacing');
    expect(text).toContain('`catalog-acc` ← `catalog-copy-1` · job `jbbbbbbbb2`: replacing');
    expect(buttonsOf(buildRefreshCard(running(), cycle, now).blocks)).toEqual([]);
  });

  it('reports per database what was restored, how it validated and how long it took, and the next run', () => {
    const run = running();
    const ended: CycleRun = {
      ...run,
      phase: 'failed',
      outcome: 'catalog-acc: Simulated refusal (1 of 2 refreshed; current was written only for those)',
      finishedAt: now,
      databases: [
        {
          ...run.databases[0],
          target: 'orders-acc',
          result: {
            outcome: 'refreshed',
            detail: 'restored and validated: 9 of 9 checks passed',
            durationMs: 42 * MINUTE,
          },
        },
        {
          ...run.databases[1],
          target: 'catalog-acc',
          result: { outcome: 'failed', detail: 'Simulated refusal; the previous database has its name back' },
        },
      ],
    };
    const text = textOf(buildRefreshCard(ended, cycle, now).blocks);
    expect(text).toContain(
      ':white_check_mark: `orders-acc` ← `orders-share-1` · job `jaaaaaaaa1`: restored and validated: 9 of 9 checks passed in 42 min',
    );
    expect(text).toContain(
      ':x: `catalog-acc` ← `catalog-copy-1` · job `jbbbbbbbb2`: Simulated refusal; the previous database has its name back',
    );
    expect(text).toContain('`current` changes only for a database whose restore succeeded');
    const next = nextOccurrence(cycle, now).at;
    expect(next.getTime()).toBeGreaterThan(occurrence.getTime());
    expect(text).toContain(`next run <!date^${Math.floor(next.getTime() / 1000)}^`);
  });

  it('names a scheduled refresh as the requester where a person would be mentioned', () => {
    expect(mention(refreshActor('acceptance-refresh'))).toBe('the scheduled refresh acceptance-refresh');
    expect(mention('U0APPROVER')).toBe('<@U0APPROVER>');
  });
});
