import type { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackStandIn } from '../../../../packages/slack-sandbox/src/slack/web-api-server.js';
import { ManualClock } from './helpers/manual-clock.js';
import { apiError, standInClient } from './helpers/web-client.js';

const USER = 'U0REQUESTER';

function modal(title = 'Restore a database', extra: Record<string, unknown> = {}) {
  return {
    type: 'modal' as const,
    callback_id: 'restore_request',
    title: { type: 'plain_text' as const, text: title },
    submit: { type: 'plain_text' as const, text: 'Request' },
    blocks: [
      {
        type: 'input',
        block_id: 'target',
        label: { type: 'plain_text', text: 'Target' },
        element: { type: 'plain_text_input', action_id: 'target_input', initial_value: 'orders-copy' },
      },
    ],
    ...extra,
  };
}

describe('SlackStandIn views', () => {
  let clock: ManualClock;
  let standIn: SlackStandIn;
  let client: WebClient;

  beforeEach(async () => {
    clock = new ManualClock();
    standIn = new SlackStandIn({ clock });
    const { url } = await standIn.start();
    client = standInClient(url, standIn.botToken);
  });

  afterEach(async () => {
    await standIn.stop();
  });

  describe('triggers', () => {
    it('opens one view per trigger: the second use is invalid_trigger_id', async () => {
      // Prepare
      const trigger_id = standIn.issueTrigger(USER);

      // Act
      const opened = await client.views.open({ trigger_id, view: modal() });
      const again = await apiError(client.views.open({ trigger_id, view: modal() }));

      // Assess
      expect(opened.view).toMatchObject({
        id: expect.stringMatching(/^V/),
        hash: expect.any(String),
        callback_id: 'restore_request',
      });
      expect(again.error).toBe('invalid_trigger_id');
      expect(standIn.openViews(USER).map((view) => view.id)).toEqual([opened.view?.id]);
    });

    it('expires a trigger after 3 seconds', async () => {
      // Prepare
      const inTime = standIn.issueTrigger(USER);
      const late = standIn.issueTrigger(USER);

      // Act
      clock.advance(2999);
      const opened = await client.views.open({ trigger_id: inTime, view: modal() });
      clock.advance(2);
      const expired = await apiError(client.views.open({ trigger_id: late, view: modal() }));

      // Assess
      expect(opened.ok).toBe(true);
      expect(expired.error).toBe('expired_trigger_id');
    });

    it('refuses a trigger it never issued', async () => {
      // Act
      const error = await apiError(client.views.open({ trigger_id: '1.2.3', view: modal() }));

      // Assess
      expect(error.error).toBe('invalid_trigger_id');
    });

    it("rejects a 25-character title with Slack's invalid_arguments shape, leaving the trigger usable", async () => {
      // Prepare
      const trigger_id = standIn.issueTrigger(USER);
      const title = 'A title of 25 characters';
      expect(`${title}!`).toHaveLength(25);

      // Act
      const error = await apiError(client.views.open({ trigger_id, view: modal(`${title}!`) }));
      const retried = await client.views.open({ trigger_id, view: modal(title) });

      // Assess
      expect(error).toMatchObject({ ok: false, error: 'invalid_arguments' });
      const messages = (error.response_metadata as { messages: string[] }).messages;
      expect(messages).toContainEqual(expect.stringMatching(/^\[ERROR\] .+ \[json-pointer:\/view\/title\/text\]$/));
      expect(retried.ok).toBe(true);
    });
  });

  describe('views.update', () => {
    it('gives every update a new hash and refuses a stale one with hash_conflict', async () => {
      // Prepare
      const opened = await client.views.open({ trigger_id: standIn.issueTrigger(USER), view: modal() });
      const view_id = opened.view?.id ?? '';
      const firstHash = opened.view?.hash ?? '';

      // Act
      const updated = await client.views.update({ view_id, hash: firstHash, view: modal('Step 2') });
      const conflict = await apiError(client.views.update({ view_id, hash: firstHash, view: modal('Step 3') }));
      const unguarded = await client.views.update({ view_id, view: modal('Step 4') });

      // Assess
      expect(updated.view?.hash).not.toBe(firstHash);
      expect(conflict.error).toBe('hash_conflict');
      expect(unguarded.view?.hash).not.toBe(updated.view?.hash);
      expect(standIn.view(view_id)?.definition.title).toEqual({ type: 'plain_text', text: 'Step 4' });
      expect(standIn.view(view_id)?.hash).toBe(unguarded.view?.hash);
    });

    it('finds a view by external_id, and answers not_found for an unknown one', async () => {
      // Prepare
      await client.views.open({
        trigger_id: standIn.issueTrigger(USER),
        view: modal('Restore', { external_id: 'job-42' }),
      });

      // Act
      const updated = await client.views.update({
        external_id: 'job-42',
        view: modal('Updated', { external_id: 'job-42' }),
      });
      const missing = await apiError(client.views.update({ view_id: 'V0NOPE', view: modal() }));

      // Assess
      expect(updated.view).toMatchObject({ external_id: 'job-42', title: { text: 'Updated' } });
      expect(missing.error).toBe('not_found');
    });

    it('keeps what the user entered when the ids stay; untouched fields show the new initial value', async () => {
      // Prepare
      const withInputs = (initial: string) =>
        modal('Restore', {
          blocks: ['target', 'reason'].map((name) => ({
            type: 'input',
            block_id: name,
            label: { type: 'plain_text', text: name },
            element: { type: 'plain_text_input', action_id: `${name}_input`, initial_value: `${name}-${initial}` },
          })),
        });
      const opened = await client.views.open({ trigger_id: standIn.issueTrigger(USER), view: withInputs('v1') });
      const view_id = opened.view?.id ?? '';
      standIn.setViewValue(view_id, 'target', 'target_input', { type: 'plain_text_input', value: 'typed-by-user' });

      // Act
      const kept = await client.views.update({ view_id, view: withInputs('v2') });

      // Assess
      expect(kept.view?.state).toEqual({
        values: {
          target: { target_input: { type: 'plain_text_input', value: 'typed-by-user' } },
          reason: { reason_input: { type: 'plain_text_input', value: 'reason-v2' } },
        },
      });
    });
  });

  describe('views.push', () => {
    it('stacks up to three views on an open modal', async () => {
      // Prepare
      const root = await client.views.open({ trigger_id: standIn.issueTrigger(USER), view: modal('Root') });

      // Act
      const second = await client.views.push({ trigger_id: standIn.issueTrigger(USER), view: modal('Second') });
      await client.views.push({ trigger_id: standIn.issueTrigger(USER), view: modal('Third') });
      const fourth = await apiError(
        client.views.push({ trigger_id: standIn.issueTrigger(USER), view: modal('Fourth') }),
      );
      const nothingOpen = await apiError(
        client.views.push({ trigger_id: standIn.issueTrigger('U0APPROVER'), view: modal('Alone') }),
      );

      // Assess
      expect(second.view).toMatchObject({ previous_view_id: root.view?.id, root_view_id: root.view?.id });
      expect(fourth.error).toBe('push_limit_reached');
      expect(nothingOpen.error).toBe('not_found');
      expect(standIn.openViews(USER)).toHaveLength(3);
    });
  });
});
