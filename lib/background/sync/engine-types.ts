// The sync engine's status, as the options page and the popup show it, and what the engine is given.
import type { RegularsDb } from '../../store/database';
import type { CouchClient } from './couch';
import type { SubscribeToCommitted } from './committed-changes';
import type { SyncStateDb } from './state';
import type { OutboxNoter } from './noter';

export type SyncState = 'off' | 'starting' | 'syncing' | 'synced' | 'offline' | 'signIn' | 'notMember' | 'noDatabase';

export interface SyncStatus {
  state: SyncState;
  /** When the last full catch-up ended (synced) or the next retry is (offline). */
  at?: number | undefined;
  /** Local changes not yet on the server. */
  waiting: number;
  /** Initial sync: documents applied of those in the database. */
  progress?: { done: number; total: number; startedAt: number } | undefined;
  /** The last change the server refused, and why. */
  refused?: { id: string; reason: string } | undefined;
  /** Incoming documents skipped because they did not pass the row schemas. */
  skipped: { id: string; reason: string }[];
}

export interface SyncDeps {
  db: RegularsDb;
  state: SyncStateDb;
  client: CouchClient;
  /** The team user: stamps tags, notes' owner, contacts. */
  me: string;
  now: () => number;
  subscribe: SubscribeToCommitted;
  /** The service's (noter.ts), listening since the worker started; without it the engine listens from start() to close(). */
  noter?: OutboxNoter;
  onStatus?: (status: SyncStatus) => void;
  /**
   * Tables whose rows sync just wrote (reminders, reports and caches listen); `session`: a catch-up
   * ended whose writes were that import-like session (catchUpSession).
   */
  onApplied?: (tables: ReadonlySet<string>, members: ReadonlySet<string>, session?: string) => void;
  /** A member an import under way here created and has not written yet: written now, true if it was (sync-rows.ts). */
  writeWaiting?: (memberId: string) => Promise<boolean>;
  /** Long-poll length; tests shorten it. */
  longpollMs?: number;
  /** How long past its length a long-poll the server still holds is ended here (5 s; tests shorten it). */
  heldPastMs?: number;
  /** Documents per read and per push (tests make it small). */
  batch?: number;
  /** The wait after a failed round, doubled after each failure up to `maxMs` (1 s to 30 s; tests shorten it). */
  retry?: { firstMs: number; maxMs: number };
}
