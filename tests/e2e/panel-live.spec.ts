import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ordersCsv } from '../../demo/export';
import { expectedStats, type DemoSeed } from '../../demo/seed';
import { importOrdersThroughOptions } from '../support/extension';
import { expect, test } from '../support/fixtures';
import { conversationOf, panelFrame, usd } from '../support/panel';
import { seedDemoOrders } from '../support/seed';

/** The seed less the champion's newest order that counts as spend: importing the full export later adds it. */
function seedLessOneOrder(seed: DemoSeed): DemoSeed {
  const champion = seed.known.champion;
  const full = expectedStats(seed, [champion]);
  for (const order of seed.orders) {
    if (order.handle !== champion) continue;
    const less = { ...seed, orders: seed.orders.filter((o) => o !== order) };
    if (expectedStats(less, [champion]).spendMinor !== full.spendMinor) return less;
  }
  throw new Error('the champion has no counted order');
}

test('an import in the options page while the panel is open updates its figures in place: a note being typed and a merge search stay as they were', async ({ freshExt, demo }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-live-'));
  try {
    const before = seedLessOneOrder(demo.seed);
    const champion = demo.seed.known.champion;
    // The champion's orders less one, stored as an import stores them; the options page then imports
    // the champion's export with that order (the rest of the shop plays no part in the panel's figures).
    await seedDemoOrders(freshExt, before, [champion]);
    const second = path.join(dir, 'orders.csv');
    await writeFile(second, ordersCsv({ ...demo.seed, orders: demo.seed.orders.filter((o) => o.handle === champion) }));

    const page = await freshExt.context.newPage();
    await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, champion)}`);
    const panel = await panelFrame(page);
    await expect(panel.getByTestId('stat-spend')).toHaveText(usd(expectedStats(before, [champion]).spendMinor));

    // The agent is mid-way through a note and a merge search when the shop owner imports.
    const note = panel.getByRole('textbox', { name: 'Notes', exact: true });
    await note.fill('Asked about the autumn restock');
    await note.evaluate((el) => ((el as HTMLTextAreaElement & { regularsProbe?: string }).regularsProbe = 'same node'));
    await panel.getByText('Same person as…').click();
    const search = panel.getByRole('searchbox', { name: 'Search by name, handle or phone' });
    await search.fill('lily');

    await importOrdersThroughOptions(freshExt.context, freshExt.extensionId, second, 'demo');

    await expect(panel.getByTestId('stat-spend')).toHaveText(usd(expectedStats(demo.seed, [champion]).spendMinor), { timeout: 15_000 });
    expect(await note.evaluate((el) => (el as HTMLTextAreaElement & { regularsProbe?: string }).regularsProbe)).toBe('same node');
    await expect(note).toHaveValue('Asked about the autumn restock');
    await expect(search).toHaveValue('lily');
    await expect(search).toBeVisible();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

test("the members page's member view redraws when the panel beside a chat tags that member: no reload, and a note being typed there stays", async ({ page, ext, demo, demoImported }) => {
  expect(demoImported).toBeTruthy();
  const champion = demo.seed.known.champion;
  const base = `chrome-extension://${ext.extensionId}`;
  await page.goto(`${base}/members.html#/`);
  const card = (await page.evaluate((h) => chrome.runtime.sendMessage({ regulars: 1, name: 'member.lookup', payload: { platform: 'demo', handle: h } }), champion)) as { data: { member: { id: string } } };
  await page.goto(`${base}/members.html#/member/${card.data.member.id}`);
  const view = page.getByTestId('member-view');
  const tags = view.getByRole('list', { name: 'Tags' });
  await expect(tags).toBeVisible();
  const note = view.getByRole('textbox', { name: 'Notes', exact: true });
  await note.fill('Wants the parcel gift-wrapped');
  await note.evaluate((el) => ((el as HTMLTextAreaElement & { regularsProbe?: string }).regularsProbe = 'same node'));

  const chat = await ext.context.newPage();
  try {
    await chat.goto(`${demo.url}/chat/${conversationOf(demo.seed, champion)}`);
    const panel = await panelFrame(chat);
    const tag = 'wholesale enquiry';
    const box = panel.getByLabel('Add tag', { exact: true });
    await box.fill(tag);
    await box.press('Enter');
    await expect(panel.getByRole('list', { name: 'Tags' })).toContainText(tag);
    await expect(tags).toContainText(tag, { timeout: 10_000 });
    await expect(note).toHaveValue('Wants the parcel gift-wrapped');
    expect(await note.evaluate((el) => (el as HTMLTextAreaElement & { regularsProbe?: string }).regularsProbe)).toBe('same node');

    // Taken off again in the panel (the worker's store is shared with other tests): the view follows that too.
    await panel.getByRole('button', { name: `Remove tag ${tag}` }).click();
    await expect(tags).not.toContainText(tag, { timeout: 10_000 });
  } finally {
    await chat.close();
  }
});
