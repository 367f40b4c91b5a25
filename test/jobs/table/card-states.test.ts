import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbCardStates } from '../../../src/jobs/table/card-states.js';
import { type RunningDynalite, startDynalite } from '../../helpers/dynalite.js';

let dynamo: RunningDynalite;
let cardStates: DynamoDbCardStates;

beforeAll(async () => {
  dynamo = await startDynalite();
  cardStates = new DynamoDbCardStates({ client: dynamo.client, tableName: dynamo.tableName });
});

afterAll(async () => {
  await dynamo.close();
});

describe('DynamoDbCardStates', () => {
  it('records what a card shows and never rolls it back', async () => {
    const state = { channelId: 'C0RESTORES', messageTs: '1700000000.000100', renderedVersion: 3, eventsPosted: 4 };
    expect(await cardStates.save('card-job', state)).toBe(true);
    expect(await cardStates.save('card-job', { ...state, renderedVersion: 2 })).toBe(false);
    expect(await cardStates.save('card-job', { ...state, renderedVersion: 5, eventsPosted: 6 })).toBe(true);
    const states = await cardStates.load(['card-job', 'no-card-job']);
    expect(states.get('card-job')).toEqual({ ...state, renderedVersion: 5, eventsPosted: 6 });
    expect(states.has('no-card-job')).toBe(false);
  });

  it('reads more than 100 card states in batches', async () => {
    const ids = Array.from({ length: 130 }, (_, index) => `batch-card-${index}`);
    await Promise.all(
      ids.map((id) => cardStates.save(id, { channelId: 'C1', messageTs: '1.2', renderedVersion: 1, eventsPosted: 0 })),
    );
    expect((await cardStates.load(ids)).size).toBe(130);
  });
});
