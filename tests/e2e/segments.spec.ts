// The owner's task on the demo data: build "Gold, no order in 90 days", check the count against
// what the seed implies, export it, and find exactly those members in the CSV less do-not-contact.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { DemoSeed } from '../../demo/seed';
import { expectedStats } from '../../demo/seed';
import { localDayNumber } from '../../lib/domain/time';
import { DEFAULT_TIER_LADDER, tierForStats } from '../../lib/domain/tiers';
import { expect, test } from '../support/fixtures';

/** Demo buyers as the master file holds them: handles sharing a phone are one member. */
function demoMembers(seed: DemoSeed): string[][] {
  const byPhone = new Map<string, string[]>();
  for (const b of seed.buyers) byPhone.set(b.phone, [...(byPhone.get(b.phone) ?? []), b.handle]);
  return [...byPhone.values()].map((handles) => handles.sort());
}

/** Members the seed makes Gold (default ladder) whose last counted order is 90+ calendar days ago in `timeZone`. */
function goldLapsed(seed: DemoSeed, now: number, timeZone: string): Set<string> {
  const today = localDayNumber(now, timeZone);
  const out = new Set<string>();
  for (const handles of demoMembers(seed)) {
    const stats = expectedStats(seed, handles);
    const tier = tierForStats(DEFAULT_TIER_LADDER, stats);
    if (tier.id === 'gold' && stats.lastOrderAt !== null && today - localDayNumber(stats.lastOrderAt, timeZone) >= 90) out.add(handles.join(','));
  }
  return out;
}

/** The member key of a CSV "Handles" cell: "a (Demo Market); b (Demo Market)" → "a,b". */
const keyOf = (cell: string) => cell.split('; ').map((h) => h.replace(/ \(.*\)$/, '')).sort().join(',');

test('Gold, no order in 90 days: the count matches the seed, the CSV has those members less do-not-contact, and sending logs contacts', async ({ page, ext, demo, demoImported }) => {
  expect(demoImported).toBeTruthy();
  const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const expected = goldLapsed(demo.seed, Date.now(), timeZone);
  const lapsedGold = demo.seed.known.lapsedGold;
  // The seed's own promise: its lapsed gold buyer is in the segment; there is more than one to export.
  expect(expected.has(lapsedGold)).toBe(true);
  expect(expected.size).toBeGreaterThan(1);

  // No demo member is do-not-contact: mark the known lapsed gold buyer so through the member view.
  const base = `chrome-extension://${ext.extensionId}/members.html`;
  await page.goto(`${base}#/members`);
  await page.getByLabel('Search name, handle or phone').fill(lapsedGold);
  await page.getByRole('link', { name: /^Open Priya Krishnan$/ }).click();
  await expect(page.getByTestId('member-view')).toBeVisible();
  await page.getByText('Profile', { exact: true }).click();
  await page.getByLabel('Do not contact').check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByTestId('dnc')).toBeVisible();

  // Build the segment in the builder: the live count is the seed's.
  await page.goto(`${base}#/members`);
  await page.reload();
  await page.getByRole('group', { name: 'Tier' }).getByRole('button', { name: 'Gold' }).click();
  await page.getByRole('combobox', { name: 'Last order', exact: true }).selectOption('atLeastDaysAgo');
  await expect(page.getByLabel('Last order: days')).toHaveValue('90');
  await expect(page.getByTestId('segment-count')).toHaveAttribute('data-count', String(expected.size));

  // Save it: it is then offered by name, and reminders can use it as an audience.
  await page.getByLabel('Segment name').fill('Gold, no order in 90 days');
  await page.getByRole('button', { name: 'Save segment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Gold, no order in 90 days”' })).toBeVisible();

  // Export with the Handles column.
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await page.getByTestId('segment-export').getByLabel('Handles').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^regulars-Gold-no-order-in-90-days-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
  const header = rows[0]!;
  expect(header).toContain('Handles');
  expect(header.at(-1)).toBe('Contacted recently');
  const handlesAt = header.indexOf('Handles');
  const exported = new Set(rows.slice(1).map((r) => keyOf(r[handlesAt]!)));
  const wanted = new Set([...expected].filter((k) => k !== lapsedGold));
  expect([...exported].sort()).toEqual([...wanted].sort());
  expect(rows.slice(1).every((r) => r.at(-1) === '')).toBe(true);
  await expect(page.getByTestId('export-done')).toContainText(`${wanted.size.toLocaleString('en-US')} members. 1 left out (do not contact), 0 flagged`);

  // "The campaign was sent": one contact per exported member; exporting again flags them all.
  await page.getByLabel('Channel').selectOption('line');
  await page.getByRole('button', { name: 'The campaign was sent' }).click();
  await expect(page.getByTestId('contacts-logged')).toHaveText(`Logged a LINE contact for ${wanted.size.toLocaleString('en-US')} members.`);
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const second = Papa.parse<string[]>((await readFile((await again.path())!, 'utf8')).slice(1), { skipEmptyLines: true }).data;
  expect(second.slice(1).every((r) => r.at(-1) === 'yes')).toBe(true);
  await expect(page.getByTestId('export-done')).toContainText(`${wanted.size} flagged`);

  // The member view shows the contact; the do-not-contact member got none.
  const someone = rows[1]![handlesAt]!.split(' (')[0]!;
  await page.getByLabel('Search name, handle or phone').fill(someone);
  await page.locator('.mt-row .c-name a').first().click();
  await expect(page.getByTestId('contact-log')).toContainText('LINE · Campaign: Gold, no order in 90 days');
});

