import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../handlers';
import { journeyEvaluator } from './handlers';
import { writeSettings } from '../../store/settings';
import { DAY, memoryDb, NOW, order } from '../test-helpers';
import { importOrders } from '../import/import-orders';
import { sweepReminders } from './sweep';

const HOUR = 3_600_000;
const sender = { id: 'x' };

describe('rules after imports', () => {
  it('wait for the report snapshot under way after an import: the reports page is ready first, and Today says it is updating meanwhile', async () => {
    const db = memoryDb();
    let release = () => undefined as void;
    const reportWritten = new Promise<void>((resolve) => (release = resolve));
    const evaluated: string[] = [];
    const evaluator = journeyEvaluator(db, () => NOW, { reportFirst: () => reportWritten, onRemindersChanged: () => evaluated.push('reminders') }, 0);
    evaluator.orders(['demo:o1'], 'session-report');
    evaluator.ended('session-report');
    await new Promise((r) => setTimeout(r, 50));
    expect(evaluated).toEqual([]);
    expect(evaluator.busy()).toBe(true);
    release();
    await evaluator.flush();
    expect(evaluated).toEqual(['reminders']);
    expect(evaluator.busy()).toBe(false);
  });

  it('an import in batches is evaluated once its session ends, not batch by batch', async () => {
    const db = memoryDb();
    await writeSettings(db, { timeZone: 'Asia/Singapore' });
    let changed = 0;
    const h = createHandlers({ db, now: () => NOW, journeys: { onRemindersChanged: () => changed++ } });
    const session = 'session-0001';
    await h['orders.import']({ rows: [order({ orderNo: 'u1', status: 'unpaid', placedAt: NOW - HOUR })], session }, sender);
    await new Promise((r) => setTimeout(r, 400));
    expect(await db.reminders.count()).toBe(0);
    await h['orders.importEnd']({ session }, sender);
    await new Promise((r) => setTimeout(r, 800));
    expect((await db.reminders.toArray()).map((r) => r.kind)).toEqual(['unpaid']);
    expect(changed).toBeGreaterThan(0);
  });

  it('an import of more orders than are evaluated one by one is swept whole at its end: its unpaid order gets its reminder', async () => {
    const db = memoryDb();
    await writeSettings(db, { timeZone: 'Asia/Singapore' });
    const h = createHandlers({ db, now: () => NOW });
    const session = 'session-0004';
    const paid = (b: number) => Array.from({ length: 700 }, (_, i) => order({ orderNo: `p${b}-${i}`, buyer: { handle: `b${i % 50}` }, placedAt: NOW - 30 * 24 * HOUR }));
    for (let b = 0; b < 3; b++) await h['orders.import']({ rows: paid(b), session }, sender);
    await h['orders.import']({ rows: [order({ orderNo: 'u1', buyer: { handle: 'late' }, status: 'unpaid', placedAt: NOW - HOUR })], session }, sender);
    await h['orders.importEnd']({ session }, sender);
    await vi.waitFor(async () => expect((await h['reminders.today']({ locale: 'en' }, sender)).updating).toBe(false), { timeout: 10_000, interval: 50 });
    expect((await db.reminders.toArray()).filter((r) => r.kind === 'unpaid')).toHaveLength(1);
  });
});

describe('journey rules saved', () => {
  it('change no reminder, so no check of what fell due runs beside the sweep that follows', async () => {
    const db = memoryDb();
    let changed = 0;
    const h = createHandlers({ db, now: () => NOW, journeys: { onRemindersChanged: () => changed++ } });
    const holiday = { id: 'shop-day', name: 'Shop day', date: '12-08', tiers: [], segments: [] };
    await h['journeys.settings.update']({ rules: { holiday: { enabled: true, holidays: [holiday] } } }, sender);
    expect(changed).toBe(0);
    expect((await h['journeys.settings.get']({}, sender)).rules.holiday.holidays).toContainEqual(holiday);
    await h['reminders.sweep']({}, sender);
    expect(changed).toBe(1);
  });
});

