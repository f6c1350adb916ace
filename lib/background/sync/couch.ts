// A small client of CouchDB's documented HTTP API: _session, _changes, _bulk_docs, _all_docs,
// open_revs, _security, _users, design documents. Only what CouchDB 3.x documents, so a real
// CouchDB serves it unchanged (tests use pouchdb-server on loopback).
//
// Authentication is the _session cookie: the password is sent once to _session and never kept.
// In the browser the cookie lives in the browser's own cookie jar (HttpOnly) and CouchDB renews it
// on the requests made while it is in use; in Node (tests) this client keeps it in memory.

import { phaseClock, timedPhase } from '../import/phases';

export class CouchError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason: string,
  ) {
    super(`${status} ${error}: ${reason}`);
  }
}

export interface CouchOptions {
  /** e.g. https://couch.example.com (no trailing slash needed) */
  server: string;
  db: string;
  /** 'browser': the browser's cookie jar; 'memory': this object keeps the AuthSession cookie (Node). */
  cookies: 'browser' | 'memory';
  fetch?: typeof fetch;
  /** Basic credentials for admin-only setup calls (never stored). */
  basic?: { name: string; password: string } | undefined;
}

/** One read of _changes. */
export interface ChangesPage {
  results: ChangeRow[];
  last_seq: string | number;
  pending?: number;
}

export interface ChangeRow {
  seq: string | number;
  id: string;
  deleted?: boolean;
  changes: { rev: string }[];
  doc?: Record<string, unknown> & { _id: string; _rev: string; _conflicts?: string[]; _deleted?: boolean };
}

export interface BulkResult {
  id: string;
  rev?: string;
  ok?: boolean;
  error?: string;
  reason?: string;
}

/** https is required except for loopback, where tests and demos run. */
export function checkServerAddress(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new CouchError(0, 'bad_address', 'not a web address (https://…)');
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new CouchError(0, 'bad_address', 'the address must start with https://');
  return url;
}

/**
 * `p`, or its rejection as soon as `signal` aborts. Node's fetch was seen to leave the body read of
 * an aborted long-poll pending until the server ended it (25 s): the sync loop, woken to send a
 * change, then waited that long, and a stop never ended.
 */
