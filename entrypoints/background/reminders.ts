// Wires the reminder scheduler to chrome.alarms, chrome.notifications and the toolbar badge.
import type { RegularsDb } from '@/lib/store/database';
import { createScheduler, type ReminderBrowser, type SchedulerDeps } from '@/lib/background/reminders/scheduler';
import type { BackgroundClock } from './test-clock';
import { browserOwnPageTabs, openOwnPage } from '@/lib/hosts/own-page';

function chromeReminderBrowser(clock: BackgroundClock): ReminderBrowser {
  // Today as a tab: the one a greeting's notification opened before, if it is still open.
  const page = (query: string) => openOwnPage(browser.runtime.getURL(`/popup.html?${query}`), browserOwnPageTabs);
  return {
    setAlarm: (name, when) => browser.alarms.create(name, { when: clock.toWall(when) }),
    notify: (id, options) => browser.notifications.create(id, options),
    clearNotification: (id) => browser.notifications.clear(id),
    setBadge: async (text) => {
      await browser.action.setBadgeBackgroundColor({ color: '#0e7c66' });
      await browser.action.setBadgeText({ text });
    },
    // The member view (members.html): everything the panel shows, every order, note and contact, in
    // a members page already open if there is one (its #part changed: a draft note is kept by member),
    // where each click opened one more tab. The chat page is not opened: no chat address is stored.
    openMember: (memberId) => openOwnPage(browser.runtime.getURL(`/members.html#/member/${encodeURIComponent(memberId)}`), browserOwnPageTabs),
    openToday: () => page('tab=today'),
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    uiLanguage: navigator.language,
  };
}

/** Listeners are added synchronously (an alarm or a click may be what woke the worker). */
export function startReminders(db: RegularsDb, clock: BackgroundClock, hooks: Pick<SchedulerDeps, 'resolveSegment' | 'me' | 'sweepHeld'>) {
  const scheduler = createScheduler({ db, now: clock.now, browser: chromeReminderBrowser(clock), ...hooks });
  browser.alarms.onAlarm.addListener((alarm) => void scheduler.onAlarm(alarm.name));
  browser.notifications.onButtonClicked.addListener((id, index) => void scheduler.onButton(id, index));
  browser.notifications.onClicked.addListener((id) => void scheduler.onClicked(id));
  browser.runtime.onStartup.addListener(() => void scheduler.reconcile());
  void scheduler.reconcile();
  return scheduler;
}
