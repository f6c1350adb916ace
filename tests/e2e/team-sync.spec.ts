// Team sync end to end: two Chromium profiles ("Agent A", "Agent B") with the demo build, the team
// server (pouchdb-server, in memory) on loopback behind a relay that can be stopped: what each agent
// sees while both work, when the server is down, and when they meet again.
import type { Page } from '@playwright/test';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { importDemoExport, launchWithExtension, type LaunchedExtension } from '../support/extension';
import { expect, test } from '../support/fixtures';
import { conversationOf, openChat, setReminderInPanel } from '../support/panel';
import { send } from '../support/protocol';
import { seedDemoOrders } from '../support/seed';
import { BEFORE_DUE_MS, extensionNow, moveExtensionClock } from '../support/clock';
import { connect, named, notifications, notifiedThrough, openOptions, openToday as today, storeCounts, SYNCED, teamSection, teamStatus, type TeamLogin } from '../support/team';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let couch: CouchServer;
let relay: TcpProxy;
let a: LaunchedExtension;
let b: LaunchedExtension;
let optionsA: Page;
let optionsB: Page;
const DB = 'shop';
const login = (user: 'alice' | 'bob' | 'carol', password = `${user}-pw`): TeamLogin => ({ server: relay.url, db: DB, user, password });

// B is the worker's spare browser (the first run answered, as a new profile's): a third Chromium
// launched for it cost more than wiping the spare. The last two tests take it back as `freshExt`
// (wiped, B's part being over) for a third agent.
test.beforeAll(async ({ spareExt }) => {
  couch = await startCouchServer();
  relay = await startTcpProxy(couch.port);
  [a, b] = await Promise.all([launchWithExtension({ firstRun: { author: 'Agent A' } }), spareExt().then((spare) => named(spare, 'Agent B'))]);
  [optionsA, optionsB] = await Promise.all([openOptions(a), openOptions(b)]);
});

test.afterAll(async () => {
  await a?.close();
  await relay?.stop();
  await couch?.stop();
});

const chatWith = (ext: LaunchedExtension, demoUrl: string, conversation: string) => openChat(ext.context, demoUrl, conversation);

test('the owner sets up the team; A imports the demo export; B joins and gets every member and order, with progress', async ({ demo }) => {
  const section = teamSection(optionsA);
  await section.getByLabel('Server address', { exact: true }).fill(relay.url);
  await section.getByLabel('Team database', { exact: true }).fill(DB);
  await section.getByText('Set up a new team database').click();
  await section.getByLabel('Admin user name').fill(couch.admin.name);
  await section.getByLabel('Admin password').fill(couch.admin.password);
  await section.getByLabel('Agents (one per line: name password)').fill('alice alice-pw\nbob bob-pw');
  await section.getByRole('button', { name: 'Create the team database' }).click();
  await expect(section).toContainText(`Team database ${DB} is ready with 2 members`);

  await importDemoExport(a, demo.url);
  await connect(optionsA, login('alice'));
  // Synced with nothing left to send ("Synced … · N changes waiting" is not yet the whole shop).
  await expect(teamStatus(optionsA)).toHaveText(/^Synced [^·]+$/, { timeout: 60_000 });

  // B's first read of the team's documents held partway, as a slow server's: the settings page asks
  // the background once a second, and the demo's join alone can end before it asks.
  const held = relay.holdAfter(/^GET \/shop\/_changes\?since=0&/, 20_000);
  await connect(optionsB, login('bob'));
  await held;
  // Joining shows how far it is, in counts, with the time left.
  await expect(teamStatus(optionsB)).toHaveText(/^Joining the team: [\d,]+ of [\d,]+ records, about .+ left$/);
  await expect(teamSection(optionsB).locator('progress')).toBeVisible();
  relay.release();
  await expect(teamStatus(optionsB)).toHaveText(SYNCED, { timeout: 60_000 });
  const [countsA, countsB] = await Promise.all([storeCounts(optionsA), storeCounts(optionsB)]);
  expect(countsB).toEqual(countsA);
  expect(countsB.orders).toBe(demo.seed.orders.length);
});

