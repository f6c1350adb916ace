// The reminders capability: its messages, and the journey rules evaluated after orders or members change.
import type { MemberRow } from '../../domain/rows';
import type { Handlers } from '../../messaging/router';
import type { RegularsDb } from '../../store/database';
import { readJourneySettings, writeJourneySettings } from '../../store/journey-settings';
import { addManualReminder, assignReminder, completeReminder, dismissReminder, snoozeReminder } from './reminder-actions';
import { evaluateMembers, type SegmentResolver } from './reminders';
import { sweepReminders } from './sweep';
import { sweepSoon } from './scheduler';
import { timedJob } from '../lane';
import { readSettings } from '../../store/settings';
import { todayList } from './today';
import { firstScreen } from '../../domain/today';
import type { TodayKeeper } from './today-kept';

type ReminderHandlerNames =
  | 'reminders.today'
  | 'reminder.done'
  | 'reminder.snooze'
  | 'reminder.assign'
  | 'reminder.dismiss'
  | 'reminders.sweep'
  | 'journeys.settings.get'
  | 'journeys.settings.update'
  | 'reminder.add';

export interface JourneyHooks {
  /** Reminders changed: the scheduler recounts the badge and moves the alarm. */
  onRemindersChanged?: () => void;
  resolveSegment?: SegmentResolver | undefined;
  /** Who the agent is on the team (the team user while connected); absent: the author name. */
  me?: () => Promise<string | undefined>;
  /** Everyone on the team while connected: "Assign to" lists them all, not only names already assigned. */
  team?: () => Promise<string[]>;
  /** Resolves once the tier moves of the writes so far are recorded (tier-upgrade reminders read them). */
  tiersRanked?: () => Promise<void>;
  /**
   * Resolves once the report snapshot under way is written: after an import the reports page waits
   * for it, the reminders can wait for it (the two share the background's one thread).
   */
  reportFirst?: () => Promise<void>;
  /** A join brings the team's shop (scheduler.ts sweepHeld): a sweep asked for now runs at its end. */
  sweepHeld?: () => boolean | Promise<boolean>;
  /** Keeps the popup's first screen of Today in session storage (today-kept.ts). */
  keptToday?: TodayKeeper;
}

/** Beyond this many orders (or a tenth as many members) in one go, one sweep is cheaper than evaluating member by member. */
const SWEEP_ABOVE = 2000;

/**
 * Evaluates rules for the members whose orders or profile changed, a moment after the last change:
 * an import arrives in batches and should be evaluated once.
 */
