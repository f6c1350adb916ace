import { beforeEach, describe, expect, it } from 'vitest';
import type { RegularsDb } from '../../store/database';
import { addManualReminder } from './reminder-actions';
import { writeSettings } from '../../store/settings';
import { importOrders } from '../import/import-orders';
import { memoryDb, NOW, order } from '../test-helpers';
import { onCommitted } from '../../store/changes';
import { STORE_CHANGES_CHANNEL } from '../../domain/change-channel';
import { ALARM_NAME, createScheduler, type NotificationOptions, type ReminderBrowser } from './scheduler';

const HOUR = 3_600_000;

function fakeBrowser() {
  const notes = new Map<string, NotificationOptions>();
  const log = { notified: [] as string[], alarms: [] as [string, number][], badge: '', opened: [] as string[] };
  const browser: ReminderBrowser = {
    setAlarm: (name, when) => void log.alarms.push([name, when]),
    notify: (id, options) => {
      notes.set(id, options);
      log.notified.push(id);
    },
    clearNotification: (id) => void notes.delete(id),
    setBadge: (text) => void (log.badge = text),
    openMember: (id) => void log.opened.push(`member:${id}`),
    openToday: () => void log.opened.push('today'),
    iconUrl: 'icon/128.png',
    uiLanguage: 'en-US',
  };
  return { browser, notes, log };
}

let db: RegularsDb;
let clock: number;
let memberId: string;
beforeEach(async () => {
  db = memoryDb();
  clock = NOW;
  await writeSettings(db, { timeZone: 'Asia/Singapore' });
  await importOrders(db, [order({ buyer: { handle: 'lily_chen', name: 'Lily Chen' } })], NOW);
  memberId = (await db.members.toArray())[0]!.id;
});

