// Reminder benchmarks (npm run bench): the background's full rule sweep over the seeded store, and
// a Today list of N open reminders for the popup to open with.
import { RegularsDb } from '@/lib/store/database';
import type { ReminderRow } from '@/lib/domain/rows';
import { JOURNEY_KINDS } from '@/lib/domain';
import { RFM_SEGMENTS } from '@/lib/domain/types';
import { send } from '@/lib/messaging/browser-client';
import { rawGetAll } from '@/tests/bench/segments';

const DAY = 86_400_000;

export const reminderBench = {
  /** One in ten members gets a birthday (the profile field the sweep reads through its index). */
  async addBirthdays() {
    const db = new RegularsDb();
    let n = 0;
    await db.members.toCollection().modify((m) => {
      if (n++ % 10 === 0) m.profile = { ...m.profile, birthday: `${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}` };
    });
    db.close();
    return Math.ceil(n / 10);
  },

  /**
   * A holiday of the shop's own, three days from now, for every tier and RFM segment: the next sweep
   * has a new holiday in view and must weigh every member for it (new on every run: a kept profile,
   * BENCH_PROFILE, already has the last run's). Returns its date (MM-DD).
   */
  async addHoliday(now: number) {
    const { rules } = await send('journeys.settings.get', {});
    const date = new Date(now + 3 * DAY).toISOString().slice(5, 10);
    const tiers = (await send('settings.get', {})).tierLadder.steps.map((s) => s.id);
    const holiday = { id: `bench-${date}-${now.toString(36)}`, name: 'Bench day', date, tiers, segments: [...RFM_SEGMENTS] };
    await send('journeys.settings.update', { rules: { holiday: { enabled: true, holidays: [...rules.holiday.holidays.filter((h) => !h.id.startsWith('bench-')), holiday] } } });
    return date;
  },

  /** The sweep through the protocol (it runs in the background): the first, then `repeats` more. */
  async sweeps(repeats: number) {
    const firstStartedAt = Date.now();
    const t0 = performance.now();
    const first = await send('reminders.sweep', {});
    const firstMs = performance.now() - t0;
    const firstEndedAt = Date.now();
    const times: number[] = [];
    const phases: Record<string, number[]> = {};
    for (let i = 0; i < repeats; i++) {
      const t = performance.now();
      const repeat = await send('reminders.sweep', {});
      times.push(performance.now() - t);
      for (const [name, ms] of Object.entries(repeat.phases ?? {})) (phases[name] ??= []).push(ms);
    }
    times.sort((a, b) => a - b);
    // Each phase's median over the repeats: where a repeat sweep's time goes.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const repeatPhases = Object.fromEntries(Object.entries(phases).map(([name, xs]) => [name, median(xs)]));
    // Baselines: reading every member once, and every order once, straight from IndexedDB.
    const rawMembersMs = (await rawGetAll('members')).ms;
    const rawOrdersMs = (await rawGetAll('orders')).ms;
    const db = new RegularsDb();
    const reminders = await db.reminders.count();
    db.close();
    const medianMs = times[Math.floor(times.length / 2)]!;
    return { first, firstMs, firstStartedAt, firstEndedAt, repeatPhases, medianMs, maxMs: times[times.length - 1]!, rawMembersMs, rawOrdersMs, reminders };
  },

  /** Replaces every reminder with `count` open ones over the last three days and the next week. */
  async openReminders(count: number, now: number) {
    const db = new RegularsDb();
    const memberIds = (await db.members.limit(count).primaryKeys()) as string[];
    const orderIds = (await db.orders.limit(count).primaryKeys()) as string[];
    const rows: ReminderRow[] = [];
    for (let i = 0; i < count; i++) {
      const kind = JOURNEY_KINDS[i % JOURNEY_KINDS.length]!;
      rows.push({ id: `bench:${i}`, memberId: memberIds[i % memberIds.length]!, dueAt: now - 3 * DAY + Math.floor(((i * 7919) % 1000) / 1000 * 10 * DAY), reason: kind, kind, orderId: kind === 'unpaid' || kind === 'followUp' ? orderIds[i % orderIds.length] : undefined, refAt: now - 15 * DAY, state: 'open', priority: i, createdAt: now, updatedAt: now });
    }
    await db.reminders.clear();
    await db.reminders.bulkAdd(rows);
    db.close();
    return rows.length;
  },

  /** The Today list's message alone (what the popup waits for before it can paint). */
  async todayFetch(samples: number) {
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      await send('reminders.today', { locale: 'en' });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { medianMs: times[Math.floor(times.length / 2)]!, p95Ms: times[Math.floor(times.length * 0.95)]! };
  },

  /** The same list computed on this page, no messaging: the protocol's share is the difference. */
  async todayDirect(samples: number) {
    const { todayList } = await import('@/lib/background/reminders/today');
    const db = new RegularsDb();
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      await todayList(db, Date.now(), { locale: 'en' });
      times.push(performance.now() - t);
    }
    db.close();
    times.sort((a, b) => a - b);
    return { medianMs: times[Math.floor(times.length / 2)]!, p95Ms: times[Math.floor(times.length * 0.95)]! };
  },

  async clearReminders() {
    const db = new RegularsDb();
    await db.reminders.clear();
    db.close();
  },
};
