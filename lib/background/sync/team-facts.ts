// What the team's documents say about one member that its rows do not: who added each tag, and the
// latest contact with who made it. Read from what sync last exchanged (state.ts), for the panel.
import { docId, tagAuthors, type ContactDoc, type TagDoc } from '../../domain/sync/documents';
import type { RegularsDb } from '../../store/database';
import type { TeamFacts } from '../../messaging/card';
import { shadowsOf, shadowsWithPrefix } from './shadows';
import type { SyncStateDb } from './state';

export async function teamFacts(db: RegularsDb, state: SyncStateDb, memberId: string): Promise<TeamFacts | undefined> {
  // Two databases, read at once: the panel waits for this before it paints.
  const [shadows, contacts] = await Promise.all([shadowsWithPrefix(state, [`tag:${memberId}:`]), db.contacts.where('memberId').equals(memberId).toArray()]);
  const tags = shadows.flatMap((s) => (s.doc?.type === 'tag' ? [s.doc as TagDoc] : []));
  const latest = contacts.sort((x, y) => y.at - x.at).slice(0, 20);
  const docs = await shadowsOf(state, latest.map((c) => docId.contact(c.id)));
  const i = docs.findIndex((d) => d?.doc?.type === 'contact');
  const lastContact = i < 0 ? undefined : { by: (docs[i]!.doc as ContactDoc).by, at: latest[i]!.at };
  const authors = tagAuthors(tags);
  if (!Object.keys(authors).length && !lastContact) return undefined;
  return { tagAuthors: Object.fromEntries(Object.entries(authors).map(([tag, s]) => [tag, { by: s.by, at: s.at }])), ...(lastContact ? { lastContact } : {}) };
}
