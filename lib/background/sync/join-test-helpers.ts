// Test-only: a team's shop whose buyers are owed follow-ups, and what a computer joining it does
// with the reminders as the background wires them: something run mid-join (once a page of the
// shop has been read), and the reminders following what arrived, then the scheduler's check.
import type { RegularsDb } from '../../store/database';
import type { ReminderBrowser } from '../reminders/scheduler';
import { followTeamChanges } from '../reminders/team-changes';
import { order } from '../test-helpers';
import type { teamMachines } from './test-helpers';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const quiet: ReminderBrowser = { setAlarm: () => undefined, notify: () => undefined, clearNotification: () => undefined, setBadge: () => undefined, openMember: () => undefined, openToday: () => undefined, iconUrl: 'icon.png', uiLanguage: 'en' };

/** Alice's shop on the team server: 120 orders of 40 buyers whose delivered orders are owed a follow-up. */
export function followUpShop({ teamWithShop }: Pick<ReturnType<typeof teamMachines>, 'teamWithShop'>) {
  const now = Date.now();
  return teamWithShop(Array.from({ length: 120 }, (_, i) => order({ orderNo: `F${i}`, buyer: { handle: `buyer${i % 40}` }, placedAt: now - ((i * 7) % 40) * DAY, amountMinor: 1000 + i })), { now });
}

/** A fetch (through `through`) that runs `midJoin` once the `page`-th page of _changes is read, before handing it on; `pages()`: how many were read. */
export function midJoinAt(page: number, midJoin: () => Promise<void>, through: typeof fetch = fetch) {
  let pages = 0;
  const f: typeof fetch = async (input, init) => {
    const res = await through(input, init);
    if (String(input instanceof Request ? input.url : input).includes('/_changes') && ++pages === page) await midJoin();
    return res;
  };
  return { fetch: f, pages: () => pages };
}

/**
 * What a catch-up brought, followed as the background does (onApplied): the reminders follow it,
 * then the scheduler checks. `to`: the computer's store and scheduler, set once they exist.
 */
export function followingTheTeam(clock: () => number) {
  const to: { db?: RegularsDb; scheduler?: { reconcile(): Promise<unknown> } } = {};
  let following: Promise<unknown> = Promise.resolve();
  return {
    to,
    onApplied: (_tables: ReadonlySet<string>, members: ReadonlySet<string>) =>
      void (following = following.then(() => followTeamChanges(to.db!, members, clock())).then(() => to.scheduler?.reconcile())),
    followed: () => following,
  };
}
