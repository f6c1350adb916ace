import { useEffect, useState } from 'react';
import type { Translate, UiLocale } from '@/lib/i18n';
import { errorText } from '../error-text';
import { money, tierName } from '../format';
import type { MemberHit, PanelApi } from './api';

/**
 * Find someone already on file (name, handle or phone) and act on them: link, or merge. An action
 * that fails says why in `failed`'s words (given the member's name and the reason), and the search
 * and its results stay to try again.
 */
export function MemberSearch({ t, locale, api, action, exclude, onPick, failed }: {
  t: Translate;
  locale: UiLocale;
  api: PanelApi;
  action: string;
  exclude?: string | undefined;
  onPick(memberId: string): Promise<void>;
  failed(name: string, message: string): string;
}) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<MemberHit[]>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
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
                  setFailure(undefined);
                  try {
                    await onPick(h.memberId);
                  } catch (e) {
                    setFailure(failed(h.displayName, errorText(t, e)));
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
      {failure && (
        <p className="error-text small" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}
