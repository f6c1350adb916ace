import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectedStats } from '../../demo/seed';
import { DEFAULT_TIER_LADDER, tierForStats } from '../../lib/domain/tiers';
import { launchWithExtension } from '../support/extension';
import { expect, test } from '../support/fixtures';
import { conversationOf, panelFrame, usd } from '../support/panel';
import { seedDemoOrders } from '../support/seed';
import { stopBackground } from '../support/stop-worker';

// Extension pages' global, as far as these tests use it (evaluated inside an extension page).
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

test.describe('the buyer panel beside the demo chat', () => {
  test.beforeEach(async ({ demoImported }) => {
    expect(demoImported).toMatch(/^Imported [\d,]+ orders: [\d,]+ new members?, [\d,]+ existing members? matched/);
  });

  test('shows the right tier, spend, orders and segment for a seeded buyer', async ({ page, demo }) => {
    const handle = demo.seed.known.champion;
    const want = expectedStats(demo.seed, [handle]);
    await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, handle)}`);
    const panel = await panelFrame(page);
    await expect(panel.getByTestId('stat-spend')).toHaveText(usd(want.spendMinor));
    await expect(panel.getByTestId('stat-orders')).toHaveText(String(want.orderCount));
    await expect(panel.getByTestId('stat-aov')).toHaveText(usd(Math.round(want.spendMinor / want.orderCount)));
    const tier = tierForStats(DEFAULT_TIER_LADDER, { orderCount: want.orderCount, spendMinor: want.spendMinor });
    await expect(panel.getByTestId('tier')).toHaveText(tier.name);
    await expect(panel.getByTestId('stat-segment')).not.toHaveText(/Not scored/);
    await expect(panel.getByTestId('recent-orders').locator('li')).toHaveCount(Math.min(5, demo.seed.orders.filter((o: { handle: string }) => o.handle === handle).length));
  });

  test('switching conversation switches the panel without reloading the page', async ({ page, demo }) => {
    const { champion, oneTime } = demo.seed.known;
    await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, champion)}`);
    const panel = await panelFrame(page);
    await expect(panel.getByTestId('stat-spend')).toHaveText(usd(expectedStats(demo.seed, [champion]).spendMinor));
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await page.locator(`[data-testid="conversation-item"][data-conversation-id="${conversationOf(demo.seed, oneTime)}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/chat/${conversationOf(demo.seed, oneTime)}$`));
    await expect(panel.getByTestId('stat-spend')).toHaveText(usd(expectedStats(demo.seed, [oneTime]).spendMinor));
    await expect(panel.getByTestId('stat-orders')).toHaveText('1');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    await page.goBack();
    await expect(panel.getByTestId('stat-spend')).toHaveText(usd(expectedStats(demo.seed, [champion]).spendMinor));
  });

  test('the two handles with one phone show one member', async ({ page, demo }) => {
    const [a, b] = demo.seed.known.twoHandles;
    const both = expectedStats(demo.seed, [a, b]);
    await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, a)}`);
    const panel = await panelFrame(page);
    await expect(panel.getByTestId('stat-orders')).toHaveText(String(both.orderCount));
    const memberA = await panel.getByTestId('member-card').getAttribute('data-member-id');
    await expect(panel.getByTestId('identities')).toContainText(a);
    await expect(panel.getByTestId('identities')).toContainText(b);

    await page.locator(`[data-testid="conversation-item"][data-conversation-id="${conversationOf(demo.seed, b)}"]`).click();
    await expect(panel.getByTestId('stat-spend')).toHaveText(usd(both.spendMinor));
    await expect(panel.getByTestId('member-card')).toHaveAttribute('data-member-id', memberA!);
  });

  test('a buyer with no orders shows as a new buyer', async ({ page, demo }) => {
    await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, demo.seed.known.unknown)}`);
    const panel = await panelFrame(page);
    await expect(panel.getByTestId('unknown-buyer')).toContainText(demo.seed.known.unknown);
  });
});

test.describe('the background refuses what is not ours', () => {
  test('a web page cannot message the background, and a malformed message gets a typed error', async ({ page, demo, ext, demoImported }) => {
    expect(demoImported).toBeTruthy();
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const counts = () => options.evaluate(() => chrome.runtime.sendMessage({ regulars: 1, name: 'store.counts', payload: {} }));
    const before = await counts();

    // From the seller page's own scripts (main world): there is no channel to us at all.
    await page.goto(`${demo.url}/chat`);
    const fromPage = await page.evaluate(async (id) => {
      const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } }).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no runtime';
      try {
        return await runtime.sendMessage(id, { regulars: 1, name: 'member.addNote', payload: { memberId: 'x', text: 'pwned' } });
      } catch (e) {
        return `refused: ${String(e)}`;
      }
    }, ext.extensionId);
    expect(fromPage === 'no runtime' || String(fromPage).startsWith('refused') || (fromPage as { error?: { code?: string } }).error?.code === 'forbidden').toBe(true);

    // From our own page, but malformed.
    const malformed = await options.evaluate(() => chrome.runtime.sendMessage({ regulars: 1, name: 'member.addTag', payload: { memberId: 42 } }));
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const unknown = await options.evaluate(() => chrome.runtime.sendMessage({ regulars: 1, name: 'db.wipe', payload: {} }));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_message' } });
    expect(await counts()).toEqual(before);
    await options.close();
  });
});

