import { adapterFor } from '@/lib/marketplaces/registry';
import { createPanelHost, HOST_TAG, type PanelHost } from './panel-host';
import { watchPage } from './watch';

export default defineContentScript({
  // The demo marketplace on loopback. Real marketplaces are enabled per site by the user.
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  runAt: 'document_idle',
  main(ctx) {
    let host: PanelHost | undefined;
    let shown = '';

    const check = () => {
      const url = new URL(location.href);
      const adapter = adapterFor(url);
      if (!adapter) {
        host?.destroy();
        host = undefined;
        shown = '';
        return;
      }
      let buyer;
      let anchor;
      try {
        buyer = adapter.findBuyer(document, url);
        anchor = adapter.anchor?.(document, url);
      } catch (e) {
        // An adapter that throws must never break the page; the panel says it couldn't read it.
        console.warn('Regulars: could not read this page', e);
      }
      // Mounting twice is a no-op: one host per page, even if this script ran twice.
      if (!host) {
        document.querySelectorAll(HOST_TAG).forEach((stale) => stale.remove());
        host = createPanelHost();
      }
      host.place(anchor);
      const key = buyer ? `${adapter.id}:${buyer.handle}` : `${adapter.id}:-`;
      if (key === shown) return;
      shown = key;
      host.show(buyer ? { type: 'regulars:buyer', platform: adapter.id, handle: buyer.handle, name: buyer.name } : { type: 'regulars:no-buyer', platform: adapter.id });
    };

    check();
    const stop = watchPage(check);
    ctx.onInvalidated(() => {
      stop();
      host?.destroy();
    });
  },
});
