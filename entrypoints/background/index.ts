import { RegularsDb } from '@/lib/db/database';
import { createHandlers, rfmRefresher } from '@/lib/db/handlers';
import { keepContentScriptsInSync } from '@/lib/hosts/registration';
import { chromeTabApis, showOnTab } from '@/lib/hosts/show-here';
import { fail, createRouter } from '@/lib/messaging/router';
import { startReminders } from './reminders';

export default defineBackground(() => {
  // Listeners first and synchronously: a permission event may be what woke this worker.
  keepContentScriptsInSync();
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'show-panel') void showOnTab(tab?.id, tab?.url, chromeTabApis);
  });
  const db = new RegularsDb();
  const now = () => Date.now();
  const rfm = rfmRefresher(db, now);
  // TODO(2026-11-23): saved segments (another helper's) resolve holiday audiences here:
  // (segmentId) => Promise<Set<memberId>>.
  const resolveSegment = undefined;
  const reminders = startReminders(db, now, resolveSegment);
  const journeys = { onRemindersChanged: () => void reminders.reconcile(), resolveSegment };
  const route = createRouter(createHandlers({ db, now, onOrdersChanged: () => rfm.schedule(), journeys }), {
    id: browser.runtime.id,
    origin: browser.runtime.getURL('/'),
  });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  // No web page is allowed to talk to us; answer with the typed refusal rather than silence.
  browser.runtime.onMessageExternal?.addListener(() => Promise.resolve(fail('forbidden', 'Messages are accepted only from Regulars itself')));
});
