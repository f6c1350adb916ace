// What arrives from the team reaches the reminders as if it had happened here: a colleague's contact
// counts against the frequency cap (the member's active reminders wait until it has passed), and
// do-not-contact set on another computer suppresses this one's reminders for that buyer.
import Dexie from 'dexie';
import type { RegularsDb } from '../../store/database';
import { readJourneySettings } from '../../store/journey-settings';
import { readSettings } from '../../store/settings';
import { deferredByCap } from './reminder-actions';
import { evaluateMembers, MAX_CAP_MS, type SegmentResolver } from './reminders';
import { sweepReminders } from './sweep';

/** Beyond this many members at once (joining a team), one sweep instead of member by member. */
const ONE_BY_ONE_UP_TO = 500;

export async function followTeamChanges(db: RegularsDb, memberIds: ReadonlySet<string>, now: number, resolveSegment?: SegmentResolver): Promise<void> {
  if (!memberIds.size) return;
  if (memberIds.size > ONE_BY_ONE_UP_TO) {
    await sweepReminders(db, now, resolveSegment);
    return;
  }
  const ids = [...memberIds];
  const { timeZone } = await readSettings(db);
  const { rules } = await readJourneySettings(db);
  await db.transaction('rw', [db.members, db.reminders, db.contacts], async () => {
    const members = await db.members.bulkGet(ids);
    const deferred = [];
    for (const [i, id] of ids.entries()) {
      const last = await db.contacts.where('[memberId+at]').between([id, now - MAX_CAP_MS], [id, Dexie.maxKey]).last();
      if (!last) continue;
      const active = await db.reminders.where('memberId').equals(id).toArray();
      deferred.push(...deferredByCap(active, members[i]?.doNotContact ?? false, rules, last.at, timeZone, now));
    }
    if (deferred.length) await db.reminders.bulkPut(deferred);
  });
  // Do-not-contact both ways, and what the rules propose now, with the whole team's contacts.
  await evaluateMembers(db, ids, now, resolveSegment);
}
