// The team database the sync benches join: BENCH members, each with a handle identity on the demo
// marketplace (the bench chat site shows them) and three orders, in the documents an owner's
// computer sends (the engine's own row -> document mapping).
//
// Most are written straight into the server's database (PouchDB's bulkDocs in the server process:
// the same revisions and _changes as _bulk_docs, without HTTP), then the owner's setup runs as the
// options page runs it (database, validate_doc_update, users, _security): with the design document
// in place first, the server runs its JavaScript once per document and 100k members took 33-60 min.
// The last VALIDATED members are then sent by an agent through _bulk_docs, so validate_doc_update
// checks documents of the very same shape, and one it refused stops the bench.
import { memberRow, identityRow, orderRow } from '../../lib/domain/sync/fixtures';
import { identityDocFromRow, memberDocFromRow, orderDocFromRow } from '../../lib/domain/sync/row-to-doc';
import { CouchClient } from '../../lib/background/sync/couch';
import { setUpTeam } from '../../lib/background/sync/setup';
import { benchHandle } from './generate';
import type { BenchCouch } from './sync-server';

export const TEAM_DB = 'shop';
export const AGENTS = [
  { name: 'alice', password: 'alice-pw' },
  { name: 'bob', password: 'bob-pw' },
] as const;

const DAY = 86_400_000;
const ORDERS_PER_MEMBER = 3;
/** Members per write (five documents each). */
const PER_WRITE = 4000;
/** Members sent last by an agent, through validate_doc_update. */
const VALIDATED = 1000;

export const benchMemberId = (i: number) => `m_${i}`;

/** Members [from, to) as the documents alice's computer sends. */
function teamDocs(from: number, to: number, now: number): object[] {
  const docs: object[] = [];
  for (let i = from; i < to; i++) {
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
  return docs;
}

const refusals = (results: { ok?: boolean; error?: string; id?: string }[]) => results.filter((r) => r.error).map((r) => `${r.id}: ${r.error}`);

export interface Seeded {
  documents: number;
  orders: number;
  ms: number;
  /** Of which written before validate_doc_update was installed, and how long that part took. */
  direct: number;
  directMs: number;
  /** Sent by an agent through _bulk_docs and validate_doc_update (none refused). */
  validated: number;
}

/** Creates the team database and writes the shop into it; resolves with what was written and how long it took. */
export async function seedTeam(server: BenchCouch, members: number): Promise<Seeded> {
  const t0 = performance.now();
  await new CouchClient({ server: server.url, db: TEAM_DB, cookies: 'memory', basic: server.admin }).createDb();
  const local = server.local(TEAM_DB);
  const now = Date.now();
  const split = Math.max(0, members - VALIDATED);
  let direct = 0;
  for (let m = 0; m < split; m += PER_WRITE) {
    const docs = teamDocs(m, Math.min(split, m + PER_WRITE), now);
    const refused = refusals(await local.bulkDocs(docs));
    if (refused.length) throw new Error(`the seed was refused: ${refused.slice(0, 3).join('; ')}`);
    direct += docs.length;
  }
  const directMs = performance.now() - t0;
  await setUpTeam({ server: server.url, db: TEAM_DB, admin: server.admin, members: [...AGENTS] });
  const alice = new CouchClient({ server: server.url, db: TEAM_DB, cookies: 'memory' });
  await alice.logIn(AGENTS[0].name, AGENTS[0].password);
  let validated = 0;
  for (let m = split; m < members; m += PER_WRITE) {
    const docs = teamDocs(m, Math.min(members, m + PER_WRITE), now);
    const refused = refusals(await alice.bulkDocs(docs));
    if (refused.length) throw new Error(`validate_doc_update refused the seed: ${refused.slice(0, 3).join('; ')}`);
    validated += docs.length;
  }
  const { doc_count } = await local.info();
  if (doc_count !== direct + validated + 1) throw new Error(`the team database holds ${doc_count} documents, not ${direct + validated} and the design document`);
  return { documents: direct + validated, orders: members * ORDERS_PER_MEMBER, ms: performance.now() - t0, direct, directMs, validated };
}
