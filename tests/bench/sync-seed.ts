// The team database the sync benches join: BENCH members, each with a handle identity on the demo
// marketplace (the bench chat site shows them) and three orders, written with the admin's
// _bulk_docs in the documents an owner's computer sends.
import { memberRow, identityRow, orderRow } from '../../lib/domain/sync/fixtures';
import { identityDocFromRow, memberDocFromRow, orderDocFromRow } from '../../lib/domain/sync/row-to-doc';
import { CouchClient } from '../../lib/background/sync/couch';
import { setUpTeam } from '../../lib/background/sync/setup';
import type { CouchServer } from '../support/couch-server';
import { benchHandle } from './generate';

export const TEAM_DB = 'shop';
export const AGENTS = [
  { name: 'alice', password: 'alice-pw' },
  { name: 'bob', password: 'bob-pw' },
] as const;

const DAY = 86_400_000;
const ORDERS_PER_MEMBER = 3;
/** Members per _bulk_docs request (five documents each). */
const PER_REQUEST = 2000;

export const benchMemberId = (i: number) => `m_${i}`;

/** Creates the team database and writes the shop into it; resolves with what was written and how long it took. */
export async function seedTeam(server: CouchServer, members: number): Promise<{ documents: number; orders: number; ms: number }> {
  const t0 = performance.now();
  const admin = new CouchClient({ server: server.url, db: TEAM_DB, cookies: 'memory', basic: server.admin });
  await admin.createDb();
  await admin.logIn(server.admin.name, server.admin.password);
  const now = Date.now();
  let documents = 0;
  for (let m = 0; m < members; m += PER_REQUEST) {
    const docs: object[] = [];
    for (let i = m; i < Math.min(members, m + PER_REQUEST); i++) {
      const id = benchMemberId(i);
      const handle = benchHandle(i);
      docs.push(memberDocFromRow(memberRow({ id, displayName: `Buyer ${i}`, currency: 'USD', createdAt: now, updatedAt: now }), undefined, 'alice'));
      docs.push(identityDocFromRow(identityRow({ id: `demo:handle:${handle}`, platform: 'demo', value: handle, display: handle, memberId: id }), undefined, 'alice', now));
      for (let k = 0; k < ORDERS_PER_MEMBER; k++) {
        const orderNo = `B${i}-${k}`;
        const placedAt = now - ((i * 7 + k * 131) % 730) * DAY;
        docs.push(orderDocFromRow(orderRow({ id: `demo:${orderNo}`, platform: 'demo', orderNo, memberId: id, buyer: handle, currency: 'USD', amountMinor: 1000 + ((i + k) % 300) * 100, placedAt, paidAt: placedAt + 3_600_000, updatedAt: now }), undefined, 'alice', now));
      }
    }
    await admin.bulkDocs(docs);
    documents += docs.length;
  }
  // The team set up after the documents are in: its validate_doc_update would check each one (the
  // documents come from the same mapping the engine sends, which the sync tests check against it).
  await setUpTeam({ server: server.url, db: TEAM_DB, admin: server.admin, members: [...AGENTS] });
  return { documents, orders: members * ORDERS_PER_MEMBER, ms: performance.now() - t0 };
}
