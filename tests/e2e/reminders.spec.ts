import type { Page } from '@playwright/test';
import type { DemoSeed } from '../../demo/seed';
import { importDemoExport, type LaunchedExtension } from '../support/extension';
import { RULE_IDS } from '../../lib/domain/journeys/rules';
import { expect, test } from '../support/fixtures';
import { send } from '../support/protocol';
import { seedDemoOrders } from '../support/seed';
import { BEFORE_DUE_MS, extensionNow, moveExtensionClock } from '../support/clock';
import { conversationOf, panelFrame, setReminderInPanel, usd } from '../support/panel';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  action: { getBadgeText(details: object): Promise<string> };
};

type TodayRow = { id: string; section: string; memberName: string; kind?: string; reason: string; dueAt: number; orderNo?: string; state: string };

const SG = 'Asia/Singapore';
const hourIn = (ts: number, timeZone: string) => Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(ts));

/** The popup of a fresh store set up for a shop in Singapore; `rules` patches the journey rules. */
async function shopIn(ext: LaunchedExtension, rules?: Record<string, object>): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await send(page, 'settings.update', { timeZone: SG, authorName: 'Mei' });
  if (rules) await send(page, 'journeys.settings.update', { rules });
  return page;
}

/** A fresh store with the demo shop imported through the options page. */
async function demoStore(ext: LaunchedExtension, demoUrl: string): Promise<Page> {
  const page = await shopIn(ext);
  await importDemoExport(ext, demoUrl);
  return page;
}

/** A fresh store holding the demo orders of `handles` only (stored as an import is), the journey rules off: reminders are the test's own. */
async function storeOf(ext: LaunchedExtension, seed: DemoSeed, handles: readonly string[]): Promise<Page> {
  const page = await shopIn(ext, Object.fromEntries(RULE_IDS.map((id) => [id, { enabled: false }])));
  await seedDemoOrders(ext, seed, handles);
  return page;
}

/**
 * Resolves once Today has drawn every row it was sent (it is busy while the first frame's few are up)
 * and the background has made every reminder (busy while an import's are still being made).
 */
const listDrawn = (page: Page) => page.locator('section.today[aria-busy="false"]').waitFor({ timeout: 20_000 });

const badge = (ext: LaunchedExtension) => ext.serviceWorker.evaluate(() => chrome.action.getBadgeText({}));

