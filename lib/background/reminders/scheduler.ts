// One alarm, notifications and the toolbar badge for reminders. The browser APIs come in through a
// small interface so unit tests fake them; the background wires in chrome.*.
import type { RegularsDb } from '../../store/database';
import { activeDueBefore, dueTodayCount, nextDueAt } from './due';
import { completeReminder, snoozeReminder } from './reminder-actions';
import { sweepReminders } from './sweep';
import { type SegmentResolver } from './reminders';
import { audienceMembers, isAudience } from './audience';
import type { ReminderRow } from '../../domain/rows';
import { readSettings } from '../../store/settings';
import { resolveLocale, translator } from '../../i18n';
import { reminderLabel } from '../../reminders/label';
import { timedJob } from '../lane';
import { keysOf, onCommitted, rowsOf } from '../../store/changes';

export const ALARM_NAME = 'regulars-reminders';
const NOTIFIED_KEY = 'remindersNotifiedThrough';
const SWEPT_KEY = 'remindersSweptAt';
export const SWEEP_EVERY_MS = 3_600_000;
/**
 * The next reconcile sweeps (a sweep asked for while sweepHeld: it runs once the hold ends, kept in
 * the store, so a worker restarted meanwhile runs it too).
 */
export const sweepSoon = (db: RegularsDb) => db.settings.delete(SWEPT_KEY);
/** A sweep held (sweepHeld) is tried again this long after. */
export const HELD_SWEEP_RETRY_MS = 60_000;
const SNOOZE_MS = 3_600_000;
/** One notification per reminder up to this many falling due together; more are one grouped notification. */
const SINGLE_LIMIT = 1;

export interface NotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  buttons?: { title: string }[];
  requireInteraction?: boolean;
}

export interface ReminderBrowser {
  setAlarm(name: string, when: number): void | Promise<void>;
  notify(id: string, options: NotificationOptions): void | Promise<unknown>;
  clearNotification(id: string): void | Promise<unknown>;
  setBadge(text: string): void | Promise<void>;
  /** Opens the member (the lead wires the member view; until then the popup's Today for that member). */
  openMember(memberId: string): void | Promise<unknown>;
  openToday(): void | Promise<unknown>;
  iconUrl: string;
  uiLanguage: string;
}

async function readKey(db: RegularsDb, key: string): Promise<number | undefined> {
  const v = (await db.settings.get(key))?.value;
  return typeof v === 'number' ? v : undefined;
}

export interface SchedulerDeps {
  db: RegularsDb;
  now: () => number;
  browser: ReminderBrowser;
  resolveSegment?: SegmentResolver | undefined;
  sweepEveryMs?: number;
  me?: () => Promise<string | undefined>;
  /**
   * True while the store holds part of the team's shop (a join under way, sync/engine.ts): the
   * rules would read half its orders, and the reminders they make are shared rows the join would
   * send back to the team. The sweep due meanwhile waits, and is tried again a minute later.
   */
  sweepHeld?: () => boolean | Promise<boolean>;
}

/**
 * `me`: who the agent at this computer is (the team user while connected to a team, else the author
 * name): a reminder assigned to someone else notifies them, on their computer, not here.
 */