test("A tags \"gift\" and writes a note in the chat panel; B's panel on the same buyer shows both within 5 s, without reload", async ({ demo }) => {
  const conversation = conversationOf(demo.seed, demo.seed.known.champion);
  const [there, here] = await Promise.all([chatWith(a, demo.url, conversation), chatWith(b, demo.url, conversation)]);
  await here.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await expect(here.panel.getByRole('list', { name: 'Tags' })).not.toContainText('Gift');

  await there.panel.getByRole('group', { name: 'Quick tags' }).getByRole('button', { name: /Gift/ }).click();
  await there.panel.getByRole('textbox', { name: 'Notes' }).fill('Buys for her mother; wants gift wrap.');
  await there.panel.getByRole('button', { name: 'Save note' }).click();
  await expect(there.panel.getByTestId('notes')).toContainText('gift wrap');

  await expect(here.panel.getByRole('list', { name: 'Tags' })).toContainText('Gift', { timeout: 5000 });
  await expect(here.panel.getByTestId('notes')).toContainText('Buys for her mother; wants gift wrap.', { timeout: 5000 });
  // Who did it: the tag's author, and a contact A logged (as the members page's export does).
  await expect(here.panel.locator('[data-tag="gift"]')).toHaveAttribute('title', 'added by alice');
  const memberId = await here.panel.getByTestId('member-card').getAttribute('data-member-id');
  const logged = await optionsA.evaluate((id) => chrome.runtime.sendMessage({ regulars: 1, name: 'contacts.log', payload: { memberIds: [id], channel: 'sms', reason: 'gift wrap offer' } }), memberId);
  expect(logged).toMatchObject({ ok: true, data: { logged: 1 } });
  await expect(here.panel.getByTestId('last-contact')).toHaveText(/^contacted by alice (now|\d+ minutes? ago)$/, { timeout: 5000 });
  expect(await here.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await Promise.all([there.page.close(), here.page.close()]);
});

test("while A's import runs, B opens a buyer it is creating, sees the card and tags them; after the import both show the tag and A's name", async ({ demo }) => {
  // A prospect of the demo chat with no orders yet: A's import (two batches of a session, as the
  // options page sends them) is creating them, and has not ended.
  const handle = 'aqil.hmz';
  const session = 'e2e-import-under-way';
  const row = (orderNo: string, amountMinor: number, daysAgo: number) => ({
    platform: 'demo',
    orderNo,
    buyer: { handle, name: 'Aqil Hamzah' },
    amountMinor,
    currency: 'USD',
    status: 'delivered',
    placedAt: Date.now() - daysAgo * 86_400_000,
    items: [{ title: 'Linen shirt', quantity: 1, priceMinor: amountMinor }],
  });
  const before = await storeCounts(optionsB);
  await send(optionsA, 'orders.import', { rows: [row('EARLY-1', 4500, 20)], session });
  await send(optionsA, 'orders.import', { rows: [row('EARLY-2', 3000, 6)], session });
  await expect.poll(async () => (await storeCounts(optionsB)).orders, { timeout: 10_000 }).toBe(before.orders + 2);

  const here = await chatWith(b, demo.url, conversationOf(demo.seed, handle));
  await expect(here.panel.getByTestId('stat-orders')).toHaveText('2');
  await expect(here.panel.getByRole('heading', { name: handle, exact: true })).toBeVisible();
  await here.panel.getByRole('combobox', { name: 'Add tag' }).fill('Early');
  await here.panel.getByRole('button', { name: 'Add tag' }).click();
  await expect(here.panel.getByRole('list', { name: 'Tags' })).toContainText('Early');

  expect(await send(optionsA, 'orders.importEnd', { session })).toMatchObject({ ended: true, members: { created: 1 } });
  const there = await chatWith(a, demo.url, conversationOf(demo.seed, handle));
  for (const { panel } of [here, there]) {
    await expect(panel.getByRole('heading', { name: 'Aqil Hamzah', exact: true })).toBeVisible({ timeout: 5000 });
    await expect(panel.getByRole('list', { name: 'Tags' })).toContainText('Early', { timeout: 5000 });
    await expect(panel.getByTestId('stat-orders')).toHaveText('2');
  }
  await Promise.all([here.page.close(), there.page.close()]);
});

test('a reminder A assigns to B in Today shows under B\'s "Mine" and notifies B when due; A is not notified', async ({ demo }) => {
  const reason = 'Send the size chart';
  const chat = await chatWith(a, demo.url, conversationOf(demo.seed, demo.seed.known.oneTime));
  // Due in 40 to 100 s: time enough to assign it before it falls due (then both clocks are moved on).
  const due = await setReminderInPanel(chat.page, chat.panel, reason, 40_000);
  const onA = await today(a, false);
  const rowA = onA.list.locator('li.row', { hasText: reason });
  await expect(rowA).toContainText('Assigned to alice');
  await rowA.getByRole('button', { name: 'Assign to' }).click();
  await rowA.getByRole('combobox', { name: 'Assign to' }).selectOption('bob');
  await expect(rowA).toContainText('Assigned to bob');
  const id = await rowA.getAttribute('data-reminder');
  const { dueAt } = (await send<{ rows: { id: string; dueAt: number }[] }>(onA.page, 'reminders.today', { locale: 'en' })).rows.find((r) => r.id === id)!;
  expect(dueAt).toBe(due);
  expect(await notifications(a)).not.toHaveProperty(`reminder:${id}`);

  // B: under "Mine" (the popup reads the store when it opens).
  const onB = await today(b, true);
  await expect(async () => {
    await onB.page.reload();
    await onB.page.getByRole('checkbox', { name: 'Mine' }).setChecked(true);
    await expect(onB.list.locator(`li.row[data-reminder="${id}"]`)).toContainText('Assigned to bob', { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  // A's "Mine" no longer holds it.
  await onA.page.reload();
  await onA.page.getByRole('checkbox', { name: 'Mine' }).setChecked(true);
  await expect(onA.list.locator('section.today[aria-busy="false"]')).toBeVisible();
  await expect(onA.list.locator(`li.row[data-reminder="${id}"]`)).toHaveCount(0);

  // Due: B's browser shows the notification; A's, once its scheduler has passed the due time, does not.
  // Both extensions' clocks are moved to just before the due time; their alarms bring it due.
  await Promise.all([moveExtensionClock(a, dueAt - BEFORE_DUE_MS), moveExtensionClock(b, dueAt - BEFORE_DUE_MS)]);
  await expect.poll(() => notifications(b), { timeout: 20_000, intervals: [500] }).toHaveProperty(`reminder:${id}`);
  expect(await extensionNow(b)).toBeGreaterThanOrEqual(dueAt);
  await expect.poll(() => notifiedThrough(onA.page), { timeout: 20_000, intervals: [500] }).toBeGreaterThanOrEqual(dueAt);
  expect(await notifications(a)).not.toHaveProperty(`reminder:${id}`);
  await Promise.all([chat.page.close(), onA.page.close(), onB.page.close()]);
});

test('server down: both go on offline; back up, both machines end with X, Y, both notes and do-not-contact', async ({ demo }) => {
  const conversation = conversationOf(demo.seed, demo.seed.known.lapsedGold);
  const [there, here] = await Promise.all([chatWith(a, demo.url, conversation), chatWith(b, demo.url, conversation)]);
  await relay.stop();
  for (const options of [optionsA, optionsB]) await expect(teamStatus(options)).toContainText(/^Offline, retrying at .+\. Local work goes on\./, { timeout: 40_000 });

  await there.panel.getByRole('combobox', { name: 'Add tag' }).fill('X');
  await there.panel.getByRole('button', { name: 'Add tag' }).click();
  await there.panel.getByText('Profile', { exact: true }).click();
  await there.panel.getByLabel('Do not contact').check();
  await there.panel.getByRole('button', { name: 'Save profile' }).click();
  await expect(there.panel.getByTestId('dnc')).toBeVisible();

  await here.panel.getByRole('combobox', { name: 'Add tag' }).fill('Y');
  await here.panel.getByRole('button', { name: 'Add tag' }).click();
  await here.panel.getByRole('textbox', { name: 'Notes' }).fill('Asked about returns');
  await here.panel.getByRole('button', { name: 'Save note' }).click();
  await setReminderInPanel(here.page, here.panel, 'Call about the return', 86_400_000);
  // Local work went on: what each agent did is there, waiting to be sent.
  await expect(here.panel.getByRole('list', { name: 'Tags' })).toContainText('Y');
  await expect(teamStatus(optionsB)).toContainText(/changes? waiting/);

  // Back up: neither agent waits for the next retry the status line names (the engine's retry
  // tests, and the restart during a join below, wait it out): each clicks "Retry now".
  await relay.start();
  for (const options of [optionsA, optionsB]) {
    const retry = teamSection(options).getByRole('button', { name: 'Retry now' });
    // Should the scheduled retry come first, the button is gone by itself: nothing to click.
    await retry.click({ timeout: 5000 }).catch(async (e: unknown) => {
      if (await retry.count()) throw e;
    });
    await expect(teamStatus(options)).toHaveText(SYNCED, { timeout: 5000 });
    await expect(teamSection(options).getByRole('button', { name: 'Retry now' })).toHaveCount(0);
  }
  for (const { panel } of [there, here]) {
    await expect(panel.getByRole('list', { name: 'Tags' })).toContainText('X', { timeout: 5000 });
    await expect(panel.getByRole('list', { name: 'Tags' })).toContainText('Y', { timeout: 5000 });
    await expect(panel.getByTestId('notes')).toContainText('Asked about returns', { timeout: 5000 });
    await expect(panel.getByTestId('dnc')).toBeVisible({ timeout: 5000 });
  }
  // B's reminder for that buyer, set while offline, is suppressed by A's do-not-contact.
  const onB = await today(b, false);
  const reason = 'Call about the return';
  const section = async () => (await send<{ rows: { reason: string; section: string }[] }>(onB.page, 'reminders.today', { locale: 'en' })).rows.find((r) => r.reason === reason)?.section;
  await expect.poll(section, { timeout: 10_000 }).toBe('suppressed');
  await onB.page.reload();
  await onB.page.locator('section.today[aria-busy="false"]').waitFor({ timeout: 20_000 });
  await onB.list.getByText(/Not to contact \(\d+\)/).click();
  const call = (where: string) => onB.list.locator(`.today-section${where} li.row`, { hasText: reason });
  await expect(call('.suppressed')).toContainText('Do not contact');
  await expect(call(':not(.suppressed)')).toHaveCount(0);
  await onB.page.close();
  await Promise.all([there.page.close(), here.page.close()]);
});

test('a malformed document written to the team database by an admin is skipped and listed; sync goes on', async () => {
  const auth = `Basic ${Buffer.from(`${couch.admin.name}:${couch.admin.password}`).toString('base64')}`;
  const headers = { authorization: auth, 'content-type': 'application/json' };
  // A real order of the team's, with an amount no export would have.
  const some = (await (await fetch(`${couch.url}/${DB}/_all_docs?include_docs=true&limit=1&startkey=${encodeURIComponent('"order:"')}`, { headers })).json()) as { rows: { doc: { row: object } }[] };
  const { row } = some.rows[0]!.doc as { row: object };
  const doc = { ...some.rows[0]!.doc, _id: undefined, _rev: undefined };
  // JSON leaves the undefined _id and _rev out: a new document.
  const bad = { ...doc, row: { ...row, id: 'demo:bad', orderNo: 'bad', amountMinor: 'a lot' } };
  const r = await fetch(`${couch.url}/${DB}/order:demo:bad`, { method: 'PUT', body: JSON.stringify(bad), headers });
  expect(r.ok).toBe(true);
  const section = teamSection(optionsB);
  await expect(section.getByText('1 incoming records were skipped as malformed:')).toBeVisible({ timeout: 10_000 });
  await section.getByText('1 incoming records were skipped as malformed:').click();
  await expect(section.getByRole('listitem').filter({ hasText: 'order:demo:bad' })).toContainText('row.amountMinor');
  await expect(teamStatus(optionsB)).toHaveText(SYNCED);
});

test('a wrong password and a user who is not a member each show their state; local work goes on', async ({ demo, freshExt }) => {
  const auth = `Basic ${Buffer.from(`${couch.admin.name}:${couch.admin.password}`).toString('base64')}`;
  const headers = { authorization: auth, 'content-type': 'application/json' };
  // The team database with its members, whether or not the first test made it (this one also runs alone).
  await fetch(`${couch.url}/${DB}`, { method: 'PUT', headers });
  const security = (await (await fetch(`${couch.url}/${DB}/_security`, { headers })).json()) as { members?: { names?: string[] } };
  if (!security.members?.names?.length) expect((await fetch(`${couch.url}/${DB}/_security`, { method: 'PUT', headers, body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: ['alice', 'bob'], roles: [] } }) })).ok).toBe(true);
  const user = { _id: 'org.couchdb.user:carol', name: 'carol', password: 'carol-pw', roles: [], type: 'user' };
  expect((await fetch(`${couch.url}/_users/${user._id}`, { method: 'PUT', headers, body: JSON.stringify(user) })).ok).toBe(true);

  const c = await named(freshExt, 'Agent C');
  const options = await openOptions(c);
  await connect(options, login('bob', 'not-his-password'));
  await expect(teamStatus(options)).toHaveText('Could not connect: wrong user name or password. Check both and try again.');
  await connect(options, { ...login('carol'), db: 'no-such-shop' });
  await expect(teamStatus(options)).toHaveText('There is no team database no-such-shop on this server: check the name, or ask the owner to set it up. Nothing is sent or received.', { timeout: 20_000 });
  await connect(options, login('carol'));
  await expect(teamStatus(options)).toHaveText(`carol is not a member of ${DB}: ask the owner to add you. Nothing is sent or received.`, { timeout: 20_000 });
  // The popup says so in one line, and that line shows the settings at the Team section, where it is put right:
  // the settings page open (scrolled to its top) is brought there, and no second one opened.
  const teamHeading = (page: Page) => page.getByRole('heading', { name: 'Team', exact: true });
  const popupLine = async () => {
    const popup = await c.context.newPage();
    await popup.goto(`chrome-extension://${c.extensionId}/popup.html`);
    const line = popup.getByTestId('sync-line');
    await expect(line).toHaveText(`Team: carol is not a member of ${DB}: ask the owner to add you. Nothing is sent or received.`);
    return line;
  };
  // Twice: the second time the page is at #team already, scrolled back to its top. It is never loaded anew (what it holds stays).
  await options.evaluate(() => ((window as { kept?: string }).kept = 'kept'));
  for (let click = 0; click < 2; click++) {
    await options.evaluate(() => window.scrollTo(0, 0));
    await expect(teamHeading(options)).not.toBeInViewport();
    await (await popupLine()).click();
    await expect(options).toHaveURL(/\/options\.html#team$/);
    await expect(teamHeading(options)).toBeInViewport();
    expect(c.context.pages().filter((page) => page.url().includes('/options.html'))).toHaveLength(1);
  }
  expect(await options.evaluate(() => (window as { kept?: string }).kept)).toBe('kept');
  // With no settings page open, it opens one there.
  await options.close();
  const line = await popupLine();
  const [settings] = await Promise.all([c.context.waitForEvent('page'), line.click()]);
  await expect(settings).toHaveURL(/\/options\.html#team$/);
  await expect(teamHeading(settings)).toBeInViewport();
  // Local work goes on: an import on this computer (the buyer the team wrote a note on), nothing of the team's arrives.
  const imported = await seedDemoOrders(c, demo.seed, [demo.seed.known.champion]);
  expect(await storeCounts(settings)).toMatchObject({ orders: imported.orders, members: 1, notes: 0 });
});

test('the server restarted during a new profile\'s initial sync: it resumes, with no duplicates', async ({ freshExt }) => {
  const options = await openOptions(await named(freshExt, 'Agent B'));
  // About a third of the way into the team's documents, the relay drops every connection.
  const cut = relay.stopAfter(250_000);
  await connect(options, login('bob'));
  await cut;
  await expect(teamStatus(options)).toContainText(/^Offline, retrying at /, { timeout: 20_000 });
  const part = await storeCounts(options);
  await relay.start();
  await expect(teamStatus(options)).toHaveText(SYNCED, { timeout: 60_000 });
  const [mine, theirs] = await Promise.all([storeCounts(options), storeCounts(optionsA)]);
  expect(part.orders).toBeGreaterThan(0);
  expect(part.orders).toBeLessThan(theirs.orders);
  expect(mine).toEqual(theirs);
});
