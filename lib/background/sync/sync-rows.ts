// What the sync engine's two sides share: which local table each document type fills, how a
// document's id reads, the shadow kept of a synced document, and the context both sides work in.
import { hash53 } from '../../hash';
import { stableJson, type SharedTable, type SyncDoc } from '../../domain/sync/documents';
import type { RegularsDb } from '../../store/database';
import type { CouchClient } from './couch';
import type { JoinWrites } from './join-writes';
import type { ShadowRow, SyncStateDb } from './state';

/** What pushing and applying need: the stores, the team server, who this is, and the engine's status hooks. */
export interface SyncContext {
  db: RegularsDb;
  state: SyncStateDb;
  client: CouchClient;
  me: string;
  now: () => number;
  /** An incoming document did not pass the row schemas: listed, not applied. */
  skip(id: string, reason: string): void;
  /** Tables sync wrote, and the members whose profile, contacts or reminders came from the team. */
  onApplied?: ((tables: ReadonlySet<string>, members: ReadonlySet<string>) => void) | undefined;
  /** The origin of the store writes applying incoming documents (SYNC_ORIGIN unless a catch-up's). */
  origin?: string | undefined;
  /** An incoming document passed the row schemas (its writers join the team's roster). */
  saw?: ((doc: SyncDoc) => void) | undefined;
  /**
   * A member an import under way here created and has not written yet: written now, true if it was
   * (import/handlers.ts). The team's documents on that member (another agent's tags and notes on it
   * while the import runs) then land on the import's row, not on one made from theirs.
   */
  writeWaiting?: ((memberId: string) => Promise<boolean>) | undefined;
  /** A catch-up under way that began with no shadow kept: every shadow there is, it wrote from the feed. */
  feedOnlyShadows?: boolean | undefined;
  /** A catch-up into a store that held no order or no member: what it wrote of them (join-writes.ts). */
  joinWrites?: JoinWrites | undefined;
}

export const TYPE_TABLE: Record<SyncDoc['type'], SharedTable | undefined> = {
  member: 'members',
  tag: undefined,
  identity: 'identities',
  order: 'orders',
  note: 'notes',
  contact: 'contacts',
  reminder: 'reminders',
  segment: 'segments',
  siteRule: 'siteRules',
  setting: 'settings',
};

export const MAX_SKIPPED = 100;
export const orderHash = (doc: { row: unknown; member: unknown }) => hash53(stableJson([doc.row, doc.member]));
export const docType = (id: string) => id.slice(0, id.indexOf(':')) as SyncDoc['type'];
export const rowKeyOf = (id: string) => id.slice(id.indexOf(':') + 1);
/** The N of a CouchDB revision 'N-hash': how many edits the version has seen. */
export const revGeneration = (rev: string) => Number.parseInt(rev, 10) || 0;

/** A document to write locally; `synced` is the server's version when `doc` also holds local changes not yet sent. */
export interface Incoming {
  doc: SyncDoc;
  rev: string | undefined;
  synced?: SyncDoc | undefined;
}

/** The outbox entry (table, key) whose row a document comes from. */
export function rowOfDoc(doc: SyncDoc): [SharedTable, string] {
  if (doc.type === 'member' || doc.type === 'tag') return ['members', doc.memberId];
  if (doc.type === 'setting') return ['settings', doc.key];
  return [TYPE_TABLE[doc.type]!, rowKeyOf(doc._id)];
}

export function shadowFor(doc: SyncDoc & { _rev: string }): ShadowRow {
  if (doc.type === 'order') return { id: doc._id, rev: doc._rev, order: { memberId: doc.row.memberId, member: doc.member }, hash: orderHash(doc) };
  const { _rev, ...body } = doc;
  void _rev;
  return { id: doc._id, rev: doc._rev, doc: body as SyncDoc };
}