test("an agent's task end to end: tag, note and follow-up survive switching and a browser restart", async ({ demo }) => {
  const profile = await mkdtemp(path.join(tmpdir(), 'regulars-restart-'));
  try {
    const handle = demo.seed.known.lapsedGold;
    const other = demo.seed.known.champion;
    const url = `${demo.url}/chat/${conversationOf(demo.seed, handle)}`;
    const want = expectedStats(demo.seed, [handle]);
    let ext = await launchWithExtension({ userDataDir: profile });
    // The two buyers' orders of the demo export, stored as an import stores them.
    await seedDemoOrders(ext, demo.seed, [handle, other]);
    let page = await ext.context.newPage();
    await page.goto(url);
    let panel = await panelFrame(page);
    // Who is this: tier, value, history.
    await expect(panel.getByTestId('stat-spend')).toHaveText(usd(want.spendMinor));
    await expect(panel.getByTestId('recent-orders').locator('li').first()).toBeVisible();
    // Alt+1 while typing in the chat tags the buyer "gift" without leaving the chat.
    await page.getByTestId('chat-input').click();
    await page.keyboard.press('Alt+1');
    await expect(panel.getByRole('group', { name: 'Quick tags' }).getByRole('button', { name: /Gift/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.getByRole('list', { name: 'Tags' })).toContainText('Gift');
    // A note, and a follow-up in three days.
    await panel.getByRole('textbox', { name: 'Notes' }).fill('Buying a birthday present for her sister; prefers silver.');
    await panel.getByRole('button', { name: 'Save note' }).click();
    await expect(panel.getByTestId('notes')).toContainText('prefers silver');
    await panel.getByRole('textbox', { name: 'Reason' }).fill('Ask how the present went');
    await panel.getByRole('button', { name: 'In 3 days' }).click();
    await expect(panel.getByTestId('member-reminders')).toContainText('Ask how the present went');

    // Switch conversation and back: everything is still there.
    await page.locator(`[data-testid="conversation-item"][data-conversation-id="${conversationOf(demo.seed, other)}"]`).click();
    await expect(panel.getByTestId('stat-spend')).toHaveText(usd(expectedStats(demo.seed, [other]).spendMinor));
    await page.goBack();
    await expect(panel.getByTestId('stat-spend')).toHaveText(usd(want.spendMinor));
    await expect(panel.getByRole('list', { name: 'Tags' })).toContainText('Gift');
    await expect(panel.getByTestId('notes')).toContainText('prefers silver');
    await expect(panel.getByTestId('member-reminders')).toContainText('Ask how the present went');
    await ext.close();

    // A browser restart on the same profile: still there.
    ext = await launchWithExtension({ userDataDir: profile });
    page = await ext.context.newPage();
    await page.goto(url);
    panel = await panelFrame(page);
    await expect(panel.getByRole('list', { name: 'Tags' })).toContainText('Gift');
    await expect(panel.getByTestId('notes')).toContainText('prefers silver');
    await expect(panel.getByTestId('member-reminders')).toContainText('Ask how the present went');
    await ext.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});

test('a background that was asleep still answers: the panel waits, then shows the data', async ({ page, demo, ext, demoImported }) => {
  expect(demoImported).toBeTruthy();
  const { champion, oneTime } = demo.seed.known;
  await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, champion)}`);
  const panel = await panelFrame(page);
  await expect(panel.getByTestId('stat-spend')).toHaveText(usd(expectedStats(demo.seed, [champion]).spendMinor));

  // Put the service worker to sleep, as Chromium does after 30 s idle.
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await stopBackground(options);
  await options.close();

  await page.locator(`[data-testid="conversation-item"][data-conversation-id="${conversationOf(demo.seed, oneTime)}"]`).click();
  await expect(panel.getByTestId('stat-spend')).toHaveText(usd(expectedStats(demo.seed, [oneTime]).spendMinor));
  await expect(page.locator('regulars-panel')).toHaveAttribute('data-state', 'ready');
});

test('the panel folds to a slim tab, and stays folded on that site after a reload', async ({ page, demo, demoImported }) => {
  expect(demoImported).toBeTruthy();
  await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, demo.seed.known.champion)}`);
  const panel = await panelFrame(page);
  const host = page.locator('regulars-panel');
  const width = async () => (await host.boundingBox())?.width ?? 0;
  await expect(panel.getByTestId('member-card')).toBeVisible();
  expect(await width()).toBeGreaterThan(300);
  await panel.getByRole('button', { name: 'Collapse panel' }).click();
  await expect.poll(width).toBeLessThan(40);
  // The chat input keeps its room.
  await expect(page.getByTestId('chat-input')).toBeVisible();
  await page.reload();
  await expect(host).toHaveAttribute('data-collapsed', '');
  // The tab is a real button: click it (or focus + Enter) to unfold.
  await page.mouse.click((await host.boundingBox())!.x + 16, (await host.boundingBox())!.y + 40);
  await expect.poll(width).toBeGreaterThan(300);
});
