// The panel lives in an extension frame inside a closed shadow root: host page scripts can
// neither read our data (cross-origin frame) nor restyle it, and our styles never leak out.
import type { PanelAnchor } from '@/lib/marketplaces/types';
import type { PanelInbound, PanelOutbound } from '@/lib/panel-channel';

export const HOST_TAG = 'regulars-panel';
const PANEL_WIDTH = 340;

export interface PanelHost {
  element: HTMLElement;
  show(message: PanelInbound): void;
  /** Re-insert the host where the page wants it (SPAs re-render and drop foreign nodes). */
  place(anchor: PanelAnchor | undefined): void;
  destroy(): void;
}

export function createPanelHost(): PanelHost {
  const element = document.createElement(HOST_TAG);
  element.setAttribute('data-state', 'loading');
  const shadow = element.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `
    :host { all: initial; display: block; box-sizing: border-box; }
    :host([data-mode="column"]) { flex: 0 0 ${PANEL_WIDTH}px; width: ${PANEL_WIDTH}px; height: 100%; min-height: 0; align-self: stretch; }
    :host([data-mode="float"]) { position: fixed; top: 72px; right: 12px; width: ${PANEL_WIDTH}px; height: min(640px, calc(100vh - 96px)); z-index: 2147483000; box-shadow: 0 8px 28px rgba(0,0,0,.18); border-radius: 10px; overflow: hidden; }
    iframe { border: 0; width: 100%; height: 100%; display: block; color-scheme: normal; }
  `;
  const frame = document.createElement('iframe');
  const origin = new URL(browser.runtime.getURL('/')).origin;
  frame.src = browser.runtime.getURL('/panel.html');
  frame.title = 'Regulars';
  frame.setAttribute('allow', 'clipboard-write');
  shadow.append(style, frame);

  let ready = false;
  let pending: PanelInbound | undefined;
  const post = (message: PanelInbound) => frame.contentWindow?.postMessage(message, origin);

  const onMessage = (event: MessageEvent) => {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    const data = event.data as PanelOutbound;
    if (data?.type === 'regulars:ready') {
      ready = true;
      if (pending) post(pending);
    } else if (data?.type === 'regulars:state') {
      // Only the state crosses into the page's DOM, never data.
      element.setAttribute('data-state', data.state);
    }
  };
  window.addEventListener('message', onMessage);

  return {
    element,
    show(message) {
      pending = message;
      element.setAttribute('data-state', 'loading');
      if (ready) post(message);
    },
    place(anchor) {
      if (anchor) {
        element.setAttribute('data-mode', 'column');
        if (element.parentElement !== anchor.parent || anchor.parent.lastElementChild !== element) anchor.parent.append(element);
      } else {
        element.setAttribute('data-mode', 'float');
        if (!element.isConnected) document.body.append(element);
      }
    },
    destroy() {
      window.removeEventListener('message', onMessage);
      element.remove();
    },
  };
}
