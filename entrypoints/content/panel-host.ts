// The panel lives in an extension frame inside a closed shadow root: host page scripts can
// neither read our data (cross-origin frame) nor restyle it, and our styles never leak out.
import type { PanelAnchor } from '@/lib/marketplaces/types';
import type { PanelInbound, PanelOutbound } from '@/lib/panel-channel';

export const HOST_TAG = 'regulars-panel';
const PANEL_WIDTH = 340;

export interface PanelHost {
  element: HTMLElement;
  /** Sends to the frame; buyer messages are remembered and replayed once the frame is ready. */
  post(message: PanelInbound): void;
  /** Re-insert the host where the page wants it (SPAs re-render and drop foreign nodes). */
  place(anchor: PanelAnchor | undefined): void;
  setCollapsed(collapsed: boolean): void;
  destroy(): void;
}

export function createPanelHost(onRequest: (message: PanelOutbound) => void, tabLabel: string): PanelHost {
  const element = document.createElement(HOST_TAG);
  element.setAttribute('data-state', 'loading');
  const shadow = element.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `
    :host { all: initial; display: block; box-sizing: border-box; }
    :host([data-mode="column"]) { flex: 0 0 ${PANEL_WIDTH}px; width: ${PANEL_WIDTH}px; height: 100%; min-height: 0; align-self: stretch; }
    /* At the top of a page's own side column (WooCommerce's, some 280 px): its width, a height of its own. */
    :host([data-mode="top"]) { width: 100%; max-width: 100%; height: min(640px, calc(100vh - 120px)); min-height: 360px; margin: 0 0 20px; border: 1px solid #dcdcde; border-radius: 4px; overflow: hidden; }
    :host([data-mode="top"][data-collapsed]) { width: 100%; height: auto; min-height: 0; border: 0; }
    :host([data-mode="top"][data-collapsed]) button { writing-mode: horizontal-tb; flex-direction: row; justify-content: center; width: 100%; height: 32px; border-radius: 6px; }
    /* Floating: top right, short enough never to cover a chat's input box at the bottom. */
    :host([data-mode="float"]) { position: fixed; top: 72px; right: 12px; width: ${PANEL_WIDTH}px; height: min(620px, calc(100vh - 200px)); z-index: 2147483000; box-shadow: 0 8px 28px rgba(0,0,0,.18); border-radius: 10px; overflow: hidden; }
    :host([data-collapsed]) { flex-basis: 32px; width: 32px; box-shadow: none; background: transparent; }
    :host([data-collapsed][data-mode="float"]) { height: 120px; }
    iframe { border: 0; width: 100%; height: 100%; display: block; color-scheme: normal; }
    :host([data-collapsed]) iframe { display: none; }
    button { all: unset; display: none; }
    :host([data-collapsed]) button { display: flex; flex-direction: column; align-items: center; gap: 6px; box-sizing: border-box; width: 32px; height: 120px; padding: 8px 0;
      background: #0e7c66; color: #fff; border-radius: 8px 0 0 8px; cursor: pointer; font: 600 12px/1 system-ui, sans-serif; writing-mode: vertical-rl; }
    :host([data-collapsed]) button:focus-visible { outline: 2px solid #0e7c66; outline-offset: 2px; }
  `;
  const frame = document.createElement('iframe');
  const origin = new URL(browser.runtime.getURL('/')).origin;
  // A secret in the frame's URL (unreadable to the page: the frame sits in a closed shadow root and
  // is cross-origin) so the frame accepts our message port and nobody else's.
  const token = crypto.randomUUID();
  frame.src = `${browser.runtime.getURL('/panel.html')}#${token}`;
  frame.title = 'Regulars';
  const tab = document.createElement('button');
  tab.type = 'button';
  tab.textContent = tabLabel;
  tab.setAttribute('aria-label', tabLabel);
  shadow.append(style, frame, tab);

  let port: MessagePort | undefined;
  let lastBuyer: PanelInbound | undefined;
  const send = (message: PanelInbound) => port?.postMessage(message);

  const fromFrame = (data: PanelOutbound) => {
    if (data?.type === 'regulars:state') {
      // Only a coarse state crosses into the page's DOM (for people and tests), never data.
      element.setAttribute('data-state', data.state === 'unknown' ? 'ready' : data.state);
    } else if (data && data.type !== 'regulars:ready') onRequest(data);
  };
  // The frame says hello on load; it gets a private channel that the page cannot listen to.
  const onMessage = (event: MessageEvent) => {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    if ((event.data as PanelOutbound)?.type !== 'regulars:ready') return;
    port?.close();
    const channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = (e) => fromFrame(e.data as PanelOutbound);
    frame.contentWindow?.postMessage({ type: 'regulars:port', token }, origin, [channel.port2]);
    if (lastBuyer) send(lastBuyer);
  };
  window.addEventListener('message', onMessage);

  const host: PanelHost = {
    element,
    post(message) {
      if (message.type === 'regulars:buyer' || message.type === 'regulars:no-buyer') {
        lastBuyer = message;
        element.setAttribute('data-state', 'loading');
      }
      send(message);
    },
    place(anchor) {
      if (anchor?.placement === 'top') {
        element.setAttribute('data-mode', 'top');
        if (anchor.parent.firstElementChild !== element) anchor.parent.prepend(element);
      } else if (anchor) {
        element.setAttribute('data-mode', 'column');
        if (element.parentElement !== anchor.parent || anchor.parent.lastElementChild !== element) anchor.parent.append(element);
      } else {
        element.setAttribute('data-mode', 'float');
        if (!element.isConnected) document.body.append(element);
      }
    },
    setCollapsed(collapsed) {
      element.toggleAttribute('data-collapsed', collapsed);
    },
    destroy() {
      window.removeEventListener('message', onMessage);
      port?.close();
      element.remove();
    },
  };
  tab.addEventListener('click', () => onRequest({ type: 'regulars:collapse' }));
  return host;
}