export function createScheduler(deps: SchedulerDeps) {
  const { db, now, browser } = deps;
  const sweepEvery = deps.sweepEveryMs ?? SWEEP_EVERY_MS;
  let chain: Promise<unknown> = Promise.resolve();

  // The reminders written since the last reconcile read them, from the change stream: a reconcile
  // reads those and the ones that fell due since, not every due reminder (thousands at 100k members,
  // read on every reconcile, after each sweep and each saved setting, beside the next sweep).
  // Unknown (undefined) in a new worker, after a range delete and after a write in another context
  // (its news may come after a read it came before): then every due one is read.
  // A row written here comes with its change: one not active cannot fire, and one due after now is
  // due after the time the next reconcile notified through, so that one reads it with the due ones;
  // neither is read back (a sweep that made thousands for the coming days read them all back).
  let written: Set<string> | undefined;
  const stop = onCommitted((change) => {
    if (change.db !== db.name || !written) return;
    const keys = keysOf(change, 'reminders');
    if (!keys || (keys.size && change.from === 'elsewhere')) {
      written = undefined;
      return;
    }
    const last = new Map((rowsOf<ReminderRow>(change, 'reminders') ?? []).map((r) => [r.id, r]));
    const at = now();
    for (const key of keys) {
      const row = last.get(key);
      if (!row || ((row.state === 'open' || row.state === 'snoozed') && row.dueAt <= at)) written.add(key);
    }
  });

  /** The active reminders due by `until` that may fire: due after `through`, or written since the last read. */
  async function mayFire(until: number, through: number): Promise<ReminderRow[]> {
    const since = written;
    written = new Set();
    if (!since) return activeDueBefore(db, until);
    const [due, touched] = await Promise.all([activeDueBefore(db, until, through), db.reminders.bulkGet([...since])]);
    const ids = new Set(due.map((r) => r.id));
    const more = touched.filter((r): r is ReminderRow => !!r && !ids.has(r.id) && (r.state === 'open' || r.state === 'snoozed') && r.dueAt <= until);
    return more.length ? [...due, ...more].sort((a, b) => a.dueAt - b.dueAt) : due;
  }

  const translate = async () => {
    const s = await readSettings(db);
    return translator(resolveLocale(s.locale, browser.uiLanguage));
  };

  /** Fires what fell due since the last time (once, grouped), recounts the badge, sets the one alarm. */
  async function reconcileNow(): Promise<{ fired: string[] }> {
    const at = now();
    const settings = await readSettings(db);
    const sweptAt = await readKey(db, SWEPT_KEY);
    const sweepDue = sweptAt === undefined || at - sweptAt >= sweepEvery;
    const held = sweepDue && !!(await deps.sweepHeld?.());
    if (sweepDue && !held) {
      await sweepReminders(db, at, deps.resolveSegment);
      await db.settings.put({ key: SWEPT_KEY, value: at });
    }
    const through = await readKey(db, NOTIFIED_KEY);
    let fired: ReminderRow[] = [];
    if (through !== undefined) {
      // Due since the last notification, or made (by a sweep or an import) already due since then.
      // An assigned reminder that changed since (assigned to this agent on another computer) fires here too.
      fired = (await mayFire(at + 1, through)).filter((r) => r.dueAt > through || r.createdAt > through || ((r.state === 'snoozed' || r.assignee !== undefined) && r.updatedAt > through));
    }
    await db.settings.put({ key: NOTIFIED_KEY, value: at });
    const me = ((await deps.me?.()) ?? settings.authorName).trim().toLowerCase();
    fired = fired.filter((r) => !r.assignee || !me || r.assignee.trim().toLowerCase() === me);
    if (fired.length) await notify(fired, at);
    const count = await dueTodayCount(db, at, settings.timeZone);
    await browser.setBadge(count ? String(count) : '');
    const next = await nextDueAt(db, at);
    const sweepAt = held ? at + HELD_SWEEP_RETRY_MS : (sweptAt !== undefined && at - sweptAt < sweepEvery ? sweptAt : at) + sweepEvery;
    await browser.setAlarm(ALARM_NAME, Math.max(at + 1000, Math.min(next ?? Infinity, sweepAt)));
    return { fired: fired.map((r) => r.id) };
  }

  async function notify(rows: ReminderRow[], at: number) {
    const t = await translate();
    if (rows.length <= SINGLE_LIMIT) {
      const r = rows[0]!;
      // A holiday greeting for a whole audience is one notification, naming how many to greet.
      const audience = isAudience(r) ? (await audienceMembers(db, r, at, deps.resolveSegment)).length : undefined;
      const member = await db.members.get(r.memberId);
      await browser.notify(`reminder:${r.id}`, {
        type: 'basic',
        iconUrl: browser.iconUrl,
        title: member?.displayName ?? t('today.title'),
        message: reminderLabel(t, r, at) + (audience === undefined ? '' : ` · ${t('notify.audience', { count: audience })}`),
        buttons: [{ title: t('today.done') }, { title: t('today.snooze1h') }],
        requireInteraction: true,
      });
      return;
    }
    const members = await db.members.bulkGet([...new Set(rows.map((r) => r.memberId))].slice(0, 4));
    await browser.notify(`reminders:${at}`, {
      type: 'basic',
      iconUrl: browser.iconUrl,
      title: t('notify.grouped', { count: rows.length }),
      message: members.map((m) => m?.displayName).filter(Boolean).join(', ') + (rows.length > 4 ? ' …' : ''),
      requireInteraction: true,
    });
  }

  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = chain.then(task, task);
    chain = next.catch((e) => console.error('Regulars: reminders', e));
    return next;
  };

  /** A reconcile that failed may have read what it had to fire and not fired it: the next reads every due reminder. */
  const reconcileOrForget = () =>
    reconcileNow().catch((e: unknown) => {
      written = undefined;
      throw e;
    });

  return {
    reconcile: () => serial(() => timedJob('reminders.reconcile', reconcileOrForget)),
    async onAlarm(name: string) {
      if (name === ALARM_NAME) await serial(reconcileOrForget);
    },
    async onButton(notificationId: string, index: number) {
      if (!notificationId.startsWith('reminder:')) return;
      const id = notificationId.slice('reminder:'.length);
      if (index === 0) await completeReminder(db, id, 'resolved', 'chat', now());
      else await snoozeReminder(db, id, now() + SNOOZE_MS, now());
      await browser.clearNotification(notificationId);
      await serial(reconcileOrForget);
    },
    async onClicked(notificationId: string) {
      await browser.clearNotification(notificationId);
      if (notificationId.startsWith('reminder:')) {
        const row = await db.reminders.get(notificationId.slice('reminder:'.length));
        if (row && !isAudience(row)) return browser.openMember(row.memberId);
      }
      return browser.openToday();
    },
    /** Stops following the change stream (tests). */
    stop,
  };
}
