// Team sync end to end: two Chromium profiles ("Agent A", "Agent B") with the demo build, the team
// server (pouchdb-server, in memory) on loopback behind a relay that can be stopped: what each agent
// sees while both work, when the server is down, and when they meet again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { downloadDemoExport, importOrdersThroughOptions, launchWithExtension, type LaunchedExtension } from '../support/extension';
import { expect, test } from '../support/fixtures';
import { conversationOf, panelFrame } from '../support/panel';
import { connect, openOptions, recordStatusLines, storeCounts, SYNCED, teamSection, teamStatus, type TeamLogin } from '../support/team';
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

test.beforeAll(async () => {
  couch = await startCouchServer();
  relay = await startTcpProxy(couch.port);
  [a, b] = await Promise.all([launchWithExtension({ firstRun: { author: 'Agent A' } }), launchWithExtension({ firstRun: { author: 'Agent B' } })]);
  [optionsA, optionsB] = await Promise.all([openOptions(a), openOptions(b)]);
});

test.afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await relay?.stop();
  await couch?.stop();
});

/** The chat with `handle` open in a profile, and its panel. */
async function chatWith(ext: LaunchedExtension, demoUrl: string, conversation: string): Promise<{ page: Page; panel: Frame }> {
  const page = await ext.context.newPage();
  await page.goto(`${demoUrl}/chat/${conversation}`);
  return { page, panel: await panelFrame(page) };
}

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

  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-export-'));
  try {
    await importOrdersThroughOptions(a.context, a.extensionId, await downloadDemoExport(demo.url, dir), 'demo');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await connect(optionsA, login('alice'));
  await expect(teamStatus(optionsA)).toHaveText(SYNCED, { timeout: 60_000 });

  const lines = await recordStatusLines(optionsB);
  await connect(optionsB, login('bob'));
  await expect(teamStatus(optionsB)).toHaveText(SYNCED, { timeout: 60_000 });
  const [countsA, countsB] = await Promise.all([storeCounts(optionsA), storeCounts(optionsB)]);
  expect(countsB).toEqual(countsA);
  expect(countsB.orders).toBe(demo.seed.orders.length);
  // Joining showed how far it was, in counts, with the time left.
  expect((await lines()).some((l) => /^Joining the team: [\d,]+ of [\d,]+ records, about .+ left$/.test(l))).toBe(true);
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
  // Local work went on: what each agent did is there, waiting to be sent.
  await expect(here.panel.getByRole('list', { name: 'Tags' })).toContainText('Y');
  await expect(teamStatus(optionsB)).toContainText(/changes? waiting/);

  // Back up: each catches up at its next retry (the status line said when).
  await relay.start();
  for (const options of [optionsA, optionsB]) await expect(teamStatus(options)).toHaveText(SYNCED, { timeout: 40_000 });
  for (const { panel } of [there, here]) {
    await expect(panel.getByRole('list', { name: 'Tags' })).toContainText('X', { timeout: 5000 });
    await expect(panel.getByRole('list', { name: 'Tags' })).toContainText('Y', { timeout: 5000 });
    await expect(panel.getByTestId('notes')).toContainText('Asked about returns', { timeout: 5000 });
    await expect(panel.getByTestId('dnc')).toBeVisible({ timeout: 5000 });
  }
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

test('a wrong password and a user who is not a member each show their state; local work goes on', async ({ demo }) => {
  const auth = `Basic ${Buffer.from(`${couch.admin.name}:${couch.admin.password}`).toString('base64')}`;
  const headers = { authorization: auth, 'content-type': 'application/json' };
  // The team database with its members, whether or not the first test made it (this one also runs alone).
  await fetch(`${couch.url}/${DB}`, { method: 'PUT', headers });
  const security = (await (await fetch(`${couch.url}/${DB}/_security`, { headers })).json()) as { members?: { names?: string[] } };
  if (!security.members?.names?.length) expect((await fetch(`${couch.url}/${DB}/_security`, { method: 'PUT', headers, body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: ['alice', 'bob'], roles: [] } }) })).ok).toBe(true);
  const user = { _id: 'org.couchdb.user:carol', name: 'carol', password: 'carol-pw', roles: [], type: 'user' };
  expect((await fetch(`${couch.url}/_users/${user._id}`, { method: 'PUT', headers, body: JSON.stringify(user) })).ok).toBe(true);

  const c = await launchWithExtension({ firstRun: { author: 'Agent C' } });
  try {
    const options = await openOptions(c);
    await connect(options, login('bob', 'not-his-password'));
    await expect(teamStatus(options)).toHaveText('Could not connect: wrong user name or password. Check both and try again.');
    await connect(options, { ...login('carol'), db: 'no-such-shop' });
    await expect(teamStatus(options)).toHaveText('There is no team database no-such-shop on this server: check the name, or ask the owner to set it up. Nothing is sent or received.', { timeout: 20_000 });
    await connect(options, login('carol'));
    await expect(teamStatus(options)).toHaveText(`carol is not a member of ${DB}: ask the owner to add you. Nothing is sent or received.`, { timeout: 20_000 });
    // Local work goes on: an import on this computer, nothing of the team's arrives.
    const dir = await mkdtemp(path.join(tmpdir(), 'regulars-export-'));
    try {
      await importOrdersThroughOptions(c.context, c.extensionId, await downloadDemoExport(demo.url, dir), 'demo');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect((await storeCounts(options)).notes).toBe(0);
  } finally {
    await c.close();
  }
});

test('the server restarted during a new profile\'s initial sync: it resumes, with no duplicates', async () => {
  const c = await launchWithExtension({ firstRun: { author: 'Agent B' } });
  try {
    const options = await openOptions(c);
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
  } finally {
    await c.close();
  }
});