test('an imported unpaid order produces a nudge at the next allowed hour; do-not-contact leaves the member with no reminder', async ({ freshExt: ext, demo }) => {
  const page = await demoStore(ext, demo.url);
  const buyer = demo.seed.known.unpaid;
  const order = demo.seed.orders.find((o) => o.handle === buyer && o.status === 'unpaid')!;
  const name = demo.seed.buyers.find((b) => b.handle === buyer)!.name;

  // The nudge, two hours after the order was placed or later, never outside 09:00-21:00 in the shop's zone.
  // Rules run a moment after the import's last batch: Today, opened right after "Imported", says it is
  // updating and fills in by itself; it never claims "Nothing due" meanwhile.
  await page.addInitScript(() => {
    const seen = () => {
      if (document.body?.innerText.includes('Nothing due')) (window as unknown as { sawEmpty: boolean }).sawEmpty = true;
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.reload();
  const today = page.getByRole('tabpanel', { name: 'Today' });
  const row = today.locator('.group[data-kind="unpaid"] li.row', { hasText: name });
  // The whole list drawn and no longer updating (the unpaid group sits past the first frame's rows).
  await listDrawn(page);
  await expect(row).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { sawEmpty?: boolean }).sawEmpty ?? false)).toBe(false);
  await expect(row).toContainText(`Order ${order.orderNo}`);
  const rows = (await send<{ rows: TodayRow[] }>(page, 'reminders.today', { locale: 'en' })).rows;
  const nudge = rows.find((r) => r.kind === 'unpaid' && r.orderNo === order.orderNo)!;
  // As stored: the export's times are read in the shop's zone.
  const stored = await send<{ placedAt: number }>(page, 'order.get', { platform: 'demo', orderNo: order.orderNo });
  expect(nudge.dueAt).toBeGreaterThanOrEqual(stored.placedAt + 2 * 3_600_000);
  expect(hourIn(nudge.dueAt, SG)).toBeGreaterThanOrEqual(9);
  expect(hourIn(nudge.dueAt, SG)).toBeLessThan(21);
  // Copy message fills the template for this buyer and order.
  // (Headless Chromium can't read the clipboard back: the text handed to it is recorded instead.)
  await page.evaluate(() => {
    navigator.clipboard.writeText = async (text: string) => void ((window as unknown as { copied: string }).copied = text);
  });
  await row.getByRole('button', { name: 'Copy message' }).click();
  await expect(today.getByText('Copied: paste it into the chat')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { copied: string }).copied)).toBe(`Hi ${name}, your order ${order.orderNo} (${usd(order.amountMinor)}) is waiting for payment. Anything we can help with?`);

  // In the chat, the panel shows the open reminder at the top.
  const chat = await ext.context.newPage();
  await chat.goto(`${demo.url}/chat/${conversationOf(demo.seed, buyer)}`);
  const panel = await panelFrame(chat);
  await expect(panel.getByTestId('member-reminders')).toContainText(/Unpaid order: placed \d+ days? ago/);

  // The buyer asks not to be contacted: no reminder in the panel, none in Today (kept as suppressed).
  await panel.locator('details.profile summary').click();
  await panel.getByLabel('Do not contact').check();
  await panel.getByRole('button', { name: 'Save profile' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Profile saved' })).toBeVisible();
  await chat.reload();
  const again = await panelFrame(chat);
  await expect(again.getByTestId('member-card')).toBeVisible();
  await expect(again.getByTestId('member-reminders')).toHaveCount(0);
  await page.reload();
  await listDrawn(page);
  await expect(today.locator('.today-section:not(.suppressed) li.row', { hasText: name })).toHaveCount(0);
  await today.getByText(/Not to contact \(\d+\)/).click();
  await expect(today.locator('.today-section.suppressed li.row', { hasText: name }).first()).toContainText('Do not contact');
  await chat.close();
  await page.close();
});

test('a reminder set from the panel appears in Today and fires a notification when due; Done logs a contact and clears the badge', async ({ freshExt: ext, demo }) => {
  // Only this reminder: the journey rules are switched off, so the badge counts it alone.
  const buyer = demo.seed.known.oneTime;
  const page = await storeOf(ext, demo.seed, [buyer]);
  const name = demo.seed.buyers.find((b) => b.handle === buyer)!.name;

  const chat = await ext.context.newPage();
  await chat.goto(`${demo.url}/chat/${conversationOf(demo.seed, buyer)}`);
  const panel = await panelFrame(chat);
  await expect(panel.getByTestId('member-card')).toBeVisible();
  // Due at the next whole minute at least 15 seconds away, in the browser's own clock.
  const dueAt = await setReminderInPanel(chat, panel, 'Call about the size', 15_000);

  await page.reload();
  const today = page.getByRole('tabpanel', { name: 'Today' });
  const row = today.locator('li.row', { hasText: 'Call about the size' });
  await expect(row).toContainText(name);
  await expect(row).toContainText('Assigned to Mei');
  await expect.poll(() => badge(ext)).toBe('1');

  // The notification fires once the reminder is due: the extension's clock is moved to just before
  // the due time, and the reminders' alarm fires it.
  const id = await row.getAttribute('data-reminder');
  expect(await ext.serviceWorker.evaluate(() => chrome.notifications.getAll())).not.toHaveProperty(`reminder:${id}`);
  await moveExtensionClock(ext, dueAt - BEFORE_DUE_MS);
  await expect.poll(() => ext.serviceWorker.evaluate(() => chrome.notifications.getAll()), { timeout: 20_000, intervals: [500] }).toHaveProperty(`reminder:${id}`);
  expect(await extensionNow(ext)).toBeGreaterThanOrEqual(dueAt);

  // Done: a contact is logged, the row and the badge clear.
  await page.reload();
  await today.locator('li.row', { hasText: 'Call about the size' }).getByRole('button', { name: 'Done', exact: true }).click();
  await expect(today.locator('li.row', { hasText: 'Call about the size' })).toHaveCount(0);
  await expect.poll(() => badge(ext)).toBe('');
  const contacts = await page.evaluate(
    () =>
      new Promise<{ reason: string }[]>((resolve, reject) => {
        const open = indexedDB.open('regulars');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('contacts').objectStore('contacts').getAll();
          all.onsuccess = () => (resolve(all.result as { reason: string }[]), open.result.close());
        };
      }),
  );
  expect(contacts.map((c) => c.reason)).toEqual(['Call about the size']);
  await chat.close();
  await page.close();
});

