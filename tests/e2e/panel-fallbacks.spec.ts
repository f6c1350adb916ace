import { expectedStats } from '../../demo/seed';
import { expect, test } from '../support/fixtures';
import { conversationOf, panelFrame, usd } from '../support/panel';

// Extension pages' globals, as far as these tests use them.
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
};

test.describe('when no adapter can tell who the buyer is', () => {
  // A store of its own: the worker's shared store must keep this buyer unknown for other tests.
  test('an unknown buyer becomes a member with one click', async ({ freshExt, demo }) => {
    const page = await freshExt.context.newPage();
    const url = `${demo.url}/chat/${conversationOf(demo.seed, demo.seed.known.unknown)}`;
    await page.goto(url);
    let panel = await panelFrame(page);
    await expect(panel.getByTestId('unknown-buyer')).toBeVisible();
    await panel.getByRole('button', { name: 'Create member' }).click();
    await expect(panel.getByTestId('member-card')).toBeVisible();
    await expect(panel.getByTestId('stat-orders')).toHaveText('0');
    await page.reload();
    panel = await panelFrame(page);
    await expect(panel.getByTestId('member-card')).toBeVisible();
  });

  test('pointing at the buyer’s name once finds the buyer on a page no adapter reads, then every time', async ({ page, demo, ext, demoImported }) => {
    expect(demoImported).toBeTruthy();
    const [handle] = demo.seed.known.twoHandles;
    await page.goto(`${demo.url}/plain`);
    await page.waitForLoadState('load');
    await expect(page.locator('regulars-panel')).toHaveCount(0);

    // "Show Regulars on this page" (toolbar or keyboard command) reaches the page's content script.
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await page.bringToFront();
    await options.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { regulars: 'show' });
    });
    await options.close();

    const panel = await panelFrame(page);
    await panel.getByRole('button', { name: /Point at the buyer/ }).click();
    await page.locator('p.x1').click();
    await expect(panel.getByTestId('stat-spend')).toHaveText(usd(expectedStats(demo.seed, [...demo.seed.known.twoHandles]).spendMinor));
    await expect(panel.getByText('Remembered for 127.0.0.1')).toBeVisible();

    // Next visit: the saved rule shows the panel and the buyer without asking.
    await page.reload();
    const again = await panelFrame(page);
    await expect(again.getByTestId('identities')).toContainText(handle);
  });

  test('typing the buyer’s handle shows them', async ({ page, demo, demoImported }) => {
    expect(demoImported).toBeTruthy();
    await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, demo.seed.known.unknown)}`);
    const panel = await panelFrame(page);
    await panel.getByRole('button', { name: 'Not this buyer?' }).click();
    await panel.getByRole('textbox', { name: "Buyer's handle" }).fill(demo.seed.known.oneTime);
    await panel.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(panel.getByTestId('stat-orders')).toHaveText('1');
  });
});

test('an order page offers to record the order, and then the buyer has it', async ({ freshExt, demo }) => {
  const order = demo.seed.orders.find((o) => o.status === 'delivered' && o.handle === demo.seed.known.oneTime)!;
  const page = await freshExt.context.newPage();
  await page.goto(`${demo.url}/orders/${order.orderNo}`);
  const panel = await panelFrame(page);
  await expect(panel.getByTestId('order-capture')).toContainText('Not in your master file yet.');
  await expect(panel.getByTestId('order-capture')).toContainText(usd(order.amountMinor));
  await panel.getByRole('button', { name: 'Record order' }).click();
  await expect(panel.getByTestId('order-capture')).toContainText('Order recorded');
  await expect(panel.getByTestId('stat-spend')).toHaveText(usd(order.amountMinor));
  await page.reload();
  const again = await panelFrame(page);
  await expect(again.getByTestId('order-capture')).toContainText('Recorded.');
});

test('the seller page’s own scripts cannot read the panel or steer it', async ({ page, demo, demoImported }) => {
  expect(demoImported).toBeTruthy();
  const handle = demo.seed.known.champion;
  const spend = usd(expectedStats(demo.seed, [handle]).spendMinor);
  await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, handle)}`);
  const panel = await panelFrame(page);
  await expect(panel.getByTestId('stat-spend')).toHaveText(spend);

  // Everything a script in the page (main world) can try.
  const seen = await page.evaluate(() => {
    const out: string[] = [];
    const host = document.querySelector('regulars-panel') as (HTMLElement & { shadowRoot: ShadowRoot | null }) | null;
    out.push(`host:${Boolean(host)}`, `shadowRoot:${String(host?.shadowRoot)}`, `iframes:${document.querySelectorAll('iframe').length}`);
    out.push(`text:${document.body.innerText}`);
    for (let i = 0; i < window.frames.length; i++) {
      try {
        out.push(`frame${i}:${window.frames[i]!.document.body.innerText}`);
      } catch (e) {
        out.push(`frame${i}:blocked ${(e as Error).name}`);
      }
      // Try to steer it: show someone else, and toggle a tag by shortcut.
      window.frames[i]!.postMessage({ type: 'regulars:buyer', platform: 'demo', handle: 'daniel.reyes' }, '*');
      window.frames[i]!.postMessage({ type: 'regulars:shortcut', n: 1 }, '*');
    }
    return out.join('\n');
  });
  expect(seen).toContain('shadowRoot:null');
  expect(seen).toContain('iframes:0');
  // A frame the page can see at all is cross-origin to it.
  for (const line of seen.split('\n').filter((l) => l.startsWith('frame'))) expect(line).toMatch(/blocked SecurityError/);
  expect(seen).not.toContain(spend);
  expect(seen).not.toMatch(/Lifetime spend|Champions/);
  await page.waitForTimeout(300);
  await expect(panel.getByTestId('stat-spend')).toHaveText(spend);
  await expect(panel.getByRole('group', { name: 'Quick tags' }).getByRole('button', { name: /Gift/ })).toHaveAttribute('aria-pressed', 'false');
});
