import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../../src/domain/ports/clock.js';
import { wallClock } from '../../../../src/slack/blocks/time.js';
import { REQUESTER, type SandboxServer, startSandboxServer } from './sandbox-server.js';

/** Debian's chromium (.ci/run installs it): playwright-core never downloads a browser of its own. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
/** The README's pictures: written when missing, or again with UPDATE_SANDBOX_SCREENSHOT=1. */
const README_SCREENSHOT = fileURLToPath(new URL('../../../../docs/sandbox-card.png', import.meta.url));
const README_HOME_SCREENSHOT = fileURLToPath(new URL('../../../../docs/sandbox-home.png', import.meta.url));
/** Every wait is bounded: a restore at 10 AWS minutes per second finishes in a few seconds. */
const WAIT_MS = 20_000;

const hasChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
if (!hasChromium && !inCi) {
  console.warn(`Skipping the sandbox page browser test: ${CHROMIUM} is missing (apt-get install chromium).`);
}

describe.skipIf(!hasChromium && !inCi)('the sandbox page in headless Chromium', () => {
  let sandbox: SandboxServer;
  let context: BrowserContext;
  let page: Page;
  let profile: string;

  beforeAll(async () => {
    if (!hasChromium) {
      throw new Error(
        `${CHROMIUM} is missing: CI must install Debian's chromium before npm test ` +
          '(apt-get install -y --no-install-recommends chromium, as .ci/run does)',
      );
    }
    sandbox = await startSandboxServer();
    profile = await mkdtemp(join(tmpdir(), 'sandbox-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1100, height: 900 },
      timezoneId: 'UTC',
      // Chromium hangs on navigation under libfaketime (CI's run with the clock a year ahead): it runs
      // on the machine's real clock. It is only the client: every time it shows comes from the server.
      env: withoutFakeClock(process.env),
    });
    context.setDefaultTimeout(WAIT_MS);
    page = context.pages()[0] ?? (await context.newPage());
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await sandbox?.stop();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('takes a restore from /restore through four-eyes approval to the validated card', async () => {
    // Prepare: the page as the README says to open it, with no person in the URL or remembered.
    await page.goto(`${sandbox.url}/`);
    await expect.poll(() => page.locator('.channel-header h1').textContent()).toBe('# db-restores');
    await expect.poll(() => page.locator('.viewer').textContent()).toContain('Riley Requester');
    expect(await page.locator('.toast-error').count()).toBe(0);

    // Act: the requester opens the form from the composer and fills it in.
    await composer(page).fill('/restore');
    await composer(page).press('Enter');
    const modal = page.getByRole('dialog', { name: 'Restore a database' });
    await modal.getByLabel('Kind of database').selectOption({ label: 'Aurora cluster' });
    await modal.getByText('Type part of its name; every environment is searched.').waitFor();
    const source = modal.getByRole('combobox', { name: 'Source database' });
    await source.click();
    await source.fill('orders');
    await modal.getByRole('option', { name: /^orders · production/ }).click();
    await modal.getByText(/Restorable from/).waitFor();
    await modal.getByLabel('A point in time').check();
    const restoreTo = modal.getByLabel('Restore to');
    await restoreTo.waitFor();
    const timeZone = (await sandbox.state(REQUESTER)).people.find((person) => person.id === REQUESTER)?.tz ?? 'UTC';
    const twoHoursAgo = wallClock(new Date(systemClock.now().getTime() - 2 * 3_600_000), timeZone);
    await restoreTo.fill(twoHoursAgo.date);
    await modal.getByLabel('Time', { exact: true }).fill(twoHoursAgo.time);
    await modal.getByLabel('Reason').fill('find the migration that broke orders');
    // A name the policy refuses comes back inline on its field (`response_action: 'errors'`).
    await modal.getByLabel('New database name').fill('Orders_Copy');
    await modal.getByRole('button', { name: 'Request approval' }).click();
    await modal.locator('.input-block.has-error', { hasText: 'New database name' }).waitFor();
    await modal.getByLabel('New database name').fill('orders-sandbox');
    await modal.getByRole('button', { name: 'Request approval' }).click();
    await modal.waitFor({ state: 'detached' });

    // Assess: the card waits for approval, with the plan as the requester chose it.
    const card = page.locator('article.message', {
      has: page.locator('.block-header', { hasText: 'orders → orders-sandbox' }),
    });
    await card.getByRole('button', { name: 'Approve' }).waitFor();
    await expect.poll(() => card.textContent()).toContain('Awaiting approval');
    // The picker read the time in the requester's Slack time zone, and the card's date token shows it there.
    expect(await card.textContent()).toContain(`at ${twoHoursAgo.time}`);

    // Act: the requester tries to approve their own request.
    await card.getByRole('button', { name: 'Approve' }).click();

    // Assess: Slack shows the refusal to them alone.
    const refusal = page.locator('article.ephemeral', { hasText: 'someone else must approve' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Only visible to you');

    // Act: the approver approves, after a reload that keeps the person chosen in the switcher.
    await page.getByRole('button', { name: /Ari Approver/ }).click();
    await expect.poll(() => page.locator('.viewer').textContent()).toContain('Ari Approver');
    await page.goto(`${sandbox.url}/`);
    await expect.poll(() => page.locator('.viewer').textContent()).toContain('Ari Approver');
    await page.reload();
    await expect.poll(() => page.locator('.viewer').textContent()).toContain('Ari Approver');
    await expect.poll(() => page.locator('article.ephemeral').count()).toBe(0);

    // Act: the approver opens the app's Home tab from the sidebar and approves the request there.
    await page.getByRole('button', { name: /db-restore-bot/ }).click();
    await expect.poll(() => page.locator('.channel-header h1').textContent()).toBe('db-restore-bot · Home');
    const home = page.locator('.home-tab');
    await home.getByText('Awaiting your approval (1)').waitFor();
    expect(await home.textContent()).toContain('orders-sandbox');
    // The reason is quoted as Slack quotes a `>` line, and the tab has no composer.
    expect(await home.locator('blockquote').first().textContent()).toBe('find the migration that broke orders');
    expect(await composer(page).isVisible()).toBe(false);
    await page.locator('main').screenshot({ path: screenshotPath(profile, README_HOME_SCREENSHOT) });
    await home.getByRole('button', { name: 'Approve' }).click();

    // Assess: the tab is drawn again, with nothing left to approve.
    await home.getByText('Awaiting your approval (0)').waitFor();
    expect(await home.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await page.getByRole('button', { name: '# db-restores' }).click();
    await expect.poll(() => page.locator('.channel-header h1').textContent()).toBe('# db-restores');

    // Assess: the same card, updated in place, is ready, with its endpoint, the expiry buttons and the report summed up.
    await card.getByRole('button', { name: 'Extend 7 days' }).waitFor();
    await expect.poll(() => card.textContent()).toContain('Validation: ');
    expect(await card.textContent()).toContain('Succeeded');
    expect(await card.textContent()).toContain('Endpoint');
    // Updated in place, never posted again (a refresh cycle's card may share the channel on its day).
    await expect.poll(() => page.locator('article.message', { hasText: 'orders → orders-sandbox' }).count()).toBe(1);
    // The finished card fits a 1280x900 screen with room to spare: the report is in Details.
    await page.setViewportSize({ width: 1280, height: 900 });
    await card.scrollIntoViewIfNeeded();
    const height = (await card.boundingBox())?.height ?? Number.POSITIVE_INFINITY;
    // Runs in the page: its `getComputedStyle`, which this file's (Node) types do not know.
    const lineHeight = await card.evaluate((element) => {
      const page = globalThis as unknown as { getComputedStyle(element: unknown): { lineHeight: string } };
      return Number.parseFloat(page.getComputedStyle(element).lineHeight);
    });
    console.info(`finished card at 1280x900: ${Math.round(height)} px, about ${Math.round(height / lineHeight)} lines`);
    expect(height).toBeLessThan(600);
    await card.screenshot({ path: screenshotPath(profile) });

    // Act: Details opens the whole story.
    await card.getByRole('button', { name: 'Details' }).click();

    // Assess
    const details = page.getByRole('dialog', { name: 'Restore details' });
    await details.locator('.block-section', { hasText: 'Audit trail' }).waitFor();
    expect(await details.textContent()).toContain('Validation (');
    await details.getByRole('button', { name: 'Close' }).last().click();
    await details.waitFor({ state: 'detached' });
    await card.getByRole('button', { name: /replies/ }).click();
    await page.locator('.thread article.message', { hasText: 'approved' }).first().waitFor();
    // The notification: the ready reply mentions the requester, so it reaches them outside the thread too.
    const ready = page.locator('.thread article.message', { hasText: 'is ready' });
    await ready.waitFor();
    expect(await ready.locator('.mention').first().textContent()).toBe('@Riley Requester');
  }, 60_000);

  it("shows a new user the refresh due minutes after start, refuses the requester's Skip and takes the approver's", async () => {
    // Prepare: the sandbox re-timed the policy's cycle to run minutes after start, and says so.
    await page.goto(`${sandbox.url}/?as=${REQUESTER}`);
    await expect.poll(() => page.locator('.viewer').textContent()).toContain('Riley Requester');
    await page
      .getByText('The refresh cycles are re-timed for the sandbox', { exact: false })
      .waitFor({ state: 'attached' });
    const card = page.locator('article.message', {
      has: page.locator('.block-header', { hasText: 'Refresh acceptance-refresh' }),
    });
    await card.getByRole('button', { name: 'Skip this run' }).waitFor();
    expect(await card.textContent()).toMatch(/Runs .*, in \d+ min/);
    expect(await card.textContent()).toContain('orders-acc');
    expect(await card.textContent()).toContain('a copy of catalog-share-');

    // Act: the requester presses Skip this run and confirms.
    await card.getByRole('button', { name: 'Skip this run' }).click();
    await page
      .getByRole('alertdialog', { name: 'Skip this refresh?' })
      .getByRole('button', { name: 'Skip it' })
      .click();

    // Assess: only approvers may, and the run still stands.
    await page
      .locator('article.ephemeral', { hasText: 'only an approver for acceptance can skip a refresh' })
      .waitFor();
    expect(await card.getByRole('button', { name: 'Skip this run' }).count()).toBe(1);

    // Act: the approver skips it.
    await page.getByRole('button', { name: /Ari Approver/ }).click();
    await expect.poll(() => page.locator('.viewer').textContent()).toContain('Ari Approver');
    await card.getByRole('button', { name: 'Skip this run' }).click();
    await page
      .getByRole('alertdialog', { name: 'Skip this refresh?' })
      .getByRole('button', { name: 'Skip it' })
      .click();

    // Assess: the same card says so, with who, and offers nothing more.
    await expect.poll(() => card.textContent()).toContain('Skipped');
    expect(await card.textContent()).toContain('Skipped by @Ari Approver');
    for (const name of ['Skip this run', 'Run now', /^Postpone/]) {
      expect(await card.getByRole('button', { name }).count()).toBe(0);
    }
  }, 60_000);

  it('runs a DR drill from the incident channel: on-call asks, an approver approves, the card ends with its scorecard', async () => {
    // Prepare: as on-call, in the incident channel the sandbox says to try.
    await page.goto(`${sandbox.url}/?as=U0ONCALL`);
    await expect.poll(() => page.locator('.viewer').textContent()).toContain('Owen Oncall');
    await page.getByText('#inc-orders-outage is an incident channel', { exact: false }).waitFor({ state: 'attached' });
    await page.getByRole('button', { name: '# inc-orders-outage' }).click();
    await expect.poll(() => page.locator('.channel-header h1').textContent()).toBe('# inc-orders-outage');

    // Act: on-call asks for a drill of the Aurora cluster.
    await composer(page).fill('/restore dr drill aurora orders');
    await composer(page).press('Enter');

    // Assess: the card shows the path, the newest point and what the drill leaves alone.
    const card = page.locator('article.message', {
      has: page.locator('.block-header', { hasText: 'DR drill: orders → us-west-2' }),
    });
    await card.getByRole('button', { name: 'Approve drill' }).waitFor();
    expect(await card.textContent()).toContain('cross-Region snapshot copy');
    expect(await card.textContent()).toContain('Nothing is switched: this is a drill');

    // Act: on-call cannot approve their own drill; the approver does, and confirms.
    await card.getByRole('button', { name: 'Approve drill' }).click();
    await page.getByRole('alertdialog', { name: 'Start this drill?' }).getByRole('button', { name: 'Start' }).click();
    await page.locator('article.ephemeral', { hasText: 'you asked for this drill' }).waitFor();
    await page.getByRole('button', { name: /Ari Approver/ }).click();
    await expect.poll(() => page.locator('.viewer').textContent()).toContain('Ari Approver');
    await card.getByRole('button', { name: 'Approve drill' }).click();
    await page.getByRole('alertdialog', { name: 'Start this drill?' }).getByRole('button', { name: 'Start' }).click();

    // Assess: the same card follows the drill to its scorecard, with the timeline stamped.
    await expect.poll(() => card.textContent(), { timeout: 40_000 }).toContain('Drill done');
    const text = await card.textContent();
    expect(text).toContain('Validated');
    expect(text).toContain('Drill copy deleted');
    expect(text).toMatch(/RPO .*objective 5m/);
    expect(
      await card
        .getByRole('button')
        .filter({ hasText: /Approve|Switch/ })
        .count(),
    ).toBe(0);
  }, 90_000);

  it('opens as the requester, saying so, when the URL names a person the workspace does not have', async () => {
    // Act
    await page.goto(`${sandbox.url}/?as=U0NOBODY`);

    // Assess: not an empty page, and the URL no longer names the missing person.
    await expect.poll(() => page.locator('.viewer').textContent()).toContain('Riley Requester');
    await page.locator('.toast-warning', { hasText: 'no person U0NOBODY' }).waitFor();
    expect(new URL(page.url()).searchParams.get('as')).toBe(REQUESTER);
  }, 30_000);
});

function composer(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Message composer' });
}

/** The README's picture when asked for (or missing); otherwise a throwaway file, so test runs change no tracked file. */
function screenshotPath(scratch: string, picture = README_SCREENSHOT): string {
  if (process.env.UPDATE_SANDBOX_SCREENSHOT || !existsSync(picture)) return picture;
  return join(scratch, basename(picture));
}

function withoutFakeClock(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && entry[0] !== 'LD_PRELOAD' && !entry[0].startsWith('FAKETIME'),
    ),
  );
}
