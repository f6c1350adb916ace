import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { en } from '../../lib/i18n/en';
import { ADAPTERS } from '../../lib/marketplaces/registry';
import { EXTENSION_DIR } from '../support/extension';
import { expect, test } from '../support/fixtures';
import { allowHostsAsTheUserWould } from '../support/hosts';
import { panelFrame } from '../support/panel';

// Extension pages' globals, as far as these tests use them (evaluated inside the options page or chrome://extensions).
declare const chrome: {
  permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; js?: string[]; allFrames?: boolean }[]> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

const LOOPBACK = ['http://127.0.0.1/*', 'http://localhost/*'];
const SWITCHABLE = ADAPTERS.filter((a) => a.id !== 'demo' && a.hostPatterns.length > 0);
const nameOf = (id: string) => en[`platform.${id}` as keyof typeof en];

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
}

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'Marketplaces' })).toBeVisible();
  return page;
}

// The options page has other status lines (the team section's): read the marketplaces section's own.
const marketplacesRegion = (options: Page) => options.getByRole('region', { name: 'Marketplaces' });

const registeredScripts = (options: Page) => options.evaluate(() => chrome.scripting.getRegisteredContentScripts());

test.describe('marketplace access', () => {
  // The demo build (the one these tests load) differs from the store build by loopback hosts only,
  // on purpose: the demo marketplace's static content script and the team server the tests run on
  // this computer. The store zips' test (tests/package) checks the store build has none of them.
  test('the built manifest grants no marketplace host at install; only loopback is extra in the demo build', async ({ ext }) => {
    const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;
    const isLoopback = (p: string) => LOOPBACK.includes(p);
    expect(manifest.permissions).toEqual(expect.arrayContaining(['storage', 'scripting']));
    expect((manifest.host_permissions ?? []).filter((p) => !isLoopback(p)), 'no host granted at install').toEqual([]);
    expect(manifest.content_scripts?.flatMap((c) => c.matches).sort()).toEqual([...LOOPBACK].sort());
    expect(manifest.optional_host_permissions?.filter((p) => !isLoopback(p))).toEqual(['https://*/*']);
    const loopbackAsked = [...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])].filter(isLoopback);
    expect(new Set(loopbackAsked), 'the demo team server on loopback').toEqual(new Set(LOOPBACK));

    const options = await openOptions(ext.context, ext.extensionId);
    // The static demo content script's loopback hosts are the only ones Chrome reports as granted.
    const granted = await options.evaluate(() => chrome.permissions.getAll());
    expect((granted.origins ?? []).sort()).toEqual([...LOOPBACK].sort());
    expect(await registeredScripts(options)).toEqual([]);
    await options.close();
  });

  test('the options page lists every marketplace with its hosts, switched off', async ({ ext }) => {
    const options = await openOptions(ext.context, ext.extensionId);
    const section = options.getByRole('region', { name: 'Marketplaces' });
    await expect(section.getByRole('switch')).toHaveCount(SWITCHABLE.length);
    for (const adapter of SWITCHABLE) {
      const toggle = section.getByRole('switch', { name: nameOf(adapter.id), exact: true });
      await expect(toggle).toHaveAttribute('aria-checked', 'false');
      await expect(toggle).toBeEnabled();
      const row = section.locator(`[data-marketplace="${adapter.id}"]`);
      // Hosts are shown as people know them: "seller.shopee.sg", "*.myshopify.com/admin".
      await expect(row).toContainText(adapter.hostPatterns[0]!.replace(/^[a-z*]+:\/\//, '').replace(/\/\*$/, ''));
    }
    // The demo marketplace is always on (static content script on loopback), so it has no switch.
    await expect(section.getByRole('switch', { name: nameOf('demo') })).toHaveCount(0);
    await expect(section.getByLabel("Your shop's address")).toBeVisible();
    await expect(section.getByRole('button', { name: 'Add shop' })).toBeVisible();
    await options.close();
  });

  test('enabling Shopee registers the content script there, and disabling removes it', async ({ freshExt }) => {
    const shopee = SWITCHABLE.find((a) => a.id === 'shopee');
    expect(shopee, 'Shopee is in lib/marketplaces/registry.ts').toBeDefined();
    const { context, extensionId } = freshExt;
    const chatUrl = `https://${new URL(shopee!.hostPatterns[0]!).hostname}/new-webchat/conversations`;
    // Shopee's page is served by the test, never fetched: a bare page at Shopee's chat URL.
    await context.route(/^https:\/\/[^/]*shopee[^/]*\//, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Shopee chat</title><main>chat</main>' }),
    );
    const chat = await context.newPage();
    await chat.goto(chatUrl);
    await expect(chat.locator('main')).toHaveText('chat');
    await chat.waitForTimeout(1000);
    await expect(chat.locator('regulars-panel'), 'no content script on Shopee before it is enabled').toHaveCount(0);

    await allowHostsAsTheUserWould(context, extensionId, shopee!.hostPatterns);
    const options = await openOptions(context, extensionId);
    const toggle = options.getByRole('switch', { name: nameOf('shopee'), exact: true });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect(marketplacesRegion(options).getByRole('status')).toHaveText(`${nameOf('shopee')} is on. Reload its open tabs to see the panel.`);
    await expect.poll(() => registeredScripts(options)).toEqual([
      expect.objectContaining({ id: 'regulars-shopee', matches: [...shopee!.hostPatterns].sort(), js: ['content-scripts/content.js'], allFrames: false }),
    ]);
    const granted = await options.evaluate(() => chrome.permissions.getAll());
    expect(granted.origins).toEqual(expect.arrayContaining([...shopee!.hostPatterns]));

    await chat.reload();
    await expect(chat.locator('regulars-panel'), 'the panel on Shopee once enabled').toHaveCount(1);
    // Chrome lets the panel frame load on an https marketplace (web_accessible_resources).
    await panelFrame(chat);

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect.poll(() => registeredScripts(options)).toEqual([]);
    await chat.reload();
    await chat.waitForTimeout(1000);
    await expect(chat.locator('regulars-panel'), 'no panel on Shopee once disabled').toHaveCount(0);
  });

  test('every marketplace can be switched on and off; Taobao runs in frames too', async ({ freshExt }) => {
    const { context, extensionId } = freshExt;
    // Site access is per host: a pattern with a path (Shopify's /admin/*) is allowed as the whole host.
    const hosts = SWITCHABLE.flatMap((a) => a.hostPatterns.map((p) => p.replace(/^(https:\/\/[^/]+)\/.*$/, '$1/*')));
    await allowHostsAsTheUserWould(context, extensionId, [...new Set(hosts)]);
    const options = await openOptions(context, extensionId);
    for (const adapter of SWITCHABLE) {
      const toggle = options.getByRole('switch', { name: nameOf(adapter.id), exact: true });
      await toggle.click();
      await expect(toggle, nameOf(adapter.id)).toHaveAttribute('aria-checked', 'true');
    }
    const byId = (scripts: { id: string; allFrames?: boolean }[]) => scripts.map((s) => `${s.id}${s.allFrames ? ' (all frames)' : ''}`).sort();
    await expect
      .poll(async () => byId(await registeredScripts(options)))
      .toEqual(SWITCHABLE.map((a) => `regulars-${a.id}${a.id === 'taobao' ? ' (all frames)' : ''}`).sort());

    for (const adapter of SWITCHABLE) {
      const toggle = options.getByRole('switch', { name: nameOf(adapter.id), exact: true });
      await toggle.click();
      await expect(toggle, nameOf(adapter.id)).toHaveAttribute('aria-checked', 'false');
    }
    await expect.poll(() => registeredScripts(options)).toEqual([]);
  });

  test('adding a WooCommerce shop registers the script in its wp-admin; removing it unregisters', async ({ freshExt }) => {
    const { context, extensionId } = freshExt;
    await context.route(/^https:\/\/shop\.example\//, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Edit order</title><div id="wpbody">order</div>' }),
    );
    const orderPage = await context.newPage();
    const orderUrl = 'https://shop.example/wp-admin/admin.php?page=wc-orders&action=edit&id=1';
    await orderPage.goto(orderUrl);
    await orderPage.waitForTimeout(1000);
    await expect(orderPage.locator('regulars-panel'), 'no content script in a shop nobody added').toHaveCount(0);
    await allowHostsAsTheUserWould(context, extensionId, ['https://shop.example/*']);
    const options = await openOptions(context, extensionId);

    await options.getByLabel("Your shop's address").fill('shop.example/wp-admin/');
    await options.getByRole('button', { name: 'Add shop' }).click();
    await expect(marketplacesRegion(options).getByRole('status')).toHaveText('Regulars runs in https://shop.example/wp-admin. Reload its open tabs to see the panel.');
    await expect(options.getByTestId('woo-shop')).toHaveText([/https:\/\/shop\.example\s*On/]);
    await expect(options.getByLabel("Your shop's address")).toHaveValue('');
    expect(await options.evaluate(() => chrome.storage.local.get('wooShops'))).toEqual({ wooShops: ['https://shop.example'] });
    await expect
      .poll(() => registeredScripts(options))
      .toEqual([expect.objectContaining({ id: expect.stringMatching(/^regulars-woo-/), matches: ['https://shop.example/wp-admin/*'] })]);
    await orderPage.goto(orderUrl);
    await expect(orderPage.locator('regulars-panel'), "the panel on the shop's order screen").toHaveCount(1);

    await options.getByRole('button', { name: 'Remove https://shop.example' }).click();
    await expect(options.getByTestId('woo-shop')).toHaveCount(0);
    await expect.poll(() => registeredScripts(options)).toEqual([]);
    expect(await options.evaluate(() => chrome.storage.local.get('wooShops'))).toEqual({ wooShops: [] });
    await orderPage.reload();
    await orderPage.waitForTimeout(1000);
    await expect(orderPage.locator('regulars-panel'), 'no panel once the shop is removed').toHaveCount(0);
  });

  for (const [input, alert] of [
    ['not a shop', "Enter your shop's address, like https://shop.example"],
    ['http://shop.example', 'Regulars works on shops served over https:// only.'],
  ] as const) {
    test(`the shop address "${input}" is refused without asking Chrome`, async ({ ext }) => {
      const options = await openOptions(ext.context, ext.extensionId);
      await options.getByLabel("Your shop's address").fill(input);
      await options.getByRole('button', { name: 'Add shop' }).click();
      await expect(options.getByRole('alert')).toHaveText(alert);
      await expect(options.getByTestId('woo-shop')).toHaveCount(0);
      await options.close();
    });
  }
});
