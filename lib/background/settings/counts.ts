// How many rows the store holds, for the popup and the options page.
import type { RegularsDb } from '../../store/database';
import { keptWhileUnchanged } from '../../store/kept';

const COUNTED = ['members', 'orders', 'identities'] as const;

/**
 * Rows per table. Chromium counts 300k orders by walking them (most of a second, and the popup asks
 * each time it opens), so the counts are kept with the generation marks of the tables counted
 * (generation.ts) and counted again only after one of them changed. Notes are few.
 */
export async function storeCounts(db: RegularsDb) {
  const count = async () => {
    const [members, orders, identities] = await Promise.all(COUNTED.map((t) => db.table(t).count()));
    const value = { members: members!, orders: orders!, identities: identities! };
    return { value, columns: value };
  };
  const [counted, notes] = await Promise.all([keptWhileUnchanged(db, 'counts', COUNTED, count, (kept: { members: number; orders: number; identities: number }) => kept), db.notes.count()]);
  return { members: counted.members, orders: counted.orders, notes, identities: counted.identities };
}
