// Respect, applied to every reminder a rule proposes: do-not-contact, the frequency cap from the
// contact log, and the rule's contact window (quiet hours) in the shop's time zone.
import type { Candidate, JourneyMember, RuleBase } from './types';
import { nextAllowedTime } from './window';

export type ReminderState = 'open' | 'suppressed';

export interface Respected {
  dueAt: number;
  state: ReminderState;
  suppressedBecause?: 'doNotContact' | undefined;
}

/**
 * When a reminder for `member` may fall due. A do-not-contact member's reminders are kept, marked
 * suppressed (never silently dropped). A contact within the cap before the due time pushes it to
 * when the cap runs out; then quiet hours push it to the window's next opening.
 */
export function respect(dueAt: number, member: Pick<JourneyMember, 'doNotContact'>, rule: Pick<RuleBase, 'window' | 'capHours'>, lastContactAt: number | undefined, timeZone: string): Respected {
  let due = dueAt;
  if (lastContactAt !== undefined && rule.capHours > 0) {
    const capEnds = lastContactAt + rule.capHours * 3_600_000;
    if (due < capEnds) due = capEnds;
  }
  due = nextAllowedTime(due, rule.window, timeZone);
  return member.doNotContact ? { dueAt: due, state: 'suppressed', suppressedBecause: 'doNotContact' } : { dueAt: due, state: 'open' };
}

export type Proposed = Candidate & Respected;