test('the overview counts every member once, and a segment opens its members; bulk tags reach each selected member', async ({ page, ext, demoImported }) => {
  expect(demoImported).toBeTruthy();
  const base = `chrome-extension://${ext.extensionId}/members.html`;
  await page.goto(`${base}#/`);
  const overview = page.getByTestId('rfm-overview');
  await expect(overview).toBeVisible();
  const counts = (await overview.getByTestId('rfm-count').allInnerTexts()).map((s) => Number(s.replace(/\D/g, '')));
  await page.goto(`${base}#/members`);
  // The first rows can come ahead of the whole list: the count is set once it is all there.
  await expect(page.getByTestId('segment-count')).toHaveAttribute('data-count', /^\d+$/);
  const total = Number(await page.getByTestId('segment-count').getAttribute('data-count'));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(total);

  await page.goto(`${base}#/`);
  const champions = overview.locator('tr[data-segment="champions"]');
  const championCount = Number((await champions.getByTestId('rfm-count').innerText()).replace(/\D/g, ''));
  await champions.getByRole('link').click();
  await expect(page.getByTestId('segment-count')).toHaveAttribute('data-count', String(championCount));
  await expect(page.getByRole('group', { name: 'RFM segment' }).getByRole('button', { name: 'Champions' })).toHaveAttribute('aria-pressed', 'true');

  // Select the first two rows, tag them, then untag them.
  const rows = page.locator('.mt-row');
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByLabel('Tag', { exact: true }).fill('spring-vip');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tag “spring-vip” added to 2 members.' })).toBeVisible();
  await page.getByRole('group', { name: 'RFM segment' }).getByRole('button', { name: 'Champions' }).click(); // everyone again
  await page.getByLabel('Any of').fill('spring-vip');
  await expect(page.getByTestId('segment-count')).toHaveAttribute('data-count', '2');
  await page.getByRole('button', { name: 'Remove tag' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tag “spring-vip” removed from 2 members.' })).toBeVisible();
  await expect(page.getByTestId('segment-count')).toHaveAttribute('data-count', '0');

  // The popup's Segments tab opens a group in the members page already open (its #part changed), not in
  // one more tab, and shows the group afresh: here the page is at that very group, with a tag filter
  // left on it, and the popup's link shows the whole group again.
  const popupLink = async (segment: string) => {
    const popup = await page.context().newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.locator('[role="tab"][data-tab="segments"]').click();
    await popup.locator(`tr[data-segment="${segment}"]`).getByRole('link').click();
  };
  await page.evaluate(() => ((window as { kept?: string }).kept = 'kept'));
  for (const [from, to] of [['#/members/rfm/champions', 'champions'], ['#/', 'champions']] as const) {
    if (from === '#/') await page.goto(`${base}#/`);
    await expect(page).toHaveURL(`${base}${from}`);
    await popupLink(to);
    await expect(page).toHaveURL(`${base}#/members/rfm/${to}`);
    await expect(page.getByTestId('segment-count')).toHaveAttribute('data-count', String(championCount));
    await expect(page.getByLabel('Any of')).toHaveValue('');
    expect(page.context().pages().filter((p) => p.url().startsWith(base))).toHaveLength(1);
    expect(await page.evaluate(() => (window as { kept?: string }).kept)).toBe('kept');
  }
});

test('the member view shows every order and merged identity, and separating one makes a member of its own', async ({ page, ext, demo, demoImported }) => {
  expect(demoImported).toBeTruthy();
  const [main, other] = demo.seed.known.twoHandles;
  const base = `chrome-extension://${ext.extensionId}/members.html`;
  await page.goto(`${base}#/members`);
  await page.getByLabel('Search name, handle or phone').fill(other);
  await expect(page.getByTestId('segment-count')).toBeVisible();
  await page.locator('.mt-row .c-name a').first().click();
  const view = page.getByTestId('member-view');
  await expect(view.getByTestId('identities')).toContainText(`@${other}`);
  await expect(view.getByTestId('identities')).toContainText('merged by phone');
  const both = expectedStats(demo.seed, [main, other]).orderCount;
  await expect(view.getByRole('heading', { name: 'All orders' })).toBeVisible();
  await expect(view.getByTestId('recent-orders').locator('li')).toHaveCount(demo.seed.orders.filter((o) => o.handle === main || o.handle === other).length);
  await expect(view.getByTestId('stat-orders')).toHaveText(String(both));

  await view.getByRole('button', { name: `Separate @${other} into a member of its own` }).click();
  await expect(view.getByRole('status').filter({ hasText: `Separated: ${other} is now a member of its own.` })).toBeVisible();
  await expect(view.getByTestId('identities')).not.toContainText(`@${other}`);
  await expect(view.getByTestId('stat-orders')).toHaveText(String(expectedStats(demo.seed, [main]).orderCount));
});

test('scrolling the members table shows every member once, in order, in the same row elements', async ({ page, ext, demoImported }) => {
  expect(demoImported).toBeTruthy();
  await page.setViewportSize({ width: 1400, height: 700 });
  await page.goto(`chrome-extension://${ext.extensionId}/members.html#/members`);
  // The first rows can come ahead of the whole list: the count is set once it is all there.
  await expect(page.getByTestId('segment-count')).toHaveAttribute('data-count', /^\d+$/);
  const total = Number(await page.getByTestId('segment-count').getAttribute('data-count'));
  await expect(page.locator('.mt-row').first()).toBeVisible();
  // Row elements made while scrolling (slot-keyed rows are re-filled and moved, not made anew; a
  // move shows as an added node too, so elements already seen are not counted).
  await page.evaluate(() => {
    const g = globalThis as { rowsAdded?: number };
    const known = new WeakSet(document.querySelectorAll('.mt-row'));
    g.rowsAdded = 0;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) {
        if (!(n instanceof HTMLElement) || !n.classList.contains('mt-row') || known.has(n)) continue;
        known.add(n);
        g.rowsAdded!++;
      }
    }).observe(document.querySelector('[data-testid=members-scroller]')!, { childList: true, subtree: true });
  });
  const seen = new Map<number, { id: string; name: string; label: string }>();
  for (let step = 0; ; step++) {
    const shown = await page.locator('.mt-row').evaluateAll((rows) =>
      rows.map((r) => ({ index: Number(r.getAttribute('aria-rowindex')), id: r.getAttribute('data-member-id') ?? '', name: r.querySelector('.c-name a')?.textContent ?? '', label: r.querySelector('input[type=checkbox]')?.getAttribute('aria-label') ?? '' })),
    );
    for (const row of shown) {
      const before = seen.get(row.index);
      if (before) expect(before, `row ${row.index} shows the same member each time`).toEqual({ id: row.id, name: row.name, label: row.label });
      else seen.set(row.index, { id: row.id, name: row.name, label: row.label });
      // Every cell of a row is of one member: its link and its checkbox name the same buyer.
      expect(row.label).toBe(`Select ${row.name}`);
    }
    const atEnd = await page.getByTestId('members-scroller').evaluate((el) => {
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return true;
      el.scrollTop += 36 * 7;
      return false;
    });
    if (atEnd) break;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  expect(seen.size).toBe(total);
  expect([...seen.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 2));
  expect(new Set([...seen.values()].map((r) => r.id)).size).toBe(total);
  const rowsInPage = await page.locator('.mt-row').count();
  expect(total).toBeGreaterThan(rowsInPage * 3);
  expect(await page.evaluate(() => (globalThis as { rowsAdded?: number }).rowsAdded)).toBeLessThan(4);
});

