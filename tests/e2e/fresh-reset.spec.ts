// The spare browser that serves `freshExt` is wiped between tests (tests/support/reuse.ts): what one
// test leaves behind (orders and members, host access, registered scripts, the extension's storage,
// the badge, the background's memory) must be gone for the next, as in a new profile.
import { expect, test } from '../support/fixtures';
import { allowHostsAsTheUserWould } from '../support/hosts';
import { send } from '../support/protocol';
import { ADAPTERS } from '../../lib/marketplaces/registry';

declare const chrome: {
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> };
  storage: { local: { set(v: object): Promise<void>; get(k: null): Promise<object> } };
  action: { setBadgeText(d: { text: string }): Promise<void>; getBadgeText(d: object): Promise<string> };
};

type Counts = { members: number; orders: number };
const SHOPEE = ADAPTERS.find((a) => a.id === 'shopee')!.hostPatterns;

test.describe.configure({ mode: 'serial' });

test('a test leaves a full store and browser-side state behind', async ({ freshExt }) => {
  const { context, extensionId, serviceWorker } = freshExt;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/manifest.json`);
  const { memberId } = await send<{ memberId: string }>(page, 'member.create', { platform: 'demo', handle: 'left.behind', name: 'Left Behind' });
  await send(page, 'member.addNote', { memberId, text: 'Wants gift wrap.' });
  expect((await send<Counts>(page, 'store.counts', {})).members).toBe(1);
  // Shopee switched on as a person does: host access granted and its content script registered.
  await allowHostsAsTheUserWould(context, extensionId, SHOPEE);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const toggle = options.getByRole('switch', { name: 'Shopee', exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => page.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toHaveLength(1);
  expect((await page.evaluate(() => chrome.permissions.getAll())).origins).toEqual(expect.arrayContaining([...SHOPEE]));
  // Set last: the options page above is read in English.
  await send(page, 'settings.update', { authorName: 'Left Behind', locale: 'zh-CN' });
  await page.evaluate(() => Promise.all([chrome.storage.local.set({ leftBehind: 1 }), chrome.action.setBadgeText({ text: '9' })]));
  await serviceWorker.evaluate(() => void ((globalThis as { leftBehind?: boolean }).leftBehind = true));
});

test('the next test gets the extension as a new profile has it, first run answered', async ({ freshExt }) => {
  const { context, extensionId, serviceWorker } = freshExt;
  expect(context.pages().filter((p) => p.url() !== 'about:blank')).toEqual([]);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/manifest.json`);
  expect(await send<Counts>(page, 'store.counts', {})).toMatchObject({ members: 0, orders: 0 });
  expect(await send(page, 'settings.get', {})).toMatchObject({ authorName: '', locale: 'auto', shopCurrency: 'USD' });
  expect(await page.evaluate(() => chrome.storage.local.get(null))).toEqual({});
  expect(await page.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  const origins = (await page.evaluate(() => chrome.permissions.getAll())).origins ?? [];
  for (const pattern of SHOPEE) expect(origins).not.toContain(pattern);
  expect(await page.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
  expect(await serviceWorker.evaluate(() => (globalThis as { leftBehind?: boolean }).leftBehind ?? false), 'the background started anew').toBe(false);
  // The options page opens straight on its settings, not on the first-run questions.
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByLabel('Import order export', { exact: true })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Start using Regulars' })).toHaveCount(0);
});
