// The facts a journey test starts from: one member, Monday 23 Nov 2026 noon in Singapore, and
// the default rules; each test changes only what its rule reads.
import { DAY_MS } from '../time';
import { proposedReminders } from './evaluate';
import { defaultJourneyRules } from './rules';
import type { JourneyFacts, JourneyMember, JourneyOrder } from './types';

export const SG = 'Asia/Singapore';
export const utc = (iso: string) => Date.parse(`${iso}Z`);
export const iso = (ts: number) => new Date(ts).toISOString().slice(0, 16);
// Monday 23 Nov 2026, 12:00 in Singapore (04:00 UTC).
export const NOW = utc('2026-11-23T04:00:00');

export function member(over: Partial<JourneyMember> = {}): JourneyMember {
  return { id: 'm1', tierId: 'regular', doNotContact: false, orderCount: 3, spendMinor: 30_000, firstOrderAt: NOW - 200 * DAY_MS, lastOrderAt: NOW - 20 * DAY_MS, profile: {}, ...over };
}
export function order(over: Partial<JourneyOrder> = {}): JourneyOrder {
  return { id: 'demo:1', memberId: 'm1', status: 'paid', amountMinor: 5_000, placedAt: NOW - DAY_MS, ...over };
}
export function facts(over: Partial<JourneyFacts> & { memberList?: JourneyMember[] } = {}): JourneyFacts {
  const list = over.memberList ?? [member()];
  return {
    now: NOW,
    timeZone: SG,
    lapseDays: 90,
    members: new Map(list.map((m) => [m.id, m])),
    orders: [],
    tierChanges: [],
    leftOpen: [],
    segmentOf: () => undefined,
    savedSegments: new Map(),
    ...over,
  };
}
export const run = (
  f: JourneyFacts,
  rules = defaultJourneyRules(),
  last: (id: string) => number | undefined = () => undefined,
) => proposedReminders(f, rules, last);
export const only = (f: JourneyFacts, kind: string, rules = defaultJourneyRules()) => run(f, rules).filter((r) => r.kind === kind);