test('the members table sorts by the column clicked: numbers from the largest first, names from A, and back', async ({ page, ext, demoImported }) => {
  expect(demoImported).toBeTruthy();
  await page.goto(`chrome-extension://${ext.extensionId}/members.html#/members`);
  await expect(page.locator('.mt-row').first()).toBeVisible();
  const column = (name: string) => page.getByRole('columnheader', { name, exact: true });
  const shown = (cls: string) => page.locator(`.mt-row .${cls}`).allInnerTexts();
  await expect(column('Spend')).toHaveAttribute('aria-sort', 'descending');

  await column('Orders').getByRole('button').click();
  await expect(column('Orders')).toHaveAttribute('aria-sort', 'descending');
  await expect(column('Spend')).toHaveAttribute('aria-sort', 'none');
  const orders = (await shown('c-orders')).map((s) => Number(s.replace(/\D/g, '')));
  expect(orders.length).toBeGreaterThan(5);
  expect(orders).toEqual([...orders].sort((a, b) => b - a));

  await column('Name').getByRole('button').click();
  await expect(column('Name')).toHaveAttribute('aria-sort', 'ascending');
  const lower = (names: string[]) => names.map((n) => n.toLowerCase());
  const names = lower(await shown('c-name'));
  expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  await column('Name').getByRole('button').click();
  await expect(column('Name')).toHaveAttribute('aria-sort', 'descending');
  const back = lower(await shown('c-name'));
  expect(back).toEqual([...back].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  expect(back[0]! >= names[names.length - 1]!).toBe(true);
});

test('the search box finds a member by handle or by phone typed with spaces, and no one else', async ({ page, ext, demo, demoImported }) => {
  expect(demoImported).toBeTruthy();
  await page.goto(`chrome-extension://${ext.extensionId}/members.html#/members`);
  await expect(page.locator('.mt-row').first()).toBeVisible();
  const { buyers } = demo.seed;
  // A buyer whose handle and phone appear in nobody else's handle, name, phone or e-mail.
  const others = (b: (typeof buyers)[number]) => buyers.filter((o) => o.phone !== b.phone).map((o) => `${o.handle} ${o.name} ${o.email} ${o.phone}`.toLowerCase()).join('\n');
  const buyer = buyers.find((b) => b.handle.length > 5 && !others(b).includes(b.handle) && !others(b).replace(/\D/g, ' ').includes(b.phone.slice(-8)))!;
  expect(buyer).toBeTruthy();
  const search = page.getByLabel('Search name, handle or phone');
  const digits = buyer.phone.slice(-8);
  for (const query of [`@${buyer.handle.toUpperCase()}`, `${digits.slice(0, 4)} ${digits.slice(4)}`]) {
    await search.fill(query);
    await expect(page.locator('.mt-row')).toHaveCount(1);
    await expect(page.locator('.mt-row .c-handles')).toContainText(buyer.handle);
  }
  await search.fill('');
  await expect.poll(() => page.locator('.mt-row').count()).toBeGreaterThan(5);
});
