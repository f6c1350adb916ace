// Helpers of the team-sync end-to-end tests: the options page's Team section, driven as a person
// would, the counts a profile holds, and its Today and notifications.
import { expect, type Locator, type Page } from '@playwright/test';
import type { LaunchedExtension } from './extension';
import { send, withExtensionPage } from './protocol';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> }; notifications: { getAll(): Promise<Record<string, boolean>> } };

export interface TeamLogin {
  server: string;
  db: string;
  user: string;
  password: string;
}

/** `ext` with its user's name set, as the first-run question sets it (for a browser whose first run was answered already). */
export async function named(ext: LaunchedExtension, authorName: string): Promise<LaunchedExtension> {
  await withExtensionPage(ext, (page) => send(page, 'settings.update', { authorName }));
  return ext;
}

export async function openOptions(ext: LaunchedExtension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  return page;
}

export function teamSection(page: Page): Locator {
  return page.locator('section', { has: page.getByRole('heading', { name: 'Team', exact: true }) });
}

export const teamStatus = (page: Page) => teamSection(page).getByRole('status').first();

export async function fillTeam(page: Page, login: Omit<TeamLogin, 'password'> & { password?: string }): Promise<void> {
  const section = teamSection(page);
  await section.getByLabel('Server address', { exact: true }).fill(login.server);
  await section.getByLabel('Team database', { exact: true }).fill(login.db);
  await section.getByLabel('User name', { exact: true }).fill(login.user);
  if (login.password !== undefined) await section.getByLabel('Password', { exact: true }).fill(login.password);
}

/** Fills the Team section and presses Connect (the host permission for a loopback server is the demo build's). */
export async function connect(page: Page, login: TeamLogin): Promise<void> {
  await fillTeam(page, login);
  await teamSection(page).getByRole('button', { name: 'Connect', exact: true }).click();
}

export async function storeCounts(page: Page): Promise<{ members: number; orders: number; notes: number; identities: number }> {
  const reply = (await page.evaluate(() => chrome.runtime.sendMessage({ regulars: 1, name: 'store.counts', payload: {} }))) as { ok: boolean; data: never };
  expect(reply.ok).toBe(true);
  return reply.data;
}

export const SYNCED = /^Synced /;

/** Today in a profile's popup, "Mine" ticked or not. */
export async function openToday(ext: LaunchedExtension, mine: boolean): Promise<{ page: Page; list: Locator }> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await page.getByRole('checkbox', { name: 'Mine' }).setChecked(mine);
  return { page, list: page.getByRole('tabpanel', { name: 'Today' }) };
}

/** The notifications a profile's browser shows, by id. */
export const notifications = (ext: LaunchedExtension) => ext.serviceWorker.evaluate(() => chrome.notifications.getAll());

/** Until when a profile's reminder scheduler has looked for what fell due (it notifies what is its user's). */
export const notifiedThrough = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('regulars');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get('remindersNotifiedThrough');
          get.onsuccess = () => (resolve((get.result as { value?: number } | undefined)?.value ?? 0), open.result.close());
        };
      }),
  );
