// The protocol client for bulk requests (an import's batches and its end or cancel): posted straight
// to the background's service worker where this page has one (worker-post.ts), by runtime messaging
// elsewhere. A module of its own so pages that send no bulk requests (the popup) do not load it.
import { createClient } from './client';
import { POST_WATCH_PORT, postingRuntime } from './worker-post';

/** The service worker that runs the background (Chromium's MV3 build); asked again until there is one. */
let registration: ServiceWorkerRegistration | undefined;
export const backgroundWorker = async () => {
  const container = globalThis.navigator?.serviceWorker;
  if (!container) return undefined;
  registration ??= await container.getRegistration().catch(() => undefined);
  return registration?.active ?? undefined;
};

/** The same protocol as `send` (browser-client.ts), by structured clone where it can. */
export const sendBulk = createClient(
  postingRuntime({
    worker: backgroundWorker,
    onAnswer: (listener) => {
      navigator.serviceWorker.addEventListener('message', (e) => listener(e.data));
      navigator.serviceWorker.startMessages();
    },
    watch: (gone) => browser.runtime.connect({ name: POST_WATCH_PORT }).onDisconnect.addListener(() => gone()),
    runtime: { sendMessage: (message) => browser.runtime.sendMessage(message) },
  }),
);