export function journeyEvaluator(db: RegularsDb, now: () => number, hooks: JourneyHooks, delayMs = 300) {
  const orderIds = new Set<string>();
  /** More orders came than are evaluated one by one: every member is swept, and their ids are not kept (an import of 600k orders). */
  let sweepAll = false;
  const memberIds = new Set<string>();
  /** Import sessions still sending batches: rules wait for the last one (the import capability ends idle ones). */
  const open = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  /** Evaluations started and not yet finished. */
  let inFlight = 0;
  const run = async () => {
    inFlight++;
    try {
      await evaluate();
    } finally {
      inFlight--;
    }
  };
  const evaluate = async () => {
    await hooks.tiersRanked?.();
    await hooks.reportFirst?.();
    await timedJob('reminders', evaluateWritten);
  };
  /** Evaluates the rules for what was written since the last evaluation. */
  const evaluateWritten = async () => {
    const orders = [...orderIds];
    const members = [...memberIds];
    const all = sweepAll;
    orderIds.clear();
    memberIds.clear();
    sweepAll = false;
    if (!all && orders.length <= SWEEP_ABOVE) for (const o of await db.orders.bulkGet(orders)) if (o) members.push(o.memberId);
    if (all || orders.length > SWEEP_ABOVE || new Set(members).size > SWEEP_ABOVE / 10) await sweepReminders(db, now(), hooks.resolveSegment, true);
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
      for (const id of sweepAll ? [] : ids) {
        orderIds.add(id);
        if (orderIds.size <= SWEEP_ABOVE) continue;
        sweepAll = true;
        orderIds.clear();
        break;
      }
      if (session) open.add(session);
      schedule();
    },
    /** The import session ended (or was cancelled): evaluate what it brought. */
    ended(session: string) {
      open.delete(session);
      if (sweepAll || orderIds.size || memberIds.size) schedule();
    },
    member(id: string) {
      memberIds.add(id);
      schedule();
    },
    /**
     * Reminders are not yet what the store says: an import is still sending, or orders and members
     * that changed wait to be evaluated. Today shows "updating", not a false "nothing due".
     */
    busy(): boolean {
      return inFlight > 0 || timer !== undefined || open.size > 0 || sweepAll || orderIds.size > 0 || memberIds.size > 0;
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

export function reminderCapability(db: RegularsDb, now: () => number, hooks: JourneyHooks) {
  const evaluator = journeyEvaluator(db, now, hooks);
  const changed = <T>(value: T): T => {
    hooks.onRemindersChanged?.();
    return value;
  };
  /**
   * True while a join brings the team's shop: a sweep now would read half its orders and make
   * reminders, shared rows, from them. It is left to the scheduler, which runs it at the join's end.
   */
  const heldForJoin = async (): Promise<boolean> => {
    if (!(await hooks.sweepHeld?.())) return false;
    await sweepSoon(db);
    hooks.onRemindersChanged?.();
    return true;
  };
  const handlers: Pick<Handlers, ReminderHandlerNames> = {
    'reminders.today': async ({ firstRows, ...input }) => {
      // Asked before the list is read too: an evaluation that ends while it is read may have changed
      // what it holds, and the page must then ask again, not be told the list is complete.
      const busyBefore = evaluator.busy();
      const mark = hooks.keptToday?.mark();
      const options = { ...input, me: await hooks.me?.(), resolveSegment: hooks.resolveSegment };
      const [list, team, { locale, setupAt }] = await Promise.all([todayList(db, now(), options), hooks.team?.().catch(() => []) ?? [], readSettings(db)]);
      const assignees = [...new Set([...list.assignees, ...team])].sort((a, b) => a.localeCompare(b));
      // The first screen's rows alone: the whole list (held in memory) follows when the popup asks again.
      const shown = firstRows === undefined ? list : { ...list, ...firstScreen(list, firstRows), partial: true };
      const answer = { ...shown, assignees, updating: busyBefore || evaluator.busy(), settings: { locale, setupAt } };
      if (mark !== undefined) hooks.keptToday?.keep(mark, { ...input, firstRows }, answer);
      return answer;
    },
    'reminder.done': async ({ id, outcome }) => changed(await completeReminder(db, id, outcome, 'chat', now())),
    'reminder.snooze': async ({ id, until }) => changed(await snoozeReminder(db, id, until, now())),
    'reminder.assign': async ({ id, assignee }) => changed(await assignReminder(db, id, assignee, now())),
    'reminder.dismiss': async ({ id }) => changed(await dismissReminder(db, id, now())),
    'reminders.sweep': async () => {
      if (await heldForJoin()) return { created: 0, suppressed: 0, reopened: 0, obsolete: 0, heldForJoin: true };
      const t = performance.now();
      await evaluator.flush();
      const flushed = performance.now() - t;
      const evaluation = await sweepReminders(db, now(), hooks.resolveSegment);
      return changed({ ...evaluation, phases: { flushEvaluator: flushed, ...evaluation.phases } });
    },
    'journeys.settings.get': () => readJourneySettings(db),
    // No reminder changed: the check of what fell due (the scheduler's reconcile) would only run
    // beside the sweep an agent starts next ("Run the rules now", a new holiday in view).
    'journeys.settings.update': (patch) => writeJourneySettings(db, patch),
    // A reminder set in the panel is the agent's own: assigned to them.
    'reminder.add': async (input) => changed(await addManualReminder(db, { ...input, assignee: (await hooks.me?.()) ?? (await readSettings(db)).authorName }, now())),
  };
  return {
    handlers,
    evaluator,
    heldForJoin,
    /** A member's profile changed: do-not-contact takes effect before the panel shows the member again; a birthday can wait a moment. */
    async memberUpdated(row: MemberRow, patch: { doNotContact?: boolean | undefined }) {
      if (patch.doNotContact !== undefined) changed(await evaluateMembers(db, [row.id], now(), hooks.resolveSegment));
      else evaluator.member(row.id);
    },
  };
}