test('Today opens on its first rows and fills in the rest: two groups of twelve reminders show ten rows each', async ({ freshExt: ext, demo }) => {
  // Twelve buyers of the demo shop.
  const page = await storeOf(ext, demo.seed, [...new Set(demo.seed.orders.map((o) => o.handle))].slice(0, 12));
  const memberIds = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('regulars');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const keys = open.result.transaction('members').objectStore('members').getAllKeys(null, 12);
          keys.onsuccess = () => (resolve(keys.result as string[]), open.result.close());
        };
      }),
  );
  expect(memberIds).toHaveLength(12);
  const now = Date.now();
  const DAY = 86_400_000;
  for (const [i, memberId] of memberIds.entries()) {
    await send(page, 'reminder.add', { memberId, dueAt: now - (2 + i) * DAY, reason: `Overdue call ${i + 1}` });
    await send(page, 'reminder.add', { memberId, dueAt: now + 2 * DAY + i * 3_600_000, reason: `Later call ${i + 1}` });
  }
  await page.reload();
  const today = page.getByRole('tabpanel', { name: 'Today' });
  // More rows than the first frame draws (FIRST_ROWS): every one of them still arrives.
  await expect(today.locator('[data-section="overdue"] li.row')).toHaveCount(10);
  await expect(today.locator('[data-section="upcoming"] li.row')).toHaveCount(10);
  await expect(today.getByRole('button', { name: 'Show 2 more' })).toHaveCount(2);
  // The keyboard walks from the last overdue row into the upcoming group.
  await today.locator('[data-section="overdue"] li.row').last().focus();
  await page.keyboard.press('ArrowDown');
  await expect(today.locator('[data-section="upcoming"] li.row').first()).toBeFocused();
  await page.close();
});

test('reminder rules are tuned in the options page; a window that opens and closes at once is refused with the reason', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const section = page.getByRole('region', { name: 'Reminders and journeys' });
  const followUp = section.locator('tr[data-rule="followUp"]');
  await followUp.getByLabel('After (days)', { exact: true }).fill('10');
  await section.getByRole('button', { name: 'Save reminder settings' }).click();
  await expect(section.getByRole('status')).toHaveText('Reminder settings saved.');
  expect(((await send<{ rules: { followUp: { days: number } } }>(page, 'journeys.settings.get', {})).rules.followUp.days)).toBe(10);

  await followUp.getByLabel('Follow-up Contact hours end').fill('11:00');
  await section.getByRole('button', { name: 'Save reminder settings' }).click();
  await expect(section.getByRole('alert')).toContainText('a contact window cannot start and end at the same time');
  if (process.env.REMINDER_SHOTS) await section.screenshot({ path: 'screenshots/options-reminders-en.png' });
  await page.close();
});