describe('the reminder schedule', () => {
  it('one reminder falling due fires one notification with Done and Snooze, once', async () => {
    const { browser, notes, log } = fakeBrowser();
    const s = createScheduler({ db, now: () => clock, browser });
    await s.reconcile(); // first start: nothing is old news
    const r = await addManualReminder(db, { memberId, dueAt: NOW + HOUR, reason: 'Ask about the fit' }, NOW);
    await s.reconcile();
    expect(log.alarms.at(-1)).toEqual([ALARM_NAME, NOW + HOUR]);
    expect(log.badge).toBe('1');
    clock = NOW + HOUR;
    await s.onAlarm(ALARM_NAME);
    await s.onAlarm(ALARM_NAME);
    expect(log.notified).toEqual([`reminder:${r.id}`]);
    const n = notes.get(`reminder:${r.id}`)!;
    expect([n.title, n.message, n.iconUrl, n.buttons?.map((b) => b.title)]).toEqual(['Lily Chen', 'Ask about the fit', 'icon/128.png', ['Done', 'Snooze 1 h']]);
  });

  it('Done on the notification logs a contact and clears the badge; Snooze brings it back an hour later', async () => {
    const { browser, log } = fakeBrowser();
    const s = createScheduler({ db, now: () => clock, browser });
    await s.reconcile();
    const a = await addManualReminder(db, { memberId, dueAt: NOW + 10, reason: 'A' }, NOW);
    clock = NOW + 10;
    await s.reconcile();
    await s.onButton(`reminder:${a.id}`, 0);
    expect(await db.contacts.count()).toBe(1);
    expect(log.badge).toBe('');
    const b = await addManualReminder(db, { memberId, dueAt: clock + 10, reason: 'B' }, clock);
    clock += 10;
    await s.reconcile();
    await s.onButton(`reminder:${b.id}`, 1);
    expect((await db.reminders.get(b.id))!.state).toBe('snoozed');
    clock += HOUR;
    await s.onAlarm(ALARM_NAME);
    expect(log.notified.filter((id) => id === `reminder:${b.id}`)).toHaveLength(2);
  });

  it('after the browser was closed, what fell due meanwhile fires once, grouped, not one notification each', async () => {
    const first = fakeBrowser();
    await createScheduler({ db, now: () => clock, browser: first.browser }).reconcile();
    for (let i = 1; i <= 5; i++) await addManualReminder(db, { memberId, dueAt: NOW + i * HOUR, reason: `R${i}` }, NOW);
    // Closed for a day; a new worker starts.
    clock = NOW + 24 * HOUR;
    const next = fakeBrowser();
    const s = createScheduler({ db, now: () => clock, browser: next.browser });
    await s.reconcile();
    await s.reconcile();
    expect(next.log.notified).toHaveLength(1);
    expect(next.notes.get(next.log.notified[0]!)!.title).toBe('5 reminders due');
    await s.onClicked(next.log.notified[0]!);
    expect(next.log.opened).toEqual(['today']);
  });

  it('clicking a single reminder opens its member', async () => {
    const { browser, log } = fakeBrowser();
    const s = createScheduler({ db, now: () => clock, browser });
    await s.reconcile();
    const r = await addManualReminder(db, { memberId, dueAt: NOW + 5, reason: 'A' }, NOW);
    clock += 5;
    await s.reconcile();
    await s.onClicked(`reminder:${r.id}`);
    expect(log.opened).toEqual([`member:${memberId}`]);
  });

  it('a reminder made already due since the last notification fires once; the reminders due before it are not read again', async () => {
    const { browser, log } = fakeBrowser();
    const s = createScheduler({ db, now: () => clock, browser });
    await s.reconcile();
    // Many reminders fell due and were notified (one grouped notification).
    for (let i = 0; i < 50; i++) await addManualReminder(db, { memberId, dueAt: NOW + i, reason: `Old ${i}` }, NOW);
    clock = NOW + HOUR;
    await s.reconcile();
    expect(log.notified).toHaveLength(1);
    let read = 0;
    db.reminders.hook('reading', (row) => (read++, row));
    // A reminder made since, already due (as a sweep makes one).
    clock += 1;
    const made = await addManualReminder(db, { memberId, dueAt: NOW + 5, reason: 'Made late' }, clock);
    clock += 10;
    await s.reconcile();
    await s.reconcile();
    expect(log.notified.slice(1)).toEqual([`reminder:${made.id}`]);
    // Its own row (the notification, the click) and the count: not the 50 due before.
    expect(read).toBeLessThan(10);
    s.stop();
  });

  it('reminders made for the coming days are not read back by the next check, and each fires once when it falls due', async () => {
    const { browser, log } = fakeBrowser();
    const s = createScheduler({ db, now: () => clock, browser });
    await s.reconcile();
    await s.reconcile();
    // As a sweep makes them: due over the next days.
    const made = [];
    for (let i = 1; i <= 50; i++) made.push(await addManualReminder(db, { memberId, dueAt: NOW + i * HOUR, reason: `Later ${i}` }, NOW));
    let read = 0;
    db.reminders.hook('reading', (row) => (read++, row));
    await s.reconcile();
    expect(log.notified).toEqual([]);
    expect(read).toBeLessThan(10);
    clock = NOW + HOUR;
    await s.onAlarm(ALARM_NAME);
    clock = NOW + 2 * HOUR;
    await s.onAlarm(ALARM_NAME);
    await s.onAlarm(ALARM_NAME);
    expect(log.notified).toEqual([`reminder:${made[0]!.id}`, `reminder:${made[1]!.id}`]);
    s.stop();
  });

  it('a reminder written in another context since the last notification still fires (every due one is read then)', async () => {
    const { browser, log } = fakeBrowser();
    const s = createScheduler({ db, now: () => clock, browser });
    await s.reconcile();
    await s.reconcile();
    // Written by another context: this one hears of it over the channel, maybe after its next read.
    const made = { id: 'rem-team', memberId, dueAt: NOW - HOUR, reason: 'From the team', state: 'open', createdAt: NOW + 1, updatedAt: NOW + 1 };
    await new Promise((resolve, reject) => {
      const tx = db.backendDB().transaction('reminders', 'readwrite');
      tx.objectStore('reminders').put(made);
      tx.oncomplete = resolve;
      tx.onerror = reject;
    });
    const heard = new Promise<void>((resolve) => {
      const stop = onCommitted((c) => c.from === 'elsewhere' && (stop(), resolve()));
    });
    const other = new BroadcastChannel(STORE_CHANGES_CHANNEL);
    other.postMessage({ db: db.name, tables: [{ table: 'reminders', kind: 'put', keys: [made.id] }] });
    await heard;
    other.close();
    clock = NOW + 2;
    await s.reconcile();
    expect(log.notified).toEqual([`reminder:${made.id}`]);
    s.stop();
  });
});
