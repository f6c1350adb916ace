import { createClient } from '@/lib/messaging/client';
import { buyerByRules } from '@/lib/marketplaces/rule-buyer';
import { adapterFor, platformForUrl } from '@/lib/marketplaces/registry';
import type { CapturedOrder, DetectedBuyer, PanelAnchor } from '@/lib/marketplaces/types';
import { createPanelHost, HOST_TAG, type PanelHost } from './panel-host';
import { pickElement, selectorFor } from './picker';
import { watchPage } from './watch';

type Rule = { selector: string; pathPrefix?: string | undefined };

export default defineContentScript({
  // The demo marketplace on loopback, in the demo build only (wxt.config.ts drops these from the
  // store build). Real marketplaces are registered per site when the user enables them (lib/hosts),
  // so this same script runs there too.
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  runAt: 'document_idle',
  main(ctx) {
    const send = createClient({ sendMessage: (m) => browser.runtime.sendMessage(m) });
    const site = location.hostname;
    const collapsedKey = `collapsed:${site}`;
    let host: PanelHost | undefined;
    let shown = '';
    let rules: Rule[] = [];
    let forced = false; // shown on request on a page no adapter serves
    let collapsed = false;
    let buyerShown = false;

    const onRequest = (message: { type: string }) => {
      if (message.type === 'regulars:collapse') {
        collapsed = !collapsed;
        host?.setCollapsed(collapsed);
        void browser.storage.local.set({ [collapsedKey]: collapsed });
      } else if (message.type === 'regulars:point') void point();
    };

    const point = async () => {
      host?.post({ type: 'regulars:pointing', active: true });
      const el = await pickElement();
      if (!el) return host?.post({ type: 'regulars:pointing', active: false });
      const selector = selectorFor(el);
      await send('siteRule.save', { host: site, selector });
      rules = [{ selector }, ...rules];
      host?.post({ type: 'regulars:pointing', active: false, savedHost: site });
      shown = '';
      check();
    };

    const check = () => {
      const started = performance.now();
      try {
        inspect();
      } finally {
        // On the page's own timeline (timing only, no data): what this script costs per navigation.
        performance.measure('regulars:check', { start: started });
      }
    };

    const inspect = () => {
      const url = new URL(location.href);
      const adapter = adapterFor(url);
      let buyer: DetectedBuyer | undefined;
      let anchor: PanelAnchor | undefined;
      let order: CapturedOrder | undefined;
      try {
        buyer = adapter?.findBuyer(document, url);
        anchor = adapter?.anchor?.(document, url);
        order = adapter?.readOrder?.(document, url);
      } catch (e) {
        // An adapter that throws must never break the page; the manual fallback stays.
        console.warn('Regulars: could not read this page', e);
      }
      if (!buyer && rules.length) buyer = buyerByRules(rules, document, url);
      if (!adapter && !rules.length && !forced) {
        host?.destroy();
        host = undefined;
        shown = '';
        return;
      }
      // Mounting twice is a no-op: one host per page, even if this script ran twice.
      if (!host) {
        document.querySelectorAll(HOST_TAG).forEach((stale) => stale.remove());
        host = createPanelHost(onRequest, 'Regulars');
        host.setCollapsed(collapsed);
      }
      host.place(anchor);
      const platform = adapter?.id ?? platformForUrl(url);
      const key = `${platform}:${buyer?.handle ?? '-'}:${order?.orderNo ?? ''}:${order?.statusText ?? ''}`;
      if (key === shown) return;
      shown = key;
      buyerShown = Boolean(buyer);
      const detectedAt = performance.timeOrigin + performance.now();
      host.post(buyer ? { type: 'regulars:buyer', platform, handle: buyer.handle, name: buyer.name, order, site, detectedAt } : { type: 'regulars:no-buyer', platform, order, site });
    };

    // Alt+1…8 from the chat page tags the buyer without leaving the chat.
    const onKey = (e: KeyboardEvent) => {
      if (!host || !buyerShown || !e.altKey || e.ctrlKey || e.metaKey) return;
      const n = Number(e.code.replace(/^Digit/, ''));
      if (n >= 1 && n <= 8) {
        e.preventDefault();
        host.post({ type: 'regulars:shortcut', n });
      }
    };
    window.addEventListener('keydown', onKey, true);

    // "Show Regulars on this page" from the toolbar or the keyboard command.
    const onRuntime = (message: unknown) => {
      if ((message as { regulars?: string })?.regulars === 'show') {
        forced = true;
        collapsed = false;
        host?.setCollapsed(false);
        shown = '';
        check();
      }
    };
    browser.runtime.onMessage.addListener(onRuntime);

    check();
    const stop = watchPage(check);
    void Promise.all([browser.storage.local.get(collapsedKey), send('siteRule.forHost', { host: site }).catch(() => [])]).then(([stored, saved]) => {
      collapsed = stored[collapsedKey] === true;
      host?.setCollapsed(collapsed);
      rules = saved;
      shown = '';
      check();
    });
    ctx.onInvalidated(() => {
      stop();
      window.removeEventListener('keydown', onKey, true);
      browser.runtime.onMessage.removeListener(onRuntime);
      host?.destroy();
    });
  },
});
