// Runs every enabled rule over the facts and applies respect: the reminders that should exist.
import { RULE_IDS, RULES, ruleOfKind, type JourneyRules } from './rules';
import { AUDIENCE } from './holiday';
import { respect, type Proposed } from './respect';
import type { Candidate, JourneyFacts, JourneyRule, RuleBase } from './types';

export function proposedReminders(facts: JourneyFacts, rules: JourneyRules, lastContactAt: (memberId: string) => number | undefined): Proposed[] {
  const out: Proposed[] = [];
  for (const id of RULE_IDS) {
    const settings = rules[id] as RuleBase;
    if (!settings.enabled) continue;
    const candidates: Candidate[] = (RULES[id] as JourneyRule<RuleBase>).candidates(facts, settings);
    for (const c of candidates) {
      // An audience greeting (holiday.ts) is respected member by member when its members are listed.
      if (c.memberId === AUDIENCE) {
        out.push({ ...c, state: 'open' });
        continue;
      }
      const member = facts.members.get(c.memberId);
      if (!member) continue;
      out.push({ ...c, ...respect(c.dueAt, member, rules[ruleOfKind(c.kind)], lastContactAt(c.memberId), facts.timeZone) });
    }
  }
  return out;
}
