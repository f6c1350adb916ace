import { useEffect, useState } from 'react';
import type { Translate, UiLocale } from '@/lib/i18n';
import { money, tierName } from '../format';
import type { MemberHit, PanelApi } from './api';

/** First contact: create the member with one click, or link this handle to someone on file. */
export function UnknownBuyer({ handle, t, locale, api }: { handle: string; t: Translate; locale: UiLocale; api: PanelApi }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<MemberHit[]>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (query.trim().length < 2) return setHits(undefined);
    const timer = setTimeout(() => void api.search(query).then(setHits), 150);
    return () => clearTimeout(timer);
  }, [query, api]);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="unknown" data-testid="unknown-buyer">
      <h2>{t('panel.unknown.title')}</h2>
      <p className="muted">{t('panel.unknown.body', { handle: `@${handle}` })}</p>
      <button type="button" className="primary wide" disabled={busy} onClick={() => void run(() => api.createMember())}>
        {t('panel.unknown.create')}
      </button>
      <div className="block">
        <h3>{t('panel.unknown.link', { handle })}</h3>
        <input type="search" aria-label={t('panel.unknown.search')} placeholder={t('panel.unknown.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        {hits && hits.length === 0 && <p className="muted small">{t('panel.unknown.noHits')}</p>}
        {hits && hits.length > 0 && (
          <ul className="hits">
            {hits.map((h) => (
              <li key={h.memberId}>
                <span>
                  <strong>{h.displayName}</strong> <span className="muted small">{h.handles.map((x) => `@${x}`).join(' ')}</span>
                  <br />
                  <span className="muted small">
                    {tierName({ id: h.tierId, name: h.tierId }, t)} · {t('panel.unknown.orders', { count: h.orderCount })} · {money(h.spendMinor, h.currency, locale)}
                  </span>
                </span>
                <button type="button" disabled={busy} onClick={() => void run(() => api.linkTo(h.memberId))}>
                  {t('panel.unknown.linkTo')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