export function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason instanceof Error ? signal.reason : new DOMException('The operation was aborted', 'AbortError'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** CouchDB database names: lower-case letter first, then a-z 0-9 _$()+-/ */
export const DB_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

export class CouchClient {
  private readonly base: string;
  private cookie: string | undefined;
  private readonly doFetch: typeof fetch;

  constructor(private readonly opts: CouchOptions) {
    this.base = checkServerAddress(opts.server).origin + checkServerAddress(opts.server).pathname.replace(/\/+$/, '');
    if (!DB_NAME.test(opts.db)) throw new CouchError(0, 'bad_db', 'a database name is lower-case letters, digits and _$()+-/, starting with a letter');
    this.doFetch = opts.fetch ?? ((...a) => fetch(...a));
  }

  get origin(): string {
    return new URL(this.base).origin;
  }

  private url(path: string): string {
    return `${this.base}/${path}`;
  }

  dbPath(rest = ''): string {
    return `${encodeURIComponent(this.opts.db)}${rest}`;
  }

  async request<T>(method: string, path: string, body?: unknown, init: { signal?: AbortSignal | undefined; basic?: boolean } = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.opts.cookies === 'memory' && this.cookie) headers.cookie = this.cookie;
    if (init.basic && this.opts.basic) headers.authorization = `Basic ${btoa(unescape(encodeURIComponent(`${this.opts.basic.name}:${this.opts.basic.password}`)))}`;
    const res = await untilAborted(this.doFetch(this.url(path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: this.opts.cookies === 'browser' ? 'include' : 'omit',
      signal: init.signal,
    }), init.signal);
    if (this.opts.cookies === 'memory') {
      const set = res.headers.get('set-cookie');
      const session = set && /AuthSession=([^;]*)/.exec(set);
      if (session) this.cookie = session[1] ? `AuthSession=${session[1]}` : undefined;
    }
    const text = await timedPhase('couch.body', () => untilAborted(res.text(), init.signal));
    let json: unknown;
    try {
      const mark = phaseClock();
      json = text ? JSON.parse(text) : {};
      mark('couch.parse');
    } catch {
      json = {};
    }
    if (!res.ok) {
      const e = json as { error?: string; reason?: string };
      throw new CouchError(res.status, e.error ?? 'http_error', e.reason ?? res.statusText);
    }
    return json as T;
  }

  /** Signs in: CouchDB answers with the session cookie. The password goes no further. */
  async logIn(name: string, password: string): Promise<{ name: string; roles: string[] }> {
    return this.request('POST', '_session', { name, password });
  }

  async session(): Promise<{ userCtx: { name: string | null; roles: string[] } }> {
    return this.request('GET', '_session');
  }

  async logOut(): Promise<void> {
    await this.request('DELETE', '_session').catch(() => undefined);
    this.cookie = undefined;
  }

  /** The database's info: also how membership is checked (a non-member gets 401/403). */
  async info(): Promise<{ update_seq: string | number; doc_count: number }> {
    return this.request('GET', this.dbPath());
  }

  async changes(
    since: string | number,
    opts: { limit: number; longpollMs?: number; signal?: AbortSignal },
  ): Promise<ChangesPage> {
    const q = new URLSearchParams({ since: String(since), include_docs: 'true', conflicts: 'true', limit: String(opts.limit), style: 'main_only' });
    if (opts.longpollMs !== undefined) {
      q.set('feed', 'longpoll');
      q.set('timeout', String(opts.longpollMs));
    }
    return this.request('GET', this.dbPath(`/_changes?${q}`), undefined, { signal: opts.signal });
  }

  async bulkDocs(docs: readonly object[]): Promise<BulkResult[]> {
    return this.request('POST', this.dbPath('/_bulk_docs'), { docs });
  }

  /** Current versions (with their revisions) of documents by id; missing ones absent. */
  async allDocs(keys: readonly string[]): Promise<Map<string, Record<string, unknown> & { _id: string; _rev: string }>> {
    const out = new Map<string, Record<string, unknown> & { _id: string; _rev: string }>();
    if (!keys.length) return out;
    const res = await this.request<{ rows: { key: string; doc?: (Record<string, unknown> & { _id: string; _rev: string }) | null; error?: string }[] }>('POST', this.dbPath('/_all_docs?include_docs=true&conflicts=true'), { keys });
    for (const row of res.rows) if (row.doc) out.set(row.key, row.doc);
    return out;
  }

  /** Given leaf revisions of one document (its conflicts). */
  async openRevs(id: string, revs: readonly string[]): Promise<Record<string, unknown>[]> {
    const q = new URLSearchParams({ open_revs: JSON.stringify(revs) });
    const res = await this.request<{ ok?: Record<string, unknown> }[]>('GET', this.dbPath(`/${encodeURIComponent(id)}?${q}`));
    return res.flatMap((r) => (r.ok ? [r.ok] : []));
  }

  // Owner setup (admin credentials, sent as Basic on these calls only)

  async createDb(): Promise<void> {
    try {
      await this.request('PUT', this.dbPath(), undefined, { basic: true });
    } catch (e) {
      if (!(e instanceof CouchError && e.status === 412)) throw e;
    }
  }

  async putDesign(id: string, doc: object): Promise<void> {
    const path = this.dbPath(`/${id}`);
    const existing = await this.request<{ _rev?: string }>('GET', path, undefined, { basic: true }).catch(() => ({}) as { _rev?: string });
    await this.request('PUT', path, { ...doc, ...(existing._rev ? { _rev: existing._rev } : {}) }, { basic: true });
  }

  async putSecurity(security: { admins: { names: string[]; roles: string[] }; members: { names: string[]; roles: string[] } }): Promise<void> {
    await this.request('PUT', this.dbPath('/_security'), security, { basic: true });
  }

  async getSecurity(): Promise<{ members?: { names?: string[]; roles?: string[] } }> {
    return this.request('GET', this.dbPath('/_security'), undefined, { basic: true });
  }

  /** Adds (or resets the password of) a team user in _users. */
  async putUser(name: string, password: string): Promise<void> {
    const id = `org.couchdb.user:${name}`;
    const path = `_users/${encodeURIComponent(id)}`;
    const existing = await this.request<{ _rev?: string; roles?: string[] }>('GET', path, undefined, { basic: true }).catch(() => ({}) as { _rev?: string; roles?: string[] });
    await this.request('PUT', path, { _id: id, name, type: 'user', roles: existing.roles ?? [], password, ...(existing._rev ? { _rev: existing._rev } : {}) }, { basic: true });
  }
}
