import { useEffect, useState } from 'react';
import type { Translate, UiLocale } from '@/lib/i18n';
import { money, tierName } from '../format';
import type { MemberHit, PanelApi } from './api';

/** Find someone already on file (name, handle or phone) and act on them: link, or merge. */
export function MemberSearch({ t, locale, api, action, exclude, onPick }: { t: Translate; locale: UiLocale; api: PanelApi; action: string; exclude?: string | undefined; onPick(memberId: string): Promise<void> }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<MemberHit[]>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (query.trim().length < 2) return setHits(undefined);
    const timer = setTimeout(() => void api.search(query).then((found) => setHits(found.filter((h) => h.memberId !== exclude))), 150);
    return () => clearTimeout(timer);
  }, [query, api, exclude]);
  return (
    <>
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
              <button
                type="button"
                disabled={busy}
                onClick={async () => {
                  setBusy(true);
                  try {
                    await onPick(h.memberId);
                  } finally {
                    setBusy(false);
                  }
                }}
              >
                {action}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
