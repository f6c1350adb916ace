import { useEffect, useId, useState } from 'react';
import type { Translate, UiLocale } from '@/lib/i18n';
import { ProtocolFailure } from '@/lib/messaging/errors';
import type { SyncStatusView } from '@/lib/messaging/protocol-sync';
import { TEAM_REFUSALS, type TeamRefusal } from '@/lib/messaging/team-refusals';
import { syncStatusLine } from './sync-status-line';
import { errorText } from './error-text';

export interface TeamApi {
  status(): Promise<SyncStatusView>;
  connect(c: { server: string; db: string; user: string; password: string }): Promise<SyncStatusView>;
  disconnect(): Promise<SyncStatusView>;
  /** Offline: try the server now. */
  retry(): Promise<SyncStatusView>;
  setup(
    s: { server: string; db: string; admin: { name: string; password: string }; members: { name: string; password?: string }[] },
  ): Promise<{ members: number }>;
  /** Asks the browser for this server's origin only; false when the user declines. */
  allowOrigin(origin: string): Promise<boolean>;
}

/** Why connecting or setting up failed, in the user's language: by its team code, else by the reason the background gave (a server's own answer stays in the log). */
export function teamRefusalText(t: Translate, error: unknown): string {
  const code = error instanceof ProtocolFailure && error.error.code === 'invalid_request' ? error.error.message : undefined;
  return code && (TEAM_REFUSALS as readonly string[]).includes(code) ? t(`team.reason.${code as TeamRefusal}`) : errorText(t, error);
}

export function TeamSection({ t, locale, api, now = () => Date.now() }: { t: Translate; locale: UiLocale; api: TeamApi; now?: () => number }) {
  const [status, setStatus] = useState<SyncStatusView>();
  const [server, setServer] = useState('https://');
  const [db, setDb] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [setupOpen, setSetupOpen] = useState(false);
  const [admin, setAdmin] = useState({ name: '', password: '' });
  const [agents, setAgents] = useState('');
  const [done, setDone] = useState('');
  const ids = { server: useId(), db: useId(), user: useId(), password: useId(), adminName: useId(), adminPassword: useId(), agents: useId() };

  useEffect(() => {
    let alive = true;
    const read = () =>
      api.status().then(
        (s) => {
          if (!alive) return;
          setStatus(s);
          if (s.config) {
            setServer((v) => (v === 'https://' ? s.config!.server : v));
            setDb((v) => v || s.config!.db);
            setUser((v) => v || s.config!.user);
          }
        },
        () => undefined,
      );
    void read();
    const timer = setInterval(read, 1000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [api]);

  const origin = (): string | undefined => {
    try {
      return new URL(server.trim()).origin;
    } catch {
      return undefined;
    }
  };

  const act = async (job: () => Promise<void>) => {
    setBusy(true);
    setError('');
    setDone('');
    try {
      await job();
    } catch (e) {
      setError(t('team.error.failed', { reason: teamRefusalText(t, e) }));
    } finally {
      setBusy(false);
    }
  };

  const permitted = async () => {
    const o = origin();
    if (!o) throw new Error(t('team.error.address', { reason: server }));
    if (!(await api.allowOrigin(o))) throw new Error(t('team.error.permission', { origin: o }));
  };

  const connected = status && status.state !== 'off' && status.config;

  return (
    <section className="section" aria-labelledby="team-h">
      <h2 id="team-h">{t('team.title')}</h2>
      <p className="muted">{t('team.lead')}</p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            await permitted();
            setStatus(await api.connect({ server: server.trim(), db: db.trim(), user: user.trim(), password }));
            setPassword('');
          });
        }}
      >
        <label className="field" htmlFor={ids.server}>
          <span>{t('team.server')}</span>
          <input id={ids.server} type="url" value={server} required onChange={(e) => setServer(e.target.value)} />
        </label>
        <label className="field" htmlFor={ids.db}>
          <span>{t('team.db')}</span>
          <input id={ids.db} value={db} required pattern="[a-z][a-z0-9_$()+/\-]*" onChange={(e) => setDb(e.target.value)} />
        </label>
        <label className="field" htmlFor={ids.user}>
          <span>{t('team.user')}</span>
          <input id={ids.user} value={user} required autoComplete="username" onChange={(e) => setUser(e.target.value)} />
        </label>
        <label className="field" htmlFor={ids.password}>
          <span>{t('team.password')}</span>
          <input id={ids.password} type="password" value={password} required autoComplete="current-password" onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          {t('team.connect')}
        </button>
        {connected && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void act(async () => setStatus(await api.disconnect()))}>
            {t('team.disconnect')}
          </button>
        )}
      </form>
      <div className="row team-status-row">
        <p role="status" className="team-status">
          {error || (status ? syncStatusLine(status, t, locale, now()) : '')}
        </p>
        {status?.state === 'offline' && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void act(async () => setStatus(await api.retry()))}>
            {t('team.retry')}
          </button>
        )}
      </div>
      {status?.progress && status.progress.total > 0 && <progress max={status.progress.total} value={Math.min(status.progress.done, status.progress.total)} />}
      {connected && status?.config && <p className="muted small">{t('team.connectedAs', { db: status.config.db, user: status.config.user })} · {t('team.keepsLocal')}</p>}
      {status?.refused && <p className="muted small">{t('team.state.refused', { id: status.refused.id, reason: status.refused.reason })}</p>}
      {status && status.skipped.length > 0 && (
        <details>
          <summary>{t('team.state.skipped', { count: status.skipped.length })}</summary>
          <ul className="small">
            {status.skipped.map((s) => (
              <li key={s.id}>
                <code>{s.id}</code>: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <details open={setupOpen} onToggle={(e) => setSetupOpen((e.target as HTMLDetailsElement).open)}>
        <summary>{t('team.setup')}</summary>
        <p className="muted small">{t('team.setup.lead')}</p>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              await permitted();
              const members = agents
                .split('\n')
                .map((l) => l.trim())
                .filter(Boolean)
                .map((l) => {
                  const [name, ...rest] = l.split(/\s+/);
                  const pw = rest.join(' ');
                  return pw ? { name: name!, password: pw } : { name: name! };
                });
              const r = await api.setup({ server: server.trim(), db: db.trim(), admin, members });
              setAdmin({ name: admin.name, password: '' });
              setDone(t('team.setup.done', { db: db.trim(), count: r.members }));
            });
          }}
        >
          <label className="field" htmlFor={ids.adminName}>
            <span>{t('team.setup.adminUser')}</span>
            <input id={ids.adminName} value={admin.name} required onChange={(e) => setAdmin({ ...admin, name: e.target.value })} />
          </label>
          <label className="field" htmlFor={ids.adminPassword}>
            <span>{t('team.setup.adminPassword')}</span>
            <input id={ids.adminPassword} type="password" value={admin.password} required onChange={(e) => setAdmin({ ...admin, password: e.target.value })} />
          </label>
          <label className="field" htmlFor={ids.agents}>
            <span>{t('team.setup.members')}</span>
            <textarea id={ids.agents} rows={3} value={agents} onChange={(e) => setAgents(e.target.value)} />
          </label>
          <button type="submit" disabled={busy}>
            {t('team.setup.run')}
          </button>
        </form>
        {done && <p className="small">{done}</p>}
      </details>
    </section>
  );
}
