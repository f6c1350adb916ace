// The background's answers to the reminder messages, and the journey hooks on orders and members.
import type { Handlers } from '../../messaging/router';
import type { RegularsDb } from '../../store/database';
import { readJourneySettings, writeJourneySettings } from '../../store/journey-settings';
import { addManualReminder, assignReminder, completeReminder, dismissReminder, evaluateMembers, snoozeReminder, sweepReminders, type SegmentResolver } from './reminders';
import { readSettings } from '../../store/settings';
import { todayList } from './today';

type ReminderHandlerNames =
  | 'reminders.today'
  | 'reminder.done'
  | 'reminder.snooze'
  | 'reminder.assign'
  | 'reminder.dismiss'
  | 'reminders.sweep'
  | 'journeys.settings.get'
  | 'journeys.settings.update'
  | 'reminder.add'
  | 'orders.import'
  | 'orders.importEnd'
  | 'orders.importCancel'
  | 'member.update';

export interface JourneyHooks {
  /** Reminders changed: the scheduler recounts the badge and moves the alarm. */
  onRemindersChanged?: () => void;
  resolveSegment?: SegmentResolver | undefined;
}

/** As the import handler's own session timeout: an import whose page was closed ends by itself. */
const SESSION_IDLE_MS = 120_000;

/** Beyond this many orders (or a tenth as many members) in one go, one sweep is cheaper than evaluating member by member. */
const SWEEP_ABOVE = 2000;

/**
 * Evaluates rules for the members whose orders or profile changed, a moment after the last change:
 * an import arrives in batches and should be evaluated once.
 */
export function journeyEvaluator(db: RegularsDb, now: () => number, hooks: JourneyHooks, delayMs = 300) {
  const orderIds = new Set<string>();
  const memberIds = new Set<string>();
  /** Import sessions still sending batches: rules wait for the last one (or for the session to go idle). */
  const open = new Map<string, ReturnType<typeof setTimeout>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const run = async () => {
    const orders = [...orderIds];
    const members = [...memberIds];
    orderIds.clear();
    memberIds.clear();
    if (orders.length <= SWEEP_ABOVE) for (const o of await db.orders.bulkGet(orders)) if (o) members.push(o.memberId);
    if (orders.length > SWEEP_ABOVE || new Set(members).size > SWEEP_ABOVE / 10) await sweepReminders(db, now(), hooks.resolveSegment, true);
    else await evaluateMembers(db, members, now(), hooks.resolveSegment);
    hooks.onRemindersChanged?.();
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    if (open.size) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = running.then(run).catch((e) => console.error('Regulars: evaluating reminders failed', e));
    }, delayMs);
  };
  const api = {
    orders(ids: Iterable<string>, session?: string) {
      for (const id of ids) orderIds.add(id);
      if (session) {
        clearTimeout(open.get(session));
        open.set(session, setTimeout(() => api.ended(session), SESSION_IDLE_MS));
      }
      schedule();
    },
    /** The import session ended (or was cancelled): evaluate what it brought. */
    ended(session: string) {
      clearTimeout(open.get(session));
      open.delete(session);
      if (orderIds.size || memberIds.size) schedule();
    },
    member(id: string) {
      memberIds.add(id);
      schedule();
    },
    /** Resolves once queued evaluations have run. */
    async flush() {
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
        running = running.then(run);
      }
      await running;
    },
  };
  return api;
}

export function createReminderHandlers(db: RegularsDb, now: () => number, hooks: JourneyHooks, base: Handlers): Pick<Handlers, ReminderHandlerNames> {
  const evaluator = journeyEvaluator(db, now, hooks);
  const changed = <T,>(value: T): T => {
    hooks.onRemindersChanged?.();
    return value;
  };
  return {
    'reminders.today': (input) => todayList(db, now(), input),
    'reminder.done': async ({ id, outcome }) => changed(await completeReminder(db, id, outcome, 'chat', now())),
    'reminder.snooze': async ({ id, until }) => changed(await snoozeReminder(db, id, until, now())),
    'reminder.assign': async ({ id, assignee }) => changed(await assignReminder(db, id, assignee, now())),
    'reminder.dismiss': async ({ id }) => changed(await dismissReminder(db, id, now())),
    'reminders.sweep': async () => {
      await evaluator.flush();
      return changed(await sweepReminders(db, now(), hooks.resolveSegment));
    },
    'journeys.settings.get': () => readJourneySettings(db),
    'journeys.settings.update': async (patch) => changed(await writeJourneySettings(db, patch)),
    // A reminder set in the panel is the agent's own: assigned to them.
    'reminder.add': async (input) => changed(await addManualReminder(db, { ...input, assignee: (await readSettings(db)).authorName }, now())),
    'orders.import': async (input, sender) => {
      const result = await base['orders.import'](input, sender);
      if (result.orders.added || result.orders.updated) evaluator.orders(input.rows.map((r) => `${r.platform}:${r.orderNo.trim()}`), input.session);
      return result;
    },
    'orders.importEnd': async (input, sender) => {
      const result = await base['orders.importEnd'](input, sender);
      evaluator.ended(input.session);
      return result;
    },
    'orders.importCancel': async (input, sender) => {
      const result = await base['orders.importCancel'](input, sender);
      evaluator.ended(input.session);
      return result;
    },
    'member.update': async (input, sender) => {
      const row = await base['member.update'](input, sender);
      // Do-not-contact takes effect before the panel shows the member again; a birthday can wait a moment.
      if (input.doNotContact !== undefined) changed(await evaluateMembers(db, [row.id], now(), hooks.resolveSegment));
      else evaluator.member(row.id);
      return row;
    },
  };
}
