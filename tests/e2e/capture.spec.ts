import type { DemoOrder } from '../../demo/seed';
import { expect, test } from '../support/fixtures';
import { panelFrame } from '../support/panel';
import { send } from '../support/protocol';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const ZONE = 'Asia/Kuala_Lumpur';
const MINUTE = 60_000;

// The demo marketplace prints an order the way other seller centres do (?print=, demo/server.ts):
// text only, no machine-readable date or currency. Recording it from the panel must store the
// instant the page means and the currency it shows, in a shop set up for USD in Kuala Lumpur.
test('recording orders whose pages print "21 Nov 2026 09:14", "Fri, Nov 20, 2026, 9:41 AM PST" and "1.249,00 €" stores the right instant and currency', async ({ demo, freshExt: ext }) => {
  const byBuyer = new Map<string, DemoOrder>();
  for (const o of [...demo.seed.orders].sort((a, b) => b.amountMinor - a.amountMinor)) if (!byBuyer.has(o.handle)) byBuyer.set(o.handle, o);
  const [large, second, third] = [...byBuyer.values()];
  const cases = [
    { order: large!, print: 'eu', currency: 'EUR', shown: /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/, amount: /^[\d.]+,\d{2}\s€$/ },
    { order: second!, print: 'dmy', currency: 'USD', shown: /^\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}$/, amount: /^\$/ },
    { order: third!, print: 'us-zone', currency: 'USD', shown: /^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M P[SD]T$/, amount: /^\$/ },
  ];
  const reader = await ext.context.newPage();
  await reader.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  // The shop's first-run answers: USD (as a new profile's), in Kuala Lumpur.
  await send(reader, 'settings.update', { shopCurrency: 'USD', timeZone: ZONE });
  expect(await send(reader, 'settings.get', {})).toMatchObject({ shopCurrency: 'USD', timeZone: ZONE });
  for (const { order, print, currency, shown, amount } of cases) {
    const page = await ext.context.newPage();
    await page.goto(`${demo.url}/orders/${order.orderNo}?print=${print}&tz=${encodeURIComponent(ZONE)}`);
    await expect(page.getByTestId('order-date')).toHaveText(shown);
    await expect(page.getByTestId('order-amount')).toHaveText(amount);
    const panel = await panelFrame(page);
    await expect(panel.getByTestId('order-capture')).toContainText('Not in your master file yet.');
    await panel.getByRole('button', { name: 'Record order' }).click();
    await expect(panel.getByTestId('order-capture')).toContainText('Order recorded');
    await page.close();

    const stored = (await reader.evaluate(
      (orderNo) => chrome.runtime.sendMessage({ regulars: 1, name: 'order.get', payload: { platform: 'demo', orderNo } }),
      order.orderNo,
    )) as { ok: boolean; data: { amountMinor: number; currency: string; placedAt: number; buyer: string } | null };
    expect(stored.data, `${print}: ${order.orderNo}`).toMatchObject({
      amountMinor: order.amountMinor,
      currency,
      placedAt: Math.floor(order.placedAt / MINUTE) * MINUTE,
      buyer: order.handle,
    });
  }
});