describe('Today while reminders are being made', () => {
  it('says it is updating from the first batch of an import until its reminders exist, never an empty list meanwhile', async () => {
    const db = memoryDb();
    await writeSettings(db, { timeZone: 'Asia/Singapore' });
    const h = createHandlers({ db, now: () => NOW });
    const today = () => h['reminders.today']({ locale: 'en' }, sender);
    expect((await today()).updating).toBe(false);
    const session = 'session-0002';
    await h['orders.import']({ rows: [order({ orderNo: 'u1', status: 'unpaid', placedAt: NOW - HOUR })], session }, sender);
    expect(await today()).toMatchObject({ rows: [], updating: true });
    await h['orders.importEnd']({ session }, sender);
    // Between the session's end and the evaluation, as when the popup opens right after "Imported".
    expect(await today()).toMatchObject({ rows: [], updating: true });
    await vi.waitFor(async () => expect((await today()).updating).toBe(false), { timeout: 5000, interval: 20 });
    expect((await today()).rows.map((r) => r.kind)).toEqual(['unpaid']);
  });

  it('an evaluation that ends while Today is being answered still says it is updating, never a list read before it as complete', async () => {
    const db = memoryDb();
    await writeSettings(db, { timeZone: 'Asia/Singapore' });
    let evaluated = false;
    // The team's assignees are read beside the list: here they come only once the evaluation has ended.
    const team = async () => {
      await vi.waitFor(() => expect(evaluated).toBe(true), { timeout: 5000, interval: 10 });
      return [];
    };
    const h = createHandlers({ db, now: () => NOW, journeys: { team, onRemindersChanged: () => (evaluated = true) } });
    const session = 'session-0004';
    await h['orders.import']({ rows: [order({ orderNo: 'u2', status: 'unpaid', placedAt: NOW - HOUR })], session }, sender);
    await h['orders.importEnd']({ session }, sender);
    // The list is read before the unpaid reminder exists; the answer comes after it does.
    const answer = await h['reminders.today']({ locale: 'en' }, sender);
    expect(answer).toMatchObject({ rows: [], updating: true });
    expect((await h['reminders.today']({ locale: 'en' }, sender)).rows.map((r) => r.kind)).toEqual(['unpaid']);
  });

  it('an import that makes no reminder stops updating with the list empty', async () => {
    const db = memoryDb();
    const h = createHandlers({ db, now: () => NOW });
    const session = 'session-0003';
    await h['orders.import']({ rows: [order({ orderNo: 'p1', status: 'delivered', placedAt: NOW - 2 * HOUR })], session }, sender);
    await h['orders.importEnd']({ session }, sender);
    await vi.waitFor(async () => expect((await h['reminders.today']({ locale: 'en' }, sender)).updating).toBe(false), { timeout: 5000, interval: 20 });
    expect((await h['reminders.today']({ locale: 'en' }, sender)).rows).toEqual([]);
  });
});

describe("Today's answer", () => {
  it("carries what the popup's first frame takes from the settings, as they change: the language chosen and whether the first-run questions are answered", async () => {
    const db = memoryDb();
    const h = createHandlers({ db, now: () => NOW });
    expect((await h['reminders.today']({ locale: 'en' }, sender)).settings).toEqual({ locale: 'auto', setupAt: null });
    await h['settings.update']({ locale: 'zh-CN', setupAt: NOW }, sender);
    expect((await h['reminders.today']({ locale: 'zh-CN' }, sender)).settings).toEqual({ locale: 'zh-CN', setupAt: NOW });
  });
});

describe("Today's first screen", () => {
  it("holds the first rows going down the groups and every group's total, from the very list the popup is sent whole a moment later", async () => {
    const db = memoryDb();
    await writeSettings(db, { timeZone: 'UTC' });
    const h = createHandlers({ db, now: () => NOW });
    // Unpaid orders of 14 buyers (one group), a manual reminder due earlier (another).
    await importOrders(db, Array.from({ length: 14 }, (_, i) => order({ orderNo: `u${i}`, buyer: { handle: `b${i}` }, status: 'unpaid', placedAt: NOW - (i + 2) * HOUR })), NOW);
    await sweepReminders(db, NOW);
    const memberId = (await db.identities.get('demo:handle:b0'))!.memberId;
    await h['reminder.add']({ memberId, dueAt: NOW - 5 * DAY, reason: 'Call back about sizes' }, sender);
    const whole = await h['reminders.today']({ locale: 'en', perGroup: 10 }, sender);
    const first = await h['reminders.today']({ locale: 'en', perGroup: 10, firstRows: 9 }, sender);
    expect(whole.partial).toBeUndefined();
    expect(first.partial).toBe(true);
    expect(whole.groups.map((g) => [g.kind, g.total])).toEqual([['manual', 1], ['unpaid', 14]]);
    expect(first.groups).toEqual(whole.groups);
    // The manual reminder, then the first eight unpaid ones of the ten the whole list sends.
    expect(whole.rows).toHaveLength(11);
    expect(first.rows.map((r) => r.reason)).toEqual(['Call back about sizes', ...whole.rows.filter((r) => r.kind === 'unpaid').slice(0, 8).map((r) => r.reason)]);
    expect(first.rows).toEqual(whole.rows.filter((r) => first.rows.some((f) => f.id === r.id)));
    expect({ ...first, rows: [], partial: undefined }).toEqual({ ...whole, rows: [] });
  });
});
